import { describe, expect, it } from 'vitest';
import { clockFreeResults, findings, RULES, withClock } from './findings';
import { fastest } from '../format/linear-time';
import type { DecodedForFindings, Finding, FindingContext } from './types';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const T = NOW / 1000;
const HOUR = 3600;

/** A well-behaved access token: typed, audience-bound, one hour long, issued a minute ago. */
function good(): DecodedForFindings {
  return {
    kind: 'jws',
    header: { alg: 'RS256', typ: 'at+jwt', kid: '2026-01-key' },
    payload: { iss: 'https://issuer.example', sub: 'u-123', aud: 'https://api.example', client_id: 'app', scope: 'read', iat: T - 60, exp: T + HOUR - 60, jti: 'j1' },
    signatureLength: 256,
  };
}

function token(overrides: { header?: Record<string, unknown>; payload?: Record<string, unknown> | null; kind?: 'jws' | 'jwe'; signatureLength?: number; drop?: string[] }): DecodedForFindings {
  const base = good();
  const header = { ...base.header, ...overrides.header };
  const payload = overrides.payload === null ? null : { ...base.payload, ...overrides.payload };
  for (const name of overrides.drop ?? []) {
    delete header[name];
    if (payload) delete payload[name];
  }
  return { kind: overrides.kind ?? 'jws', header, payload, signatureLength: overrides.signatureLength ?? base.signatureLength };
}

const ids = (t: DecodedForFindings, ctx: FindingContext = { now: NOW }) => findings(t, ctx).map((f) => f.id);

function one(t: DecodedForFindings, id: string, ctx: FindingContext = { now: NOW }): Finding {
  const found = findings(t, ctx).filter((f) => f.id === id);
  expect(found, `expected exactly one "${id}"`).toHaveLength(1);
  return found[0] as Finding;
}

describe('findings', () => {
  it('says nothing about a well-formed, typed, short-lived access token', () => {
    expect(findings(good(), { now: NOW })).toEqual([]);
  });

  it('gives every finding an id, a title, a detail and an https spec link', () => {
    const noisy = token({
      header: { alg: 'None', jku: 'https://evil.example/jwks', x5u: 'https://evil.example/cert', jwk: { kty: 'EC' }, x5c: ['MII'], kid: '../../dev/null', zip: 'DEF', crit: ['alg'], b64: false },
      payload: { email: 'a@b.example', password: 'hunter2', iat: T + HOUR, exp: T - HOUR },
      drop: ['iss', 'aud'],
    });
    const all = findings(noisy, { now: NOW });
    expect(all.length).toBeGreaterThan(10);
    for (const f of all) {
      expect(f.title).not.toBe('');
      expect(f.detail.length).toBeGreaterThan(20);
      expect(new URL(f.spec.url).protocol).toBe('https:');
    }
    expect(new Set(all.map((f) => f.id)).size).toBe(all.length);
  });

  it('lists the most severe first', () => {
    const all = findings(token({ header: { alg: 'none', x5c: ['MII'] }, drop: ['aud'] }), { now: NOW });
    const order = { high: 0, medium: 1, low: 2, info: 3 };
    const ranks = all.map((f) => order[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(all[0]?.id).toBe('alg-none');
  });

  it('never throws, whatever the header and payload hold', () => {
    const odd: DecodedForFindings[] = [
      { kind: 'jws', header: null, payload: null },
      { kind: 'jwe', header: { alg: 5, enc: null, crit: 'b64', kid: 7, p2c: 'x' }, payload: null },
      { kind: 'jws', header: { alg: ['HS256'], jwk: null }, payload: { exp: 'soon', iat: {}, aud: 3, nested: { a: [{ b: [[['x@y.z']]] }] } } },
    ];
    for (const t of odd) expect(() => findings(t, { now: NOW, secretBits: 0, keyFormat: 'pem-spki' })).not.toThrow();
  });

  it('has one function per rule', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(RULES).size).toBe(RULES.length);
  });
});

describe('alg none', () => {
  it('fires as high for alg "none", citing RFC 8725', () => {
    const f = one(token({ header: { alg: 'none' }, signatureLength: 0 }), 'alg-none');
    expect(f.severity).toBe('high');
    expect(f.spec.label).toBe('RFC 8725 §2.1');
    expect(f.detail).not.toMatch(/signature, which means nothing/);
  });

  it('calls out case variants and a signature on an unsecured token', () => {
    const f = one(token({ header: { alg: 'nOnE' }, signatureLength: 32 }), 'alg-none');
    expect(f.detail).toMatch(/"nOnE" is a spelling of "none"/);
    expect(f.detail).toMatch(/32-byte signature/);
  });

  it('does not fire for a real algorithm', () => {
    expect(ids(good())).not.toContain('alg-none');
  });
});

