import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import vectors from './fixtures/oidc-vectors.json';
import { checkAccessToken, checkIdToken, checkOidc, hashAlgorithmFor, leftHalfHash, oidcTokenKind, type OidcCheck, type OidcExpected } from './index';

type Json = Record<string, unknown>;

function partsOf(token: string): { header: Json; payload: Json } {
  const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Json);
  return { header: header!, payload: payload! };
}

const AS_OF = (vectors.iat + 60) * 1000;
const rs256 = vectors.idTokens[0]!;

function everything(vector: (typeof vectors.idTokens)[number]): OidcExpected {
  return { issuer: vectors.issuer, clientId: vectors.clientId, nonce: vectors.nonce, maxAge: String(vectors.maxAge), accessToken: vector.accessToken, code: vector.code };
}

function stateOf(checks: OidcCheck[], name: string): OidcCheck {
  const found = checks.find((check) => check.check === name);
  if (!found) throw new Error(`no ${name} check`);
  return found;
}

/** The RS256 vector's ID token, changed, checked with every expected value given unless `expected` overrides it. */
async function crafted(change: (payload: Json) => void, expected: Partial<OidcExpected> = {}, now = AS_OF): Promise<OidcCheck[]> {
  const { header, payload } = partsOf(rs256.token);
  change(payload);
  return checkIdToken(header, payload, { now, expected: { ...everything(rs256), ...expected } });
}

describe('ID tokens made by PyJWT and hashlib', () => {
  it.each(vectors.idTokens.map((vector) => [vector.alg, vector] as const))('%s: every check passes with every input given', async (_alg, vector) => {
    const { header, payload } = partsOf(vector.token);
    const checks = await checkIdToken(header, payload, { now: AS_OF, expected: everything(vector) });
    expect(Object.fromEntries(checks.map((check) => [check.check, check.state]))).toEqual(vector.expected);
  });

  it.each(vectors.idTokens.map((vector) => [vector.alg, vector] as const))('%s: at_hash and c_hash come out as the independent implementation made them', async (_alg, vector) => {
    const hash = hashAlgorithmFor(vector.alg);
    if (!hash.ok) throw new Error(hash.reason);
    expect(await leftHalfHash(vector.accessToken, hash.hash)).toBe(vector.atHash);
    expect(await leftHalfHash(vector.code, hash.hash)).toBe(vector.cHash);
  });

  it('is detected as an ID token', () => {
    for (const vector of vectors.idTokens) expect(oidcTokenKind(partsOf(vector.token).header, partsOf(vector.token).payload)).toBe('id-token');
  });
});

