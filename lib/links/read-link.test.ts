import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLink } from './read-link';

const PAGE = 'https://jwt.example.com/';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';
const PEM = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE+/abc=\n-----END PUBLIC KEY-----\n';
const enc = encodeURIComponent;

describe('readLink: our fragment', () => {
  it('reads token, key, secretEncoding and mode', () => {
    const result = readLink(`${PAGE}#token=${TOKEN}&key=${enc('my secret')}&secretEncoding=base64url&mode=decode`);
    expect(result).toEqual({
      state: { token: TOKEN, key: 'my secret', secretEncoding: 'base64url', mode: 'decode' },
      source: 'fragment',
      queryHadToken: false,
    });
  });

  it('reads the encoder state', () => {
    const result = readLink(`${PAGE}#mode=encode&header=${enc('{"alg":"HS256"}')}&payload=${enc('{"sub":"1"}')}&alg=HS256&signingKey=s3cret`);
    expect(result.state).toEqual({ mode: 'encode', header: '{"alg":"HS256"}', payload: '{"sub":"1"}', alg: 'HS256', signingKey: 's3cret' });
    expect(result.source).toBe('fragment');
  });

  it('reads a PEM key percent-encoded by URLSearchParams exactly', () => {
    const fragment = new URLSearchParams({ token: TOKEN, key: PEM }).toString();
    expect(readLink(`${PAGE}#${fragment}`).state.key).toBe(PEM);
  });

  it('ignores unknown modes and encodings, and empty values', () => {
    const result = readLink(`${PAGE}#token=${TOKEN}&mode=edit&secretEncoding=rot13&key=`);
    expect(result.state).toEqual({ token: TOKEN });
  });

  it('reports nothing for a page without state', () => {
    for (const url of [PAGE, `${PAGE}#`, `${PAGE}#section-2`, `${PAGE}?utm_source=x`, '']) {
      expect(readLink(url)).toEqual({ state: {}, source: 'none', queryHadToken: false });
    }
  });
});

describe('readLink: links people already have', () => {
  it("reads jwt.io's #debugger-io?token=", () => {
    const result = readLink(`https://jwt.io/#debugger-io?token=${TOKEN}`);
    expect(result).toMatchObject({ state: { token: TOKEN }, source: 'legacy-fragment', legacyShape: '#debugger-io?token=' });
  });

  it("reads jwt.io's #debugger-io?token=…&publicKey=… as token and key", () => {
    const result = readLink(`https://jwt.io/#debugger-io?token=${TOKEN}&publicKey=${enc(PEM)}`);
    expect(result.state).toEqual({ token: TOKEN, key: PEM });
  });

  it('reads #token=…&publicKey=… with publicKey as the key', () => {
    const result = readLink(`${PAGE}#token=${TOKEN}&publicKey=${enc(PEM)}`);
    expect(result).toMatchObject({ state: { token: TOKEN, key: PEM }, source: 'legacy-fragment', legacyShape: '#token=…&publicKey=' });
  });

  it('prefers key over publicKey when both are present', () => {
    expect(readLink(`${PAGE}#token=${TOKEN}&key=k1&publicKey=k2`).state.key).toBe('k1');
  });

  it('reads an OpenID Connect implicit-flow fragment, ignoring state, token_type and expires_in', () => {
    const result = readLink(`${PAGE}#id_token=${TOKEN}&state=af0ifjsldkj&token_type=Bearer&expires_in=3600`);
    expect(result).toEqual({
      state: { token: TOKEN },
      source: 'legacy-fragment',
      legacyShape: '#id_token=',
      queryHadToken: false,
      removedFromFragment: ['id_token'],
      removedWholeFragment: true,
      cleanedUrl: PAGE,
    });
  });

  it('reads #access_token=', () => {
    const result = readLink(`${PAGE}#access_token=${TOKEN}&token_type=Bearer&expires_in=3600&scope=openid`);
    expect(result).toMatchObject({ state: { token: TOKEN }, legacyShape: '#access_token=' });
  });

  it('prefers the ID token when a hybrid flow returns both', () => {
    const other = 'eyJhbGciOiJub25lIn0.eyJhIjoxfQ.';
    expect(readLink(`${PAGE}#access_token=${other}&id_token=${TOKEN}`).state.token).toBe(TOKEN);
    expect(readLink(`${PAGE}#id_token=${TOKEN}&access_token=${other}`).state.token).toBe(TOKEN);
  });

  it('reads #value=', () => {
    expect(readLink(`${PAGE}#value=${TOKEN}`)).toMatchObject({ state: { token: TOKEN }, legacyShape: '#value=' });
  });

  it('reads a bare token as the whole fragment', () => {
    expect(readLink(`${PAGE}#${TOKEN}`)).toMatchObject({ state: { token: TOKEN }, source: 'legacy-fragment' });
  });

  it('our token parameter wins over id_token', () => {
    expect(readLink(`${PAGE}#token=${TOKEN}&id_token=other.a.b`)).toMatchObject({ state: { token: TOKEN }, source: 'fragment' });
  });
});

