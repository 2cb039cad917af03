// Credentials in the address bar, judged from the outside: this file keeps its own list of
// credential names and makes its own tokens (with Node's Buffer), so that a name or a token
// shape the code forgets makes it fail. It mixes case, percent-encodes names and puts them in
// the query or the fragment among parameters that must stay.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewOfLink } from './preview';
import { readLink } from './read-link';
import { linkCleanupNotice } from './cleanup-notice';
import { ADDRESS_CARRIES_LINK_EXPRESSION, credentialParam, queryCarriesCredential } from './credentials';

const PAGE = 'https://jwt.example.com/tools/';

/** Parameter names OAuth 2.0, OpenID Connect and token exchange use for secrets and tokens, and this app's own. */
const CREDENTIAL_NAMES = [
  'access_token',
  'refresh_token',
  'id_token',
  'id_token_hint',
  'logout_token',
  'subject_token',
  'actor_token',
  'code',
  'code_verifier',
  'device_code',
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
  'jwt',
  'token',
  'key',
  'value',
  'signingKey',
  'secret',
  'api_key',
];

/** Names the app reads as a token, whichever case they are written in. */
const TOKEN_NAMES = ['token', 'id_token', 'access_token'];

/** The app's own state parameters: in the fragment, written exactly like this, they are a share link. */
const FRAGMENT_STATE_NAMES = ['mode', 'token', 'key', 'secretEncoding', 'header', 'payload', 'alg', 'signingKey', 'at', 'publicKey', 'value'];

/** Parameters that are not credentials; the app uses some, others belong to whoever linked here. */
const HARMLESS = ['mode=encode', 'mode=decode', 'at=2026-01-15T12%3A00%3A00Z', 'lang=ja', 'utm_source=x', 'utm_campaign=spring', 'state=s-42', 'session_state=abc.def', 'scope=openid+profile', 'token_type=Bearer', 'expires_in=3600', 'iss=https%3A%2F%2Fidp.example%2F', 'q=a%20b', 'page=2'];

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const b64Bytes = fc.uint8Array({ minLength: 0, maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('base64url'));

/** Header JSON as different libraries write it: compact, spaced, or over several lines. */
const headerText = fc
  .tuple(
    fc.constantFrom('HS256', 'RS256', 'ES384', 'EdDSA', 'none', 'PS512', 'ML-DSA-44'),
    fc.option(fc.constantFrom('JWT', 'at+jwt', 'dpop+jwt', 'vc+sd-jwt', 'logout+jwt'), { nil: undefined }),
    fc.option(fc.string({ unit: 'grapheme', maxLength: 12 }), { nil: undefined }),
    fc.constantFrom(0, 1, 2),
  )
  .map(([alg, typ, kid, spacing]) => {
    const header: Record<string, string> = { alg };
    if (typ !== undefined) header.typ = typ;
    if (kid !== undefined) header.kid = kid;
    return spacing === 0 ? JSON.stringify(header) : spacing === 1 ? JSON.stringify(header).replace(/[:,]/g, '$& ') : JSON.stringify(header, null, 2);
  });

const payloadText = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxKeys: 4 }).map((payload) => JSON.stringify(payload));

const jws = fc
  .tuple(headerText, payloadText, b64Bytes, fc.boolean())
  .map(([header, payload, signature, detached]) => `${b64(header)}.${detached ? '' : b64(payload)}.${signature}`);
const jwe = fc
  .tuple(fc.constantFrom('dir', 'RSA-OAEP-256', 'ECDH-ES+A128KW', 'PBES2-HS256+A128KW'), fc.constantFrom('A256GCM', 'A128CBC-HS256'), b64Bytes, b64Bytes, b64Bytes, b64Bytes)
  .map(([alg, enc, encryptedKey, iv, ciphertext, tag]) => `${b64({ alg, enc })}.${alg === 'dir' ? '' : encryptedKey}.${iv}.${ciphertext}.${tag}`);
const disclosure = fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 6 }), fc.string({ maxLength: 8 })).map((entry) => b64(entry));
const sdJwt = fc
  .tuple(jws, fc.array(disclosure, { maxLength: 3 }), fc.option(jws, { nil: undefined }))
  .map(([issuerJwt, disclosures, keyBinding]) => [issuerJwt, ...disclosures, keyBinding ?? ''].join('~'));