describe('each ID token check fails on a token made to break it', () => {
  it('a nonce other than the one sent', async () => {
    expect(stateOf(await crafted(() => {}, { nonce: 'another-nonce' }), 'nonce')).toMatchObject({ state: 'fail', message: expect.stringContaining('another-nonce') });
    expect(stateOf(await crafted((p) => delete p.nonce), 'nonce').state).toBe('fail');
  });

  it('an audience without the client ID', async () => {
    expect(stateOf(await crafted((p) => (p.aud = 'someone-else')), 'aud').state).toBe('fail');
    expect(stateOf(await crafted(() => {}, { clientId: 'not-me' }), 'aud').state).toBe('fail');
  });

  it('several audiences and no azp', async () => {
    const checks = await crafted((p) => (p.aud = [vectors.clientId, 'https://api.example.com']));
    expect(stateOf(checks, 'aud').state).toBe('pass');
    expect(stateOf(checks, 'azp')).toMatchObject({ state: 'fail', message: expect.stringContaining('no azp') });
  });

  it('an azp other than the client ID', async () => {
    const checks = await crafted((p) => {
      p.aud = [vectors.clientId, 'https://api.example.com'];
      p.azp = 'https://api.example.com';
    });
    expect(stateOf(checks, 'azp').state).toBe('fail');
    expect(stateOf(await crafted((p) => (p.azp = vectors.clientId)), 'azp').state).toBe('pass');
  });

  it('a tampered at_hash, or one for another access token', async () => {
    expect(stateOf(await crafted((p) => (p.at_hash = rs256.cHash)), 'at_hash').state).toBe('fail');
    expect(stateOf(await crafted(() => {}, { accessToken: rs256.accessToken + 'x' }), 'at_hash').state).toBe('fail');
    expect(stateOf(await crafted(() => {}, { code: rs256.accessToken }), 'c_hash').state).toBe('fail');
  });

  it('an exp in the past, accepted only within the clock skew', async () => {
    const later = (vectors.iat + 3600 + 30) * 1000;
    expect(stateOf(await crafted(() => {}, {}, later), 'exp')).toMatchObject({ state: 'fail', message: expect.stringContaining('expired') });
    const { header, payload } = partsOf(rs256.token);
    const lenient = await checkIdToken(header, payload, { now: later, clockSkewSeconds: 60, expected: everything(rs256) });
    expect(stateOf(lenient, 'exp').state).toBe('pass');
  });

  it('an iat in the future', async () => {
    expect(stateOf(await crafted((p) => (p.iat = vectors.iat + 3600)), 'iat')).toMatchObject({ state: 'fail', message: expect.stringContaining('future') });
  });

  it('an auth_time longer ago than max_age', async () => {
    const checks = await crafted(() => {}, { maxAge: '60' });
    expect(stateOf(checks, 'auth_time')).toMatchObject({ state: 'fail', message: expect.stringContaining('max_age 60') });
  });

  it('no auth_time when max_age was sent', async () => {
    expect(stateOf(await crafted((p) => delete p.auth_time), 'auth_time').state).toBe('fail');
    expect(stateOf(await crafted((p) => delete p.auth_time, { maxAge: '' }), 'auth_time').state).toBe('unchecked');
  });

  it('a wrong issuer, and alg none', async () => {
    expect(stateOf(await crafted(() => {}, { issuer: vectors.issuer + '/' }), 'iss').state).toBe('fail');
    const { payload } = partsOf(rs256.token);
    expect(stateOf(await checkIdToken({ alg: 'none' }, payload, { now: AS_OF }), 'alg').state).toBe('fail');
  });
});

describe('what is not given is unchecked, with what to enter', () => {
  it('no expected values: nonce, iss, aud, azp, auth_time, at_hash and c_hash are unchecked; times still checked', async () => {
    const { header, payload } = partsOf(rs256.token);
    const checks = await checkIdToken(header, payload, { now: AS_OF });
    const states = Object.fromEntries(checks.map((check) => [check.check, check.state]));
    expect(states).toEqual({ alg: 'pass', iss: 'unchecked', aud: 'unchecked', azp: 'pass', nonce: 'unchecked', exp: 'pass', iat: 'pass', auth_time: 'unchecked', at_hash: 'unchecked', c_hash: 'unchecked' });
    expect(stateOf(checks, 'nonce').message).toMatch(/enter the nonce/);
    expect(stateOf(checks, 'at_hash').message).toMatch(/paste the access token/);
    expect(stateOf(checks, 'c_hash').message).toMatch(/paste the authorization code/);
    expect(stateOf(checks, 'auth_time').message).toMatch(/enter the max_age/);
  });

  it('an Ed448 token cannot have its hashes computed here, and says so', async () => {
    const { header, payload } = partsOf(rs256.token);
    const checks = await checkIdToken({ ...header, alg: 'Ed448' }, payload, { now: AS_OF, expected: everything(rs256) });
    expect(stateOf(checks, 'at_hash')).toMatchObject({ state: 'unchecked', message: expect.stringContaining('SHAKE256') });
  });

  it('a max_age that is not a number is unchecked', async () => {
    expect(stateOf(await crafted(() => {}, { maxAge: 'ten' }), 'auth_time').state).toBe('unchecked');
  });
});

