/**
 * What a snippet holds of the token, the key and the form is data: hostile
 * values in every field, and the snippets are run (curl with bash, Node with
 * node) or parsed (Python with python3's ast; Java, Go and C# with ports of
 * their lexers) to show that the code stays the template's and each literal
 * holds the value verbatim.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnippets, type Snippet, type SnippetInput, type SnippetKey } from './snippets';
import { snippetFieldsOf } from './fields-of';
import { snippetKeyFromText } from './key-of';
import { shellCanCarry } from './quote';
import { HOSTILE_PIECES, hostileString } from './testing/hostile';
import { lexCsharp, lexGo, lexJava, lexJs, type Lexed } from './testing/literals';
import { hasPython, nodeStubs, pythonShapes, runCurlSnippet, runNodeSnippet } from './testing/runners';

let root = '';
let stubs = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'snippets-hostile-'));
  stubs = await nodeStubs(root);
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const SUPPORTED = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function snippetsOf(input: SnippetInput): Snippet[] {
  const set = generateSnippets(input);
  if (!set.ok) throw new Error(`no snippets: ${set.message}`);
  return set.snippets;
}
const code = (snippets: Snippet[], id: string) => snippets.find((snippet) => snippet.id === id)!.code;

// ------------------------------------------------------------------ inputs

const maybeUrl = fc.oneof(hostileString(), hostileString().map((rest) => `https://api.example.com/${rest}`));
const keyArbitrary: fc.Arbitrary<SnippetKey> = fc.oneof(
  fc.record({ kind: fc.constant('secret' as const), secret: hostileString(), encoding: fc.constantFrom('utf8' as const, 'base64url' as const, 'base64' as const, 'hex' as const) }),
  fc.record({ kind: fc.constant('public' as const), pem: hostileString(), kty: fc.constantFrom('RSA' as const, 'EC' as const, 'OKP' as const) }),
  fc.record({ kind: fc.constant('jwks' as const), url: maybeUrl }),
  fc.constant({ kind: 'none' as const }),
);
const inputArbitrary: fc.Arbitrary<SnippetInput> = fc.record({
  alg: fc.constantFrom(...SUPPORTED),
  key: keyArbitrary,
  issuer: fc.option(hostileString(), { nil: undefined }),
  audience: fc.option(fc.oneof(maybeUrl, fc.array(maybeUrl, { minLength: 1, maxLength: 3 })), { nil: undefined }),
  token: fc.option(hostileString(), { nil: undefined }),
  include: fc.boolean(),
});

/**
 * The same input with each value swapped for a plain marker: the template the
 * hostile snippet must match, and which literal should hold which value.
 */
function withMarkers(input: SnippetInput): { plain: SnippetInput; values: Map<string, string> } {
  const values = new Map<string, string>();
  const mark = (value: string): string => {
    if (value === '') return value;
    const marker = `${/^https?:\/\//.test(value) ? 'https://' : ''}marker-${values.size}-value`;
    values.set(marker, value);
    return marker;
  };
  const key: SnippetKey =
    input.key.kind === 'secret' ? { ...input.key, secret: mark(input.key.secret) } : input.key.kind === 'public' ? { ...input.key, pem: mark(input.key.pem) } : input.key.kind === 'jwks' ? { kind: 'jwks', url: mark(input.key.url) } : input.key;
  const audience = input.audience === undefined ? undefined : Array.isArray(input.audience) ? input.audience.map(mark) : mark(input.audience);
  return {
    plain: { ...input, key, issuer: input.issuer === undefined ? undefined : mark(input.issuer), audience, token: input.token === undefined ? undefined : mark(input.token) },
    values,
  };
}

/** What UTF-8-only languages (Go) keep of a JS string. */
const asUtf8 = (text: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text));

function expectSameTemplate(hostile: Lexed, plain: Lexed, values: Map<string, string>, keep: (value: string) => string = (value) => value) {
  expect(hostile.skeleton).toBe(plain.skeleton);
  expect(hostile.strings).toEqual(plain.strings.map((text) => (values.has(text) ? keep(values.get(text)!) : text)));
}

// ------------------------------------------------------------------ the three reported exploits