describe('alg missing', () => {
  it('fires when alg is absent or not a string', () => {
    expect(ids(token({ drop: ['alg'] }))).toContain('alg-missing');
    expect(ids(token({ header: { alg: 256 } }))).toContain('alg-missing');
  });
  it('does not fire when alg is a string, or when there is no header at all', () => {
    expect(ids(good())).not.toContain('alg-missing');
    expect(ids({ kind: 'jws', header: null, payload: null })).not.toContain('alg-missing');
  });
});

describe('HMAC', () => {
  it('notes that anyone with the secret can forge', () => {
    const f = one(token({ header: { alg: 'HS256' } }), 'hmac-shared-secret');
    expect(f.severity).toBe('info');
    expect(f.detail).toMatch(/can also forge/);
    expect(ids(good())).not.toContain('hmac-shared-secret');
  });

  it('flags a secret shorter than the hash as high', () => {
    const f = one(token({ header: { alg: 'HS512' } }), 'weak-secret', { now: NOW, secretBits: 256, keyFormat: 'secret' });
    expect(f.severity).toBe('high');
    expect(f.detail).toMatch(/256 bits; HS512 needs at least 512/);
  });

  it('does not flag a long enough secret, an unknown length, or a non-HMAC token', () => {
    expect(ids(token({ header: { alg: 'HS256' } }), { now: NOW, secretBits: 256 })).not.toContain('weak-secret');
    expect(ids(token({ header: { alg: 'HS256' } }), { now: NOW })).not.toContain('weak-secret');
    expect(ids(good(), { now: NOW, secretBits: 8 })).not.toContain('weak-secret');
  });

  it('flags an HMAC token checked against a public key (algorithm confusion)', () => {
    for (const keyFormat of ['pem-spki', 'pem-x509', 'pem-pkcs1-public']) {
      expect(one(token({ header: { alg: 'HS256' } }), 'hmac-with-public-key', { now: NOW, keyFormat }).severity).toBe('high');
    }
    expect(ids(token({ header: { alg: 'HS256' } }), { now: NOW, keyFormat: 'secret' })).not.toContain('hmac-with-public-key');
    expect(ids(good(), { now: NOW, keyFormat: 'pem-spki' })).not.toContain('hmac-with-public-key');
  });
});

describe('JWE algorithms', () => {
  const jwe = (header: Record<string, unknown>) => token({ kind: 'jwe', header: { enc: 'A256GCM', ...header }, payload: null });
  it('flags RSA1_5 key encryption', () => {
    expect(one(jwe({ alg: 'RSA1_5' }), 'rsa1_5').severity).toBe('medium');
    expect(ids(jwe({ alg: 'RSA-OAEP-256' }))).not.toContain('rsa1_5');
  });
  it('flags too few and too many PBES2 iterations', () => {
    expect(ids(jwe({ alg: 'PBES2-HS256+A128KW', p2c: 100 }))).toContain('pbes2-low-count');
    expect(ids(jwe({ alg: 'PBES2-HS256+A128KW', p2c: 50_000_000 }))).toContain('pbes2-huge-count');
    const fine = ids(jwe({ alg: 'PBES2-HS256+A128KW', p2c: 310_000 }));
    expect(fine).not.toContain('pbes2-low-count');
    expect(fine).not.toContain('pbes2-huge-count');
  });
});

