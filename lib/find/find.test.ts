// What counts as a token, what does not, and where each paste shape says it was found.

import { describe, expect, it } from 'vitest';
import { encodeBase64url, encodeBase64urlText } from '@/lib/token/base64url';
import { describeSource, findTokens } from './index';

const b64 = (value: unknown) => encodeBase64urlText(typeof value === 'string' ? value : JSON.stringify(value));
const sig = (bytes: number) => encodeBase64url(new Uint8Array(bytes).fill(7));
const jws = (header: object = { alg: 'HS256' }, payload: unknown = { sub: 'a' }, signature = sig(32)) => `${b64(header)}.${b64(payload)}.${signature}`;
const HS = jws();
const OTHER = jws({ alg: 'ES256', kid: 'k' }, { sub: 'b' }, sig(64));
const JWE = [b64({ alg: 'dir', enc: 'A256GCM' }), '', sig(12), sig(40), sig(16)].join('.');
const DISCLOSURE = b64(['salt', 'name', 'Alice']);
const SD = `${OTHER}~${DISCLOSURE}~`;

const tokens = (text: string) => findTokens(text).map((t) => t.token);
const sources = (text: string) => findTokens(text).flatMap((t) => t.places.map((p) => p.source));

describe('what is a token', () => {
  it.each([
    ['dotted numbers and words', 'version 1.2.3 of a.b.c, see www.example.com and 10.0.0.1'],
    ['base64url parts whose header is not JSON', `${b64('hello')}.${b64('world')}.${sig(32)}`],
    ['a header without alg or enc', jws({ typ: 'JWT' } as object)],
    ['a header that is a JSON array', `${b64(['alg'])}.${b64({})}.${sig(32)}`],
    ['four parts', `${HS}.${sig(8)}`],
    ['six parts', `${JWE}.${sig(8)}`],
    ['a JWS payload that is not base64url (one character left over)', `${b64({ alg: 'HS256' })}.${b64({})}xy.${sig(32)}`],
    ['an SD-JWT whose disclosure is not an array', `${OTHER}~${b64({ a: 1 })}~`],
    ['a bare header', b64({ alg: 'HS256' })],
    ['empty text', ''],
    ['deeply nested JSON', '['.repeat(50_000) + ']'.repeat(50_000)],
    ['an unclosed JSON document', '{"a": "b", "c": ['],
    ['a JWS JSON whose unprotected header holds a raw control character', `{"payload":"e30","signature":"${sig(32)}","header":{"alg":"HS256","x":"\u0001"}}`],
  ])('not: %s', (_name, text) => {
    expect(findTokens(text)).toEqual([]);
  });

  it('a JWS whose payload is not JSON, or empty, is one', () => {
    const plain = `${b64({ alg: 'HS256' })}.${b64('plain text')}.${sig(32)}`;
    const detached = `${b64({ alg: 'HS256' })}..${sig(32)}`;
    expect(tokens(`${plain} ${detached}`)).toEqual([plain, detached]);
  });

  it('an unsecured JWS ends with its dot', () => {
    const none = `${b64({ alg: 'none' })}.${b64({ sub: 'a' })}.`;
    expect(findTokens(`token: ${none} end`).map((t) => [t.token, t.truncated])).toEqual([[none, undefined]]);
  });

  it('a five-part JWE with an empty encrypted key is one', () => {
    expect(findTokens(`"${JWE}"`).map((t) => [t.kind, t.header.enc])).toEqual([['jwe', 'A256GCM']]);
  });

  it('dots before a token and a full stop after it are not part of it', () => {
    expect(tokens(`...${HS}. And ~${OTHER}..`)).toEqual([HS, OTHER]);
  });

  it('the same token twice is one token with two places', () => {
    const found = findTokens(`Authorization: Bearer ${HS}\nlog: ${HS}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]!.places.map((p) => [p.source.type, p.source.line, p.start])).toEqual([
      ['authorization', 1, 22],
      ['text', 2, 22 + HS.length + 6],
    ]);
  });
});

describe('tokens cut short', () => {
  it('a JWE missing its tag', () => {
    const cut = JWE.slice(0, JWE.lastIndexOf('.'));
    expect(findTokens(cut)[0]!.truncated).toEqual({ part: 'ciphertext', offset: cut.length });
  });

  it('a JWE whose tag is too short', () => {
    const cut = JWE.slice(0, -5);
    expect(findTokens(cut)[0]!.truncated).toEqual({ part: 'tag', offset: cut.length });
  });

  it('a JWS missing its signature keeps its payload', () => {
    const cut = HS.slice(0, HS.lastIndexOf('.'));
    expect(findTokens(`${cut}\n`)[0]!.truncated).toEqual({ part: 'signature', offset: cut.length, payload: { sub: 'a' } });
  });

  it('an SD-JWT cut in a disclosure or in its key binding JWT', () => {
    const inDisclosure = `${SD}${DISCLOSURE.slice(0, 9)}`;
    expect(findTokens(inDisclosure)[0]!.truncated).toEqual({ part: 'disclosure', index: 1, offset: inDisclosure.length });
    const inKb = `${SD}${HS.slice(0, HS.indexOf('.') + 5)}`;
    expect(findTokens(inKb)[0]!.truncated).toEqual({ part: 'key-binding', offset: inKb.length });
  });
});

describe('where a token was found', () => {
  it('a percent-encoded SD-JWT in a query is decoded; its place covers the encoded text', () => {
    const encoded = encodeURIComponent(SD).replaceAll('~', '%7E');
    const url = `https://verifier.example.com/cb?vp_token=${encoded}&state=1`;
    const [found] = findTokens(url);
    expect(found!.token).toBe(SD);
    expect(found!.kind).toBe('sd-jwt');
    expect(found!.places).toEqual([{ source: { type: 'url-query', name: 'vp_token', url, line: 1 }, start: url.indexOf(encoded), end: url.indexOf(encoded) + encoded.length }]);
  });

  it('a redirect URI held in a parameter is read as a URL', () => {
    const inner = `https://app.example.com/cb#id_token=${HS}`;
    const url = `https://as.example.com/logout?post_logout_redirect_uri=${encodeURIComponent(inner)}`;
    expect(sources(url)).toEqual([{ type: 'url-fragment', name: 'id_token', url: inner, line: 1 }]);
  });

  it('a token in a URL path', () => {
    expect(sources(`GET https://api.example.com/verify/${HS} 200`)).toEqual([{ type: 'url-path', url: `https://api.example.com/verify/${HS}`, line: 1 }]);
  });

  it('a Location header of a raw response', () => {
    const text = `HTTP/1.1 302 Found\r\nLocation: https://app.example.com/cb#access_token=${HS}&state=x\r\n\r\n`;
    expect(sources(text)).toEqual([{ type: 'url-fragment', name: 'access_token', url: `https://app.example.com/cb#access_token=${HS}&state=x`, line: 2 }]);
  });

  it('a curl command with attached options, $-quoting and --oauth2-bearer', () => {
    const text = `curl -H'X-Id-Token: ${HS}' --oauth2-bearer ${OTHER} --data $'{"jwe":"${JWE}"}\\n' https://x.example.com`;
    expect(sources(text)).toEqual([
      { type: 'header', name: 'X-Id-Token', line: 1 },
      { type: 'authorization', name: 'Authorization', scheme: 'Bearer', line: 1 },
      { type: 'json', path: '$.jwe', line: 1 },
    ]);
  });

  it('a JSON document inside a JSON string', () => {
    const text = JSON.stringify({ body: JSON.stringify({ tokens: [{ t: HS }] }) });
    expect(sources(text)).toEqual([{ type: 'json', path: '$.body → $.tokens[0].t' }]);
  });

  it('member names that are not identifiers are quoted in paths', () => {
    expect(sources(JSON.stringify({ 'id token': HS }))).toEqual([{ type: 'json', path: '$["id token"]' }]);
  });

  it('flattened JSON serializations, and objects that only look like them', () => {
    const flatJws = { payload: b64({ sub: 'a' }), protected: b64({ alg: 'ES256' }), signature: sig(64) };
    const flatJwe = { protected: b64({ enc: 'A128GCM' }), header: { alg: 'dir' }, iv: sig(12), ciphertext: sig(20), tag: sig(16) };
    const text = JSON.stringify({ a: flatJws, b: flatJwe, c: { payload: 'x', signature: 'not base64url!' }, d: { ciphertext: sig(3) } });
    const found = findTokens(text);
    expect(found.map((t) => [t.kind, t.places[0]!.source.path, JSON.parse(t.token)])).toEqual([
      ['jws-json', '$.a', flatJws],
      ['jwe-json', '$.b', flatJwe],
    ]);
  });

  it('a token as the password of Basic credentials', () => {
    const credentials = btoa(`client:${HS}`);
    const text = `Authorization: Basic ${credentials}`;
    expect(findTokens(text).map((t) => [t.token, t.places])).toEqual([
      [HS, [{ source: { type: 'authorization', name: 'Authorization', scheme: 'Basic', line: 1 }, start: 21, end: 21 + credentials.length }]],
    ]);
  });

  it('a HAR file that starts with a byte order mark is still read as a HAR', () => {
    const har = { log: { entries: [{ request: { url: `https://a.example.com/?t=${HS}` }, response: {} }] } };
    expect(sources(`\ufeff${JSON.stringify(har)}`).map((s) => [s.type, s.har?.side])).toEqual([['url-query', 'request']]);
  });

  it('line numbers with Windows line endings', () => {
    expect(sources(`a\r\nb\r\n${HS}\r\n`).map((s) => s.line)).toEqual([3]);
  });

  it('HAR cookies, query parameters and form parameters when the headers, URL or text do not have them', () => {
    const har = {
      log: {
        entries: [
          {
            request: {
              url: 'https://a.example.com/x',
              headers: [],
              cookies: [{ name: 'c', value: HS }],
              queryString: [{ name: 'q', value: OTHER }],
              postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'p', value: encodeURIComponent(SD) }] },
            },
            response: { headers: [], cookies: [{ name: 's', value: JWE }], content: { text: '' } },
          },
        ],
      },
    };
    const har0 = { entry: 0, url: 'https://a.example.com/x' };
    expect(sources(JSON.stringify(har))).toEqual([
      { type: 'cookie', name: 'c', path: '$.log.entries[0].request.cookies[0].value', har: { ...har0, side: 'request' } },
      { type: 'url-query', name: 'q', path: '$.log.entries[0].request.queryString[0].value', url: har0.url, har: { ...har0, side: 'request' } },
      { type: 'form', name: 'p', path: '$.log.entries[0].request.postData.params[0].value', har: { ...har0, side: 'request' } },
      { type: 'set-cookie', name: 's', path: '$.log.entries[0].response.cookies[0].value', har: { ...har0, side: 'response' } },
    ]);
  });

  it('describes each place in words', () => {
    const har = { entry: 2, side: 'request' as const, url: 'https://a/' };
    expect(
      [
        { type: 'authorization' as const, name: 'Authorization', scheme: 'DPoP', line: 4 },
        { type: 'authorization' as const, name: 'Authorization' },
        { type: 'header' as const, name: 'DPoP' },
        { type: 'cookie' as const, name: 'sid', har },
        { type: 'set-cookie' as const, name: 'sid' },
        { type: 'url-query' as const, name: 'access_token', url: 'https://a/?access_token=x' },
        { type: 'url-fragment' as const, name: 'id_token' },
        { type: 'url-fragment' as const },
        { type: 'url-path' as const },
        { type: 'form' as const, name: 'assertion' },
        { type: 'json' as const, path: '$.id_token' },
        { type: 'text' as const, line: 7 },
        { type: 'text' as const },
      ].map(describeSource),
    ).toEqual([
      'Authorization header (DPoP), line 4',
      'Authorization header',
      'DPoP header',
      'HAR entry 2 request (https://a/), cookie sid',
      'Set-Cookie sid',
      'query parameter access_token',
      'fragment parameter id_token',
      'URL fragment',
      'URL path',
      'form field assertion',
      '$.id_token',
      'line 7',
      'text',
    ]);
  });
});