describe('the reported exploits', () => {
  it('an audience with $( ) and backticks is passed to curl as it is, and nothing runs', async () => {
    const audience = 'https://api.example.com/$(touch pwned)`touch pwned2`';
    const snippets = snippetsOf({ alg: 'HS256', key: { kind: 'none' }, audience, include: false });
    const ran = await runCurlSnippet(root, code(snippets, 'curl'), { JWT: 'token' });
    expect(ran.leftovers).toEqual([]);
    expect(ran.argv).toEqual(['--fail-with-body', '-H', 'Authorization: Bearer token', audience]);
  });

  it('a header alg that closes the Java call gives a sentence, not code', () => {
    const alg = 'HS256).build(); Runtime.getRuntime().exec("touch pwned"); //';
    const result = generateSnippets({ alg, key: { kind: 'jwks', url: 'https://issuer.example/jwks.json' }, include: false });
    expect(JSON.stringify(result)).not.toContain('Runtime.getRuntime');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Snippets are written for .*HS256.*EdDSA/) });
  });

  it('a JWKS URL with \\u000a does not end a Java comment: no value is written into a comment', () => {
    const url = 'https://issuer.example/jwks.json\\u000a Runtime.getRuntime().exec("touch pwned"); //';
    const snippets = snippetsOf({ alg: 'RS256', key: { kind: 'jwks', url }, include: false });
    const plain = snippetsOf({ alg: 'RS256', key: { kind: 'jwks', url: 'https://marker-0-value' }, include: false });
    for (const id of ['java-spring', 'java-jjwt']) {
      const lexed = lexJava(code(snippets, id));
      expect(lexed.parts.filter((part) => part.kind === 'code').map((part) => part.text).join('')).not.toContain('Runtime');
      expectSameTemplate(lexed, lexJava(code(plain, id)), new Map([['https://marker-0-value', url]]));
    }
  });
});

// ------------------------------------------------------------------ every field, every language