describe('key sources', () => {
  it('flags jku and x5u: keys must not come from URLs the token names', () => {
    const f = one(token({ header: { jku: 'https://attacker.example/jwks.json' } }), 'jku-header');
    expect(f.detail).toMatch(/SSRF/);
    expect(f.detail).toContain('https://attacker.example/jwks.json');
    expect(f.spec.label).toBe('RFC 8725 §3.10');
    expect(ids(token({ header: { x5u: 'https://attacker.example/cert.pem' } }))).toContain('x5u-header');
    expect(ids(good())).not.toContain('jku-header');
    expect(ids(good())).not.toContain('x5u-header');
  });

  it('cuts long values short in the detail', () => {
    const f = one(token({ header: { jku: `https://x.example/${'a'.repeat(500)}` } }), 'jku-header');
    expect(f.detail.length).toBeLessThan(500);
  });

  it('flags an embedded jwk, but only notes it for a DPoP proof', () => {
    expect(one(token({ header: { jwk: { kty: 'RSA', n: 'x', e: 'AQAB' } } }), 'embedded-jwk').severity).toBe('medium');
    const dpop: DecodedForFindings = { kind: 'jws', header: { alg: 'ES256', typ: 'dpop+jwt', jwk: { kty: 'EC' } }, payload: { htm: 'POST', htu: 'https://s.example/token', iat: T, jti: 'x' } };
    expect(one(dpop, 'embedded-jwk').severity).toBe('info');
    expect(ids(good())).not.toContain('embedded-jwk');
  });

  it('calls a private key in the header jwk a leaked key, whatever its type', () => {
    for (const jwk of [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'ZA' }, { kty: 'AKP', alg: 'ML-DSA-65', pub: 'cHVi', priv: 'c2VlZA' }]) {
      const f = one(token({ header: { jwk } }), 'embedded-jwk');
      expect(f.severity).toBe('high');
      expect(f.title).toMatch(/private key/);
    }
  });

  it('flags an embedded certificate chain', () => {
    expect(one(token({ header: { x5c: ['MIIB...'] } }), 'x5c-header').detail).toMatch(/chain up to a root it trusts/);
    expect(ids(good())).not.toContain('x5c-header');
  });

  it('flags kid values built for injection', () => {
    const cases: Array<[string, RegExp]> = [
      ['../../../../dev/null', /path traversal/],
      ['..\\keys\\hs.key', /path traversal/],
      ['/etc/passwd', /absolute file path/],
      ["x' UNION SELECT 'secret", /SQL/],
      ['1 or 1=1', /SQL/],
      ['https://attacker.example/key', /a URL/],
      ['key|rm -rf /', /shell/],
      ['key\u0000', /control characters/],
    ];
    for (const [kid, why] of cases) expect(one(token({ header: { kid } }), 'kid-injection').detail, kid).toMatch(why);
  });

  it('leaves ordinary kids alone', () => {
    for (const kid of ['2026-01-key', 'abc123', 'NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg', 'rsa.2024.v2', 'a_b-c']) {
      expect(ids(token({ header: { kid } })), kid).not.toContain('kid-injection');
    }
  });
});

describe('expiry and lifetime', () => {
  it('flags a token without exp', () => {
    expect(one(token({ drop: ['exp'] }), 'no-exp').severity).toBe('medium');
    expect(ids(good())).not.toContain('no-exp');
  });

  it('does not ask DPoP proofs or security event tokens for an exp', () => {
    const dpop: DecodedForFindings = { kind: 'jws', header: { alg: 'ES256', typ: 'dpop+jwt' }, payload: { htm: 'GET', iat: T, jti: 'x' } };
    expect(ids(dpop)).not.toContain('no-exp');
    expect(ids(token({ payload: { events: { 'http://schemas.openid.net/event/backchannel-logout': {} } }, drop: ['exp'] }))).not.toContain('no-exp');
  });

  it('flags an access token living longer than a day', () => {
    const f = one(token({ payload: { iat: T, exp: T + 2 * 86400 } }), 'long-lifetime');
    expect(f.severity).toBe('medium');
    expect(f.detail).toMatch(/valid for 2 days/);
    expect(ids(token({ payload: { iat: T, exp: T + 86400 } }))).not.toContain('long-lifetime');
  });

  it('allows ID tokens longer, but not beyond a month', () => {
    const id = (span: number): DecodedForFindings => ({
      kind: 'jws',
      header: { alg: 'RS256', typ: 'JWT' },
      payload: { iss: 'https://i.example', aud: 'client', nonce: 'n', iat: T, exp: T + span },
    });
    expect(ids(id(7 * 86400))).not.toContain('long-lifetime');
    expect(one(id(90 * 86400), 'long-lifetime').severity).toBe('low');
  });

  it('measures from nbf when there is no iat, and says nothing without a start', () => {
    expect(ids(token({ payload: { nbf: T, exp: T + 3 * 86400 }, drop: ['iat'] }))).toContain('long-lifetime');
    expect(ids(token({ payload: { exp: T + 300 * 86400 }, drop: ['iat'] }))).not.toContain('long-lifetime');
  });

  it('flags an iat in the future beyond a minute, only when the time is known', () => {
    expect(one(token({ payload: { iat: T + 600 } }), 'iat-in-future').detail).toMatch(/10 minutes from now/);
    expect(ids(token({ payload: { iat: T + 30 } }))).not.toContain('iat-in-future');
    expect(ids(token({ payload: { iat: T + 600 } }), {})).not.toContain('iat-in-future');
  });

  it('notes an expired token as info', () => {
    const f = one(token({ payload: { exp: T - 3 * HOUR } }), 'expired');
    expect(f.severity).toBe('info');
    expect(f.detail).toMatch(/expired 3 hours ago/);
    expect(ids(good())).not.toContain('expired');
    expect(ids(token({ payload: { exp: T - 3 * HOUR } }), {})).not.toContain('expired');
  });
});