/** A token in any of the compact shapes: JWS (signed, unsigned, detached), JWE, SD-JWT. */
const anyToken = fc.oneof(jws, jwe, sdJwt);

const randomCase = (name: string) => fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((upper) => [...name].map((char, index) => (upper[index] ? char.toUpperCase() : char.toLowerCase())).join(''));

/** Percent-encodes some characters of a name, in upper- or lower-case hex. */
const percentSome = (name: string) =>
  fc.array(fc.constantFrom(0, 1, 2), { minLength: name.length, maxLength: name.length }).map((choices) =>
    [...name]
      .map((char, index) => {
        const hex = char.charCodeAt(0).toString(16).padStart(2, '0');
        return choices[index] === 1 ? `%${hex.toUpperCase()}` : choices[index] === 2 ? `%${hex.toLowerCase()}` : char;
      })
      .join(''),
  );

const written = (name: string) => fc.tuple(randomCase(name), fc.boolean()).chain(([cased, encode]) => (encode ? percentSome(cased) : fc.constant(cased)).map((raw) => ({ raw, decoded: cased })));

/** A unique secret value per parameter, so that the test can look for it in the cleaned address. */
const secretValue = fc.nat({ max: 1e9 }).map((n) => `s3cr3t${n}x`);

interface Planted {
  piece: string;
  /** What must not be in the cleaned address. */
  secret: string;
  /** The name, decoded, for the checks on what opens. */
  name: string;
  token: string | null;
}

const namedCredential = fc.tuple(fc.constantFrom(...CREDENTIAL_NAMES), fc.oneof(secretValue, anyToken)).chain(([name, value]) =>
  written(name).map(({ raw, decoded }): Planted => ({ piece: `${raw}=${encodeURIComponent(value)}`, secret: value, name: decoded, token: /^s3cr3t/.test(value) ? null : value })),
);
/** A token under a name that says nothing: it goes because of its shape. */
const tokenUnderAnyName = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/), anyToken).filter(([name]) => !HARMLESS.some((piece) => piece.startsWith(`${name}=`)) && !FRAGMENT_STATE_NAMES.includes(name)).map(([name, token]): Planted => ({ piece: `${name}=${encodeURIComponent(token)}`, secret: token, name, token }));
const planted = fc.oneof({ arbitrary: namedCredential, weight: 3 }, { arbitrary: tokenUnderAnyName, weight: 1 });

function pieces(part: string | null): string[] {
  return part === null || part === '' ? [] : part.split('&').filter((piece) => piece !== '');
}

function parts(url: string): { query: string | null; fragment: string | null } {
  const hash = url.indexOf('#');
  const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
  const question = beforeHash.indexOf('?');
  return { query: question >= 0 ? beforeHash.slice(question + 1) : null, fragment: hash >= 0 ? url.slice(hash + 1) : null };
}

const SHARE_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzaGFyZWQiOnRydWV9.c2hhcmVk';

const scenario = fc.record({
  inQuery: fc.array(planted, { maxLength: 3 }),
  inFragment: fc.array(planted, { maxLength: 3 }),
  queryHarmless: fc.subarray(HARMLESS),
  fragmentHarmless: fc.subarray(HARMLESS.filter((piece) => !/^(mode|at)=/.test(piece))),
  /** The fragment is one of our share links (our own token and key, or a mode) or someone else's. */
  fragmentState: fc.constantFrom('none', 'share', 'mode'),
  shuffle: fc.nat(),
});

/** The address a scenario makes, and what it planted where. */
function address({ inQuery, inFragment, queryHarmless, fragmentHarmless, fragmentState, shuffle }: typeof scenario extends fc.Arbitrary<infer T> ? T : never) {
  // The app's own state names in the fragment, exactly as it writes them, are its state: keep those
  // out of what must be removed (their case variants stay in).
  const fragmentCredentials = inFragment.filter((entry) => !FRAGMENT_STATE_NAMES.includes(entry.name));
  const statePieces = fragmentState === 'share' ? [`token=${SHARE_TOKEN}`, 'key=shared-secret'] : fragmentState === 'mode' ? ['mode=decode'] : [];
  const mix = (a: string[], b: string[]) => {
    const all = [...a];
    b.forEach((piece, index) => all.splice((shuffle + index * 7) % (all.length + 1), 0, piece));
    return all;
  };
  const queryPieces = mix(queryHarmless, inQuery.map((entry) => entry.piece));
  const fragmentKept = [...statePieces, ...fragmentHarmless];
  const fragmentPieces = mix(fragmentKept, fragmentCredentials.map((entry) => entry.piece));
  const url = `${PAGE}${queryPieces.length ? `?${queryPieces.join('&')}` : ''}${fragmentPieces.length ? `#${fragmentPieces.join('&')}` : ''}`;
  return { url, fragmentCredentials, fragmentKept };
}