describe('readLink: credentials in the query string', () => {
  it('reads a token, flags it and removes it without moving it into the fragment', () => {
    const result = readLink(`${PAGE}?token=${TOKEN}`);
    expect(result).toEqual({ state: { token: TOKEN }, source: 'query', queryHadToken: true, removedFromQuery: ['token'], cleanedUrl: PAGE });
  });

  it('keeps other query parameters exactly as they were', () => {
    const result = readLink(`${PAGE}?lang=en&token=${TOKEN}&q=a%20b+c`);
    expect(result.cleanedUrl).toBe(`${PAGE}?lang=en&q=a%20b+c`);
  });

  it('removes a key in the query string too and reads it with the token', () => {
    const result = readLink(`${PAGE}?token=${TOKEN}&key=${enc(PEM)}`);
    expect(result.state).toEqual({ token: TOKEN, key: PEM });
    expect(result.removedFromQuery).toEqual(['token', 'key']);
    expect(result.cleanedUrl).toBe(PAGE);
    expect(readLink(result.cleanedUrl!).state).toEqual({});
  });

  it('removes every credential name, and reads id_token, access_token, value and refresh_token as the token', () => {
    for (const name of ['id_token', 'access_token', 'value', 'refresh_token']) {
      const result = readLink(`${PAGE}?${name}=${TOKEN}&state=xyz`);
      expect(result.state).toEqual({ token: TOKEN });
      expect(result.queryHadToken).toBe(true);
      expect(result.removedFromQuery).toEqual([name]);
      expect(result.cleanedUrl).toBe(`${PAGE}?state=xyz`);
    }
    const all = readLink(`${PAGE}?code=abc&signingKey=s&key=k&session_state=1&refresh_token=r&access_token=${TOKEN}`);
    expect(all.removedFromQuery).toEqual(['code', 'signingKey', 'key', 'refresh_token', 'access_token']);
    expect(all.cleanedUrl).toBe(`${PAGE}?session_state=1`);
    expect(all.state).toMatchObject({ token: TOKEN, key: 'k', signingKey: 's' });
  });

  it('removes a key alone (no token) and an authorization code, which are not tokens', () => {
    const key = readLink(`${PAGE}?key=secret`);
    expect(key).toMatchObject({ state: { key: 'secret' }, source: 'query', queryHadToken: false, removedFromQuery: ['key'], cleanedUrl: PAGE });
    const code = readLink(`${PAGE}?code=SplxlOBeZQQYbYS6WxSbIA&state=af0`);
    expect(code).toMatchObject({ state: {}, queryHadToken: false, removedFromQuery: ['code'], cleanedUrl: `${PAGE}?state=af0` });
  });

  it('a token in the fragment wins, but the query token is still removed and reported; the fragment stays', () => {
    const other = 'eyJhbGciOiJub25lIn0.eyJhIjoxfQ.';
    const result = readLink(`${PAGE}?token=${other}#token=${TOKEN}&key=k`);
    expect(result.state).toEqual({ token: TOKEN, key: 'k' });
    expect(result.source).toBe('fragment');
    expect(result.queryHadToken).toBe(true);
    expect(result.cleanedUrl).toBe(`${PAGE}#token=${TOKEN}&key=k`);
  });

  it('combines a query token with a key from the fragment, and leaves the fragment as it was', () => {
    const result = readLink(`${PAGE}?token=${TOKEN}#key=k`);
    expect(result.state).toEqual({ token: TOKEN, key: 'k' });
    expect(result.cleanedUrl).toBe(`${PAGE}#key=k`);
  });

  it('works with a relative URL and a base path', () => {
    const result = readLink(`/tools/jwt/?token=${TOKEN}`);
    expect(result.cleanedUrl).toBe('/tools/jwt/');
  });

  it('does not produce a cleaned URL when the query carries no credentials', () => {
    expect(readLink(`${PAGE}?lang=en#token=${TOKEN}`).cleanedUrl).toBeUndefined();
    expect(readLink(`${PAGE}?tokens=1&keyboard=2`).cleanedUrl).toBeUndefined();
  });

  it('never leaves a credential in the cleaned URL', () => {
    const names = ['token', 'key', 'id_token', 'access_token', 'refresh_token', 'code', 'value', 'signingKey', 'publicKey', 'lang'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/)), { minLength: 1, maxLength: 6 }), (pairs) => {
        const query = pairs.map(([name, value]) => `${name}=${value}`).join('&');
        const result = readLink(`${PAGE}?${query}`);
        const cleaned = new URLSearchParams((result.cleanedUrl ?? `${PAGE}?${query}`).split('?')[1] ?? '');
        for (const name of cleaned.keys()) expect(name).toBe('lang');
        expect(result.cleanedUrl === undefined).toBe(pairs.every(([name]) => name === 'lang'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('readLink: OpenID Connect redirect fragments are removed after reading', () => {
  it('removes #id_token=… and #access_token=… as a whole, keeping the query', () => {
    const result = readLink(`${PAGE}?lang=en#id_token=${TOKEN}&state=af0&token_type=Bearer`);
    expect(result.state).toEqual({ token: TOKEN });
    expect(result.removedFromFragment).toEqual(['id_token']);
    expect(result.cleanedUrl).toBe(`${PAGE}?lang=en`);
    const both = readLink(`${PAGE}#access_token=a.b.c&id_token=${TOKEN}&code=x`);
    expect(both.removedFromFragment).toEqual(['access_token', 'id_token', 'code']);
    expect(both.cleanedUrl).toBe(PAGE);
  });

  it('leaves share links and the old jwt.io shapes in place', () => {
    for (const url of [`${PAGE}#token=${TOKEN}&key=k`, `${PAGE}#debugger-io?token=${TOKEN}`, `${PAGE}#${TOKEN}`, `${PAGE}#value=${TOKEN}`, `${PAGE}#mode=encode&signingKey=s&secretEncoding=utf8`]) {
      const result = readLink(url);
      expect(result.cleanedUrl).toBeUndefined();
      expect(result.removedFromFragment).toBeUndefined();
    }
  });

  it('takes out of a share link only the credentials it does not use, keeping the rest as it was', () => {
    const result = readLink(`${PAGE}#token=${TOKEN}&id_token=x.y.z&key=k`);
    expect(result).toMatchObject({ state: { token: TOKEN, key: 'k' }, source: 'fragment', removedFromFragment: ['id_token'], cleanedUrl: `${PAGE}#token=${TOKEN}&key=k` });
    expect(result.removedWholeFragment).toBeUndefined();
    const legacy = readLink(`${PAGE}#debugger-io?token=${TOKEN}&code=abc`);
    expect(legacy).toMatchObject({ state: { token: TOKEN }, removedFromFragment: ['code'], cleanedUrl: `${PAGE}#debugger-io?token=${TOKEN}` });
  });
});

describe('readLink: malformed input never throws', () => {
  it('handles broken percent-encoding, odd separators and junk', () => {
    const inputs = [
      `${PAGE}#token=%E0%A4%A&key=%`,
      `${PAGE}#&&&=&==&token`,
      `${PAGE}#debugger-io?`,
      `${PAGE}##token=${TOKEN}`,
      `${PAGE}?#`,
      `${PAGE}?token=%ZZ`,
      'not a url at all',
      '#',
      '?',
      '%',
    ];
    for (const url of inputs) expect(() => readLink(url)).not.toThrow();
    expect(readLink(`${PAGE}#token=%E0%A4%A`).state.token).toBeDefined();
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: fc.constantFrom('#', '?', '&', '=', '%', '+', 'token', 'key', 'debugger-io', 'id_token', 'a', '.', ' ') }), (a, b) => {
        expect(() => readLink(a)).not.toThrow();
        expect(() => readLink(`${PAGE}${b}`)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readLink: the set-up of getting a token', () => {
  it('reads mode=flow with issuer, client ID and scopes', () => {
    const result = readLink(`${PAGE}#mode=flow&issuer=${enc('https://op.example/realms/a')}&clientId=app&scope=${enc('openid profile')}`);
    expect(result.state).toEqual({ mode: 'flow', issuer: 'https://op.example/realms/a', clientId: 'app', scope: 'openid profile' });
    expect(result.source).toBe('fragment');
  });
});