describe('JWT access tokens (RFC 9068)', () => {
  const { header, payload } = partsOf(vectors.accessToken.token);
  const expected = { issuer: vectors.issuer, clientId: vectors.clientId, audience: vectors.accessToken.audience };

  it('the PyJWT access token passes every check', async () => {
    expect(oidcTokenKind(header, payload)).toBe('access-token');
    const report = await checkOidc(header, payload, { now: AS_OF, expected });
    expect(report?.kind).toBe('access-token');
    expect(Object.fromEntries(report!.checks.map((check) => [check.check, check.state]))).toEqual(vectors.accessToken.expected);
  });

  it('each required claim missing fails its check', () => {
    for (const name of ['iss', 'exp', 'aud', 'sub', 'client_id', 'iat', 'jti']) {
      const rest = { ...payload };
      delete rest[name];
      expect(stateOf(checkAccessToken(header, rest, { now: AS_OF, expected }), name).state, name).toBe('fail');
    }
  });

  it('alg none, a JWT typ, and another client fail', () => {
    expect(stateOf(checkAccessToken({ ...header, alg: 'none' }, payload, { now: AS_OF }), 'alg').state).toBe('fail');
    expect(stateOf(checkAccessToken({ ...header, typ: 'JWT' }, payload, { now: AS_OF }), 'typ').state).toBe('fail');
    expect(stateOf(checkAccessToken({ ...header, typ: 'application/AT+JWT' }, payload, { now: AS_OF }), 'typ').state).toBe('pass');
    expect(stateOf(checkAccessToken(header, payload, { now: AS_OF, expected: { clientId: 'other' } }), 'client_id').state).toBe('fail');
  });
});

describe('which tokens get checked', () => {
  const idClaims = { iss: 'i', sub: 's', aud: 'a', exp: 1, iat: 1 };
  it('follows the documented rule', () => {
    expect(oidcTokenKind({ alg: 'RS256' }, idClaims)).toBe('id-token');
    expect(oidcTokenKind({ alg: 'RS256', typ: 'jwt' }, { ...idClaims, nonce: 'n' })).toBe('id-token');
    // An access token that does not say so: it carries scope.
    expect(oidcTokenKind({ alg: 'RS256', typ: 'JWT' }, { ...idClaims, scope: 'read' })).toBeNull();
    expect(oidcTokenKind({ alg: 'RS256' }, { ...idClaims, scope: 'openid', at_hash: 'x' })).toBe('id-token');
    expect(oidcTokenKind({ alg: 'ES256', typ: 'dpop+jwt' }, idClaims)).toBeNull();
    expect(oidcTokenKind({ alg: 'RS256' }, { iss: 'i', sub: 's', aud: 'a', exp: 1 })).toBeNull();
    expect(oidcTokenKind({ alg: 'RS256', typ: 'at+jwt' }, {})).toBe('access-token');
    // Inherited names are not claims.
    expect(oidcTokenKind({ alg: 'RS256' }, Object.create(idClaims) as Json)).toBeNull();
  });
});

describe('hostile payloads never throw', () => {
  const hostileValue = fc.oneof(
    fc.constantFrom(1e13, -1e13, 1e300, Infinity, -Infinity, NaN, -0, null, '', '__proto__', 2 ** 53, [], {}, ['a', 1]),
    fc.jsonValue(),
  );
  const names = fc.constantFrom('iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'azp', 'auth_time', 'at_hash', 'c_hash', 'client_id', 'jti', 'typ', 'alg', '__proto__', 'constructor', 'toString', 'hasOwnProperty');
  const object = fc.dictionary(names, hostileValue).map((entries) => JSON.parse(JSON.stringify(entries)) as Json);
  const expectedInputs = fc.record({ issuer: fc.string(), clientId: fc.string(), nonce: fc.string(), maxAge: fc.oneof(fc.string(), fc.constantFrom('1e13', '999999999999', '0')), accessToken: fc.string(), code: fc.string() }, { requiredKeys: [] });

  it('in the header, the payload or the expected values', async () => {
    await fc.assert(
      fc.asyncProperty(object, object, expectedInputs, fc.constantFrom(0, AS_OF, 1e13, 8.64e15), async (header, payload, expected, now) => {
        const withRequired = { iss: 'i', sub: 's', aud: 'a', exp: 1, iat: 1, ...payload };
        for (const body of [payload, withRequired]) {
          const checks = [...(await checkIdToken(header, body, { now, expected })), ...checkAccessToken(header, body, { now, expected })];
          for (const check of checks) {
            expect(['pass', 'fail', 'unchecked']).toContain(check.state);
            expect(typeof check.message).toBe('string');
          }
          await checkOidc(header, body, { now, expected });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a payload whose own __proto__ claim is a time or an object is read as data', async () => {
    const payload = JSON.parse('{"__proto__":{"exp":1},"iss":"i","sub":"s","aud":"a","iat":1e13}') as Json;
    const checks = await checkIdToken({ alg: 'RS256' }, payload, { now: AS_OF });
    expect(stateOf(checks, 'exp').state).toBe('fail');
    expect(stateOf(checks, 'iat').state).toBe('fail');
  });
});