describe('cross-JWT confusion', () => {
  it('flags a missing iss and a missing aud', () => {
    expect(one(token({ drop: ['iss'] }), 'no-iss').spec.label).toBe('RFC 8725 §3.8');
    expect(one(token({ drop: ['aud'] }), 'no-aud').spec.label).toBe('RFC 8725 §3.9');
    expect(ids(good())).not.toContain('no-iss');
    expect(ids(good())).not.toContain('no-aud');
  });

  it('skips payload rules when the payload is not readable (an encrypted JWE)', () => {
    const jwe = token({ kind: 'jwe', header: { alg: 'dir', enc: 'A256GCM' }, payload: null });
    expect(ids(jwe)).toEqual([]);
  });

  it('flags an access token without typ or with the generic "JWT"', () => {
    expect(one(token({ drop: ['typ'] }), 'untyped-access-token').title).toBe('Access token without a type');
    expect(one(token({ header: { typ: 'JWT' } }), 'untyped-access-token').spec.label).toBe('RFC 8725 §3.11');
    expect(ids(token({ header: { typ: 'application/at+jwt' } }))).not.toContain('untyped-access-token');
    expect(ids(token({ header: { typ: 'AT+JWT' } }))).not.toContain('untyped-access-token');
  });

  it('recognises access tokens by Cognito and Keycloak markers but leaves ID tokens alone', () => {
    const cognito: DecodedForFindings = { kind: 'jws', header: { alg: 'RS256' }, payload: { iss: 'i', aud: 'a', exp: T + 60, token_use: 'access' } };
    expect(ids(cognito)).toContain('untyped-access-token');
    const idToken: DecodedForFindings = { kind: 'jws', header: { alg: 'RS256', typ: 'JWT' }, payload: { iss: 'i', aud: 'a', exp: T + 60, nonce: 'n', client_id: 'c' } };
    expect(ids(idToken)).not.toContain('untyped-access-token');
  });
});

describe('header extensions', () => {
  it('flags zip in a JWS but not in a clean JWS', () => {
    expect(one(token({ header: { zip: 'DEF' } }), 'zip-in-jws').severity).toBe('medium');
    expect(ids(good())).not.toContain('zip-in-jws');
  });

  it('flags zip in a JWE as a compression side channel', () => {
    const jwe = token({ kind: 'jwe', header: { alg: 'dir', enc: 'A256GCM', zip: 'DEF' }, payload: null });
    expect(one(jwe, 'zip-in-jwe').spec.label).toBe('RFC 8725 §3.6');
    expect(ids(jwe)).not.toContain('zip-in-jws');
  });

  it('notes crit, and flags a malformed one', () => {
    const fine = one(token({ header: { crit: ['exp'], exp: T } }), 'crit-header');
    expect(fine.severity).toBe('low');
    expect(fine.detail).toMatch(/must reject/);
    expect(one(token({ header: { crit: ['alg'] } }), 'crit-header').detail).toMatch(/standard parameters \(alg\)/);
    expect(one(token({ header: { crit: [] } }), 'crit-header').severity).toBe('medium');
    expect(one(token({ header: { crit: ['foo'] } }), 'crit-header').detail).toMatch(/does not contain \(foo\)/);
    expect(ids(good())).not.toContain('crit-header');
  });

  it('flags b64: false, more strongly when crit does not list it', () => {
    const listed = one(token({ header: { b64: false, crit: ['b64'] } }), 'unencoded-payload');
    expect(listed.severity).toBe('low');
    const unlisted = one(token({ header: { b64: false } }), 'unencoded-payload');
    expect(unlisted.severity).toBe('medium');
    expect(unlisted.spec.label).toBe('RFC 7797 §6');
    expect(ids(token({ header: { b64: true, crit: ['b64'] } }))).not.toContain('unencoded-payload');
  });
});