describe('hostile values in every field', () => {
  it('Java, Go, C# and JavaScript: the code is the template\'s, comments included, and each literal holds its value', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const { plain, values } = withMarkers(input);
        const hostile = snippetsOf(input);
        const template = snippetsOf(plain);
        for (const id of ['java-spring', 'java-jjwt']) expectSameTemplate(lexJava(code(hostile, id)), lexJava(code(template, id)), values);
        expectSameTemplate(lexGo(code(hostile, 'go-golang-jwt')), lexGo(code(template, 'go-golang-jwt')), values, asUtf8);
        expectSameTemplate(lexCsharp(code(hostile, 'csharp-jwtbearer')), lexCsharp(code(template, 'csharp-jwtbearer')), values);
        for (const id of ['node-jose', 'node-passport']) expectSameTemplate(lexJs(code(hostile, id)), lexJs(code(template, id)), values);
      }),
      { numRuns: 300 },
    );
  });

  it('curl: bash with a stub curl runs nothing else and passes the URL and the token verbatim', async () => {
    const envToken = 'env-token $(touch pwned-env) `touch pwned-env2`';
    await fc.assert(
      fc.asyncProperty(inputArbitrary, async (input) => {
        const ran = await runCurlSnippet(root, code(snippetsOf(input), 'curl'), { JWT: envToken });
        const audiences = input.audience === undefined ? [] : [input.audience].flat();
        const url = audiences.find((value) => /^https?:\/\//.test(value) && shellCanCarry(value)) ?? 'https://api.example.com/resource';
        const token = input.include && input.token && shellCanCarry(input.token) ? input.token : envToken;
        expect(ran.leftovers).toEqual([]);
        expect(ran.exitCode).toBe(0);
        expect(ran.argv).toEqual(['--fail-with-body', '-H', `Authorization: Bearer ${token}`, url]);
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it.runIf(hasPython)('Python: python3 parses both snippets to the template\'s tree and calls, and each literal holds its value', async () => {
    await fc.assert(
      fc.asyncProperty(inputArbitrary, async (input) => {
        const { plain, values } = withMarkers(input);
        const hostile = snippetsOf(input);
        const template = snippetsOf(plain);
        const ids = ['python-pyjwt', 'python-flask'];
        const shapes = await pythonShapes(root, [...ids.map((id) => code(hostile, id)), ...ids.map((id) => code(template, id))]);
        for (const [index] of ids.entries()) {
          const [got, want] = [shapes[index]!, shapes[index + ids.length]!];
          expect(got.calls).toEqual(want.calls);
          expect(got.comments).toEqual(want.comments);
          expect(got.shape).toBe(want.shape);
          expect(got.strings).toEqual(want.strings.map((text) => (values.has(text) ? values.get(text)! : text)));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('Node: node --check accepts both snippets, and run against stub packages they hand over each value verbatim and touch nothing', async () => {
    const env = { JWT: 'env-token', JWT_SECRET: 'env-secret' };
    await fc.assert(
      fc.asyncProperty(inputArbitrary, async (input) => {
        const snippets = snippetsOf(input);
        const audiences = input.audience === undefined ? [] : [input.audience].flat();
        const token = input.include && input.token ? input.token : env.JWT;
        const secret = input.include && input.key.kind === 'secret' ? input.key.secret : env.JWT_SECRET;
        const encoding = input.key.kind === 'secret' ? input.key.encoding : 'utf8';
        const options = { algorithms: [input.alg], ...(input.issuer !== undefined ? { issuer: input.issuer } : {}), ...(audiences.length > 0 ? { audience: audiences.length === 1 ? audiences[0] : audiences } : {}) };

        const jose = await runNodeSnippet(stubs, code(snippets, 'node-jose'), env);
        expect(jose.checkError).toBe('');
        expect(jose.leftovers).toEqual([]);
        expect(jose.stderr).toBe('');
        expect(jose.exitCode).toBe(0);
        const key = input.key;
        const expected =
          key.kind === 'jwks'
            ? [['createRemoteJWKSet', key.url], ['jwtVerify', token, 'jwks-key', options]]
            : key.kind === 'public'
              ? [['importSPKI', key.pem, input.alg], ['jwtVerify', token, 'spki-key', options]]
              : [['jwtVerify', token, { from: secret, encoding }, options]];
        expect(jose.calls).toEqual(expected);
        expect(jose.stdout).toBe(`Token verified: ${input.alg} {}\n`);

        const passport = await runNodeSnippet(stubs, code(snippets, 'node-passport'), env);
        expect(passport.checkError).toBe('');
        expect(passport.leftovers).toEqual([]);
        expect(passport.exitCode).toBe(0);
        const secretOrKey = key.kind === 'jwks' ? { secretOrKeyProvider: { provider: { jwksUri: key.url, cache: true } } } : key.kind === 'public' ? { secretOrKey: key.pem } : { secretOrKey: { from: secret, encoding } };
        expect(passport.calls).toEqual([['passport.use', { jwtFromRequest: 'bearer-header', ...secretOrKey, ...options }], ['app.get', '/protected'], ['app.listen', 3000]]);
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});

describe('the hostile pieces', () => {
  it('include every kind of break-out the review names', () => {
    for (const piece of ['"', "'", '\\', '$(touch pwned)', '`touch pwned`', '\n', '\\u000a', '\u2028']) expect(HOSTILE_PIECES).toContain(piece);
  });
});

describe('what reaches a snippet from the token', () => {
  const name = hostileString(4).filter((text) => !['alg', 'kid', 'iss', 'aud'].includes(text));

  it('only alg, kid, iss and aud are read, whatever other claims and names the token has', () => {
    fc.assert(
      fc.property(hostileString(), hostileString(), hostileString(), fc.oneof(hostileString(), fc.array(hostileString(), { minLength: 1, maxLength: 3 })), name, hostileString(), (alg, kid, iss, aud, other, value) => {
        const fields = snippetFieldsOf({ alg, kid, [other]: value }, { iss, aud, [other]: value, __proto__: { iss: 'inherited' } });
        expect(fields).toEqual({ alg, kid, issuer: iss, audience: aud });
      }),
      { numRuns: 200 },
    );
    expect(snippetFieldsOf(JSON.parse('{"alg":"RS256","kid":7}'), JSON.parse('{"__proto__":{"iss":"x"},"aud":[1]}'))).toEqual({ alg: 'RS256', kid: undefined, issuer: undefined, audience: undefined });
  });

  it('other claims, their names and the kid change nothing in the code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SUPPORTED), hostileString(), name, hostileString(), hostileString(), maybeUrl, fc.boolean(), async (alg, kid, other, value, iss, url, include) => {
        const fields = snippetFieldsOf({ alg, kid, [other]: value }, { iss, aud: url, [other]: value });
        const jwksUrl = url.trim() === '' ? 'https://issuer.example/jwks.json' : url;
        const withKid = await snippetKeyFromText('', 'utf8', jwksUrl, fields.kid);
        const without = await snippetKeyFromText('', 'utf8', jwksUrl);
        expect(generateSnippets({ ...fields, key: withKid.key, include, token: 't' })).toEqual(generateSnippets({ alg, issuer: iss, audience: url, key: without.key, include, token: 't' }));
      }),
      { numRuns: 200 },
    );
  });

  it('an algorithm outside the list gives a sentence that does not repeat it', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(), fc.constantFrom('none', 'HS256 ', 'hs256', 'ES256K', 'Ed25519', 'ML-DSA-44', 'RSA-OAEP', 'HS256).build(); //')), keyArbitrary, (alg, key) => {
        fc.pre(!SUPPORTED.includes(alg));
        const result = generateSnippets({ alg, key, include: true, token: 't' });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.message).toBe(`Snippets are written for ${SUPPORTED.join(', ')}; this token's algorithm is none of them.`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