describe('credentials leave the address bar whatever their case, encoding or place', () => {
  it('removes every credential from the query and the fragment, keeps the harmless parameters and opens the token', () => {
    fc.assert(
      fc.property(scenario, (planted) => {
        const { inQuery, queryHarmless, fragmentHarmless, fragmentState } = planted;
        const { url, fragmentCredentials, fragmentKept } = address(planted);
        if (inQuery.length + fragmentCredentials.length === 0) return;
        const result = readLink(url);
        expect(result.cleanedUrl, url).toBeDefined();
        const cleaned = result.cleanedUrl!;
        expect(cleaned.startsWith(PAGE)).toBe(true);
        for (const entry of [...inQuery, ...fragmentCredentials]) {
          expect(cleaned, `${entry.name} of ${url}`).not.toContain(encodeURIComponent(entry.secret));
          expect(cleaned).not.toContain(entry.secret);
        }
        const after = parts(cleaned);
        // The query keeps every harmless parameter, byte for byte and in order.
        expect(pieces(after.query)).toEqual(queryHarmless);
        // A share link's fragment keeps its state and everything harmless; a fragment that is not one
        // of our links goes as a whole (a sign-in redirect), or keeps only harmless parameters.
        if (fragmentState !== 'none') expect(pieces(after.fragment)).toEqual(fragmentKept);
        else for (const piece of pieces(after.fragment)) expect(fragmentHarmless).toContain(piece);

        // The notice names every credential it removed and says where it was.
        const notice = linkCleanupNotice(result);
        expect(notice).not.toBeNull();
        if (inQuery.length > 0) expect(notice).toMatch(/query string[^.]*\. A query string is sent to the server/);
        if (fragmentCredentials.length > 0) expect(notice).toMatch(/fragment is not sent to the server/);
        for (const entry of [...inQuery, ...fragmentCredentials]) expect(notice).toContain(`"${entry.name}"`);

        // A token under one of the names the app reads opens.
        if (fragmentState === 'share') expect(result.state.token).toBe(SHARE_TOKEN);
        const readable = [...inQuery, ...fragmentCredentials].filter((entry) => entry.token !== null && TOKEN_NAMES.includes(entry.name.toLowerCase()));
        if (fragmentState !== 'share' && readable.length > 0) {
          // Which one wins when several are there is the app's choice; it is one of them.
          expect([...inQuery, ...fragmentCredentials].map((entry) => entry.secret)).toContain(result.state.token);
        }
        // Reading the cleaned address again finds nothing left to remove.
        expect(readLink(cleaned).cleanedUrl).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves an address with only harmless parameters and share state as it is', () => {
    fc.assert(
      fc.property(fc.subarray(HARMLESS), fc.subarray(HARMLESS), fc.boolean(), (query, fragment, share) => {
        const fragmentPieces = share ? ['token=eyJhbGciOiJub25lIn0.eyJhIjoxfQ.', 'key=k', ...fragment] : fragment;
        const url = `${PAGE}${query.length ? `?${query.join('&')}` : ''}${fragmentPieces.length ? `#${fragmentPieces.join('&')}` : ''}`;
        const result = readLink(url);
        expect(result.cleanedUrl).toBeUndefined();
        expect(linkCleanupNotice(result)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the boot script decides as readLink does', () => {
  // The inline script in <head> cannot import: it is built from the same functions, as this expression.
  const carriesLink = new Function('location', `return ${ADDRESS_CARRIES_LINK_EXPRESSION}`) as (location: { hash: string; search: string }) => boolean;

  it('holds the views back for exactly the addresses that readLink opens or cleans', () => {
    const anyAddress = fc.oneof(scenario.map((planted) => address(planted).url), fc.subarray(HARMLESS).map((query) => `${PAGE}?${query.join('&')}`));
    fc.assert(
      fc.property(anyAddress, (url) => {
        const { hash, search } = new URL(url);
        const result = readLink(url);
        expect(carriesLink({ hash, search }), url).toBe(hash.length > 1 || result.removedFromQuery !== undefined);
        if (result.cleanedUrl !== undefined) expect(carriesLink({ hash, search })).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('paints before React only the token that readLink then opens', () => {
    // The preview script (link-preview-script.ts) reads the fragment's token on its own: it may
    // paint nothing, but what it paints must be the token the page opens.
    fc.assert(
      fc.property(scenario, (planted) => {
        const { url } = address(planted);
        const preview = previewOfLink(url, 0);
        if (preview !== null) expect(preview.token, url).toBe(readLink(url).state.token?.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('works from its source text alone', () => {
    const standalone = new Function(`return [${credentialParam.toString()}, ${queryCarriesCredential.toString()}]`)() as [typeof credentialParam, typeof queryCarriesCredential];
    expect(standalone[0]('Client_Secret', 'x')).toBe('name');
    expect(standalone[1]('?foo=eyJhbGciOiJub25lIn0.e30.', standalone[0])).toBe(true);
    expect(standalone[1]('?lang=ja&mode=encode', standalone[0])).toBe(false);
  });
});

describe('the cases reported', () => {
  const token = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'reported' })}.c2ln`;

  it('?Token=<jwt> opens the token and goes', () => {
    const result = readLink(`${PAGE}?Token=${token}`);
    expect(result.state.token).toBe(token);
    expect(result.cleanedUrl).toBe(PAGE);
    expect(result.removedFromQuery).toEqual(['Token']);
  });

  it('assertion, client_secret and password go from the query; mode stays and is read', () => {
    expect(readLink(`${PAGE}?assertion=abc&lang=ja`).cleanedUrl).toBe(`${PAGE}?lang=ja`);
    const secret = readLink(`${PAGE}?client_secret=x&mode=encode`);
    expect(secret.cleanedUrl).toBe(`${PAGE}?mode=encode`);
    expect(secret.state.mode).toBe('encode');
    expect(readLink(`${PAGE}?password=hunter2`).cleanedUrl).toBe(PAGE);
  });

  it('#code=… and #refresh_token=… alone go from the fragment', () => {
    const code = readLink(`${PAGE}#code=abc&state=s`);
    expect(code.cleanedUrl).toBe(PAGE);
    expect(code.removedFromFragment).toEqual(['code']);
    expect(readLink(`${PAGE}#refresh_token=r`).cleanedUrl).toBe(PAGE);
  });

  it('a share link loses only the credentials it does not use', () => {
    const result = readLink(`${PAGE}#token=${token}&code=abc&key=k&Client_Secret=x`);
    expect(result.cleanedUrl).toBe(`${PAGE}#token=${token}&key=k`);
    expect(result.state).toEqual({ token, key: 'k' });
    expect(result.removedFromFragment).toEqual(['code', 'Client_Secret']);
  });

  it('a token under any name goes, from the query and the fragment', () => {
    const query = readLink(`${PAGE}?foo=${token}&lang=ja`);
    expect(query.cleanedUrl).toBe(`${PAGE}?lang=ja`);
    expect(query.removedFromQuery).toEqual(['foo']);
    expect(query.state.token).toBe(token);
    expect(readLink(`${PAGE}#mode=decode&bar=${token}`).cleanedUrl).toBe(`${PAGE}#mode=decode`);
    // As an Authorization header would carry it; the token opens without its scheme.
    const bearer = readLink(`${PAGE}?auth_header=Bearer%20${token}`);
    expect(bearer).toMatchObject({ cleanedUrl: PAGE, state: { token } });
  });

  it('state, nonces and other non-secrets stay', () => {
    for (const query of ['state=abc', 'nonce=n-1', 'session_state=x.y', 'token_type=Bearer', 'expires_in=60', 'username=alice', 'tokens=3', 'keyboard=de', 'at=2026-01-01', 'version=1.2.3']) {
      expect(readLink(`${PAGE}?${query}`).cleanedUrl, query).toBeUndefined();
    }
  });
});