describe('data readable in a JWS', () => {
  it('flags personal claims, saying anyone holding the token can read them', () => {
    const f = one(token({ payload: { email: 'ada@example.com', phone_number: '+44 20 7946 0958', address: { country: 'UK' } } }), 'personal-data');
    expect(f.detail).toMatch(/anyone holding this token can read it/);
    expect(f.detail).toMatch(/email, phone_number, address/);
    expect(f.severity).toBe('low');
  });

  it('finds e-mail addresses and phone numbers in any claim, nested too', () => {
    expect(one(token({ payload: { contact: { emails: ['ada@example.com'] } } }), 'personal-data').claim).toBe('contact.emails[0]');
    expect(one(token({ payload: { sub: 'ada@example.com' } }), 'personal-data').claim).toBe('sub');
    expect(ids(token({ payload: { mobile: '+14155550123' } }))).toContain('personal-data');
  });

  it('does not fire for tokens without personal data, or for a JWE', () => {
    expect(ids(good())).not.toContain('personal-data');
    expect(ids(token({ payload: { version: '+1.2', handle: '@ada' } }))).not.toContain('personal-data');
    const jwe: DecodedForFindings = { ...token({ payload: { email: 'ada@example.com' } }), kind: 'jwe' };
    expect(ids(jwe)).not.toContain('personal-data');
  });

  it('lists at most five places', () => {
    const payload = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`mail${i}`, `u${i}@example.com`]));
    expect(one(token({ payload }), 'personal-data').detail).toMatch(/and 3 more/);
  });

  it('flags passwords, API keys and private keys as high', () => {
    const f = one(token({ payload: { password: 'hunter2', config: { api_key: 'k-123' } } }), 'secret-in-payload');
    expect(f.severity).toBe('high');
    expect(f.detail).toMatch(/password, config\.api_key/);
    expect(ids(token({ payload: { cnf: { jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'private' } } } }))).toContain('secret-in-payload');
  });

  it('flags a private key of every type in the claims, ML-DSA seeds and symmetric keys included', () => {
    const leaked = [
      { kty: 'AKP', alg: 'ML-DSA-44', pub: 'cHVi', priv: 'c2VlZA' },
      { kty: 'oct', k: 'c2VjcmV0' },
      { kty: 'RSA', n: 'bg', e: 'AQAB', p: 'cA', q: 'cQ' },
    ];
    for (const jwk of leaked) {
      expect(ids(token({ payload: { cnf: { jwk } } })), JSON.stringify(jwk)).toContain('secret-in-payload');
    }
    expect(ids(token({ payload: { cnf: { jwk: { kty: 'AKP', alg: 'ML-DSA-44', pub: 'cHVi' } } } }))).not.toContain('secret-in-payload');
  });

  it('does not mistake public keys or empty fields for secrets', () => {
    expect(ids(token({ payload: { cnf: { jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } } } }))).not.toContain('secret-in-payload');
    expect(ids(token({ payload: { password: '' } }))).not.toContain('secret-in-payload');
    expect(ids(token({ payload: { amr: ['pwd'] } }))).not.toContain('secret-in-payload');
  });

  it('stays bounded on deeply nested payloads', () => {
    let deep: unknown = 'ada@example.com';
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expect(ids(token({ payload: { deep } }))).not.toContain('personal-data');
  });
});

describe('security notes and the clock', () => {
  const hostile = {
    header: { alg: 'HS256', kid: '../' + 'x'.repeat(10_000) },
    payload: Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`c${i}`, `a@${'.'.repeat(200)} `])),
    kind: 'jws' as const,
  };

  it('withClock gives what findings gives, at any instant', () => {
    const token = { header: { alg: 'HS256' }, payload: { exp: 1000, iat: 5000, email: 'a@b.example' }, kind: 'jws' as const };
    const fixed = clockFreeResults(token);
    for (const now of [0, 999_000, 1_000_000, 10_000_000]) expect(withClock(token, fixed, { now })).toEqual(findings(token, { now }));
  });

  it('a tick reuses the walk over the claims: it does not run the claim rules again', () => {
    const fixed = clockFreeResults(hostile);
    const marker = { ...fixed.find((found) => found !== null)!, id: 'from-the-cache' };
    const planted = fixed.map((found) => (found ? marker : null));
    const ids = withClock(hostile, planted, { now: Date.now() }).map((found) => found.id);
    expect(ids.filter((id) => id === 'from-the-cache').length).toBe(fixed.filter((found) => found !== null).length);
  });

  it('the clock rules alone are cheap on a hostile token', () => {
    const fixed = clockFreeResults(hostile);
    const once = fastest(() => clockFreeResults(hostile), 3);
    const tick = fastest(() => withClock(hostile, fixed, { now: Date.now() }), 3);
    expect(tick).toBeLessThan(once);
  });
});
