import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSnippets as generateSet, type Snippet, type SnippetInput } from './snippets';
import { snippetKeyFromText } from './key-of';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const SECRET = 'my-very-secret-hmac-key';
const byId = (snippets: Snippet[], id: string) => snippets.find((snippet) => snippet.id === id)!;
function generateSnippets(input: SnippetInput): Snippet[] {
  const set = generateSet(input);
  if (!set.ok) throw new Error(set.message);
  return set.snippets;
}

const secretInput: SnippetInput = {
  alg: 'HS384',
  key: { kind: 'secret', secret: SECRET, encoding: 'utf8' },
  issuer: 'https://issuer.example',
  audience: 'https://api.example/orders',
  token: TOKEN,
  include: false,
};

describe('generateSnippets', () => {
  it('makes one snippet per stack, in the contract languages', () => {
    const snippets = generateSnippets(secretInput);
    expect(snippets.map((snippet) => `${snippet.lang}:${snippet.id}`)).toEqual([
      'node:node-jose', 'node:node-passport', 'python:python-pyjwt', 'python:python-flask', 'java:java-spring', 'java:java-jjwt', 'go:go-golang-jwt', 'csharp:csharp-jwtbearer', 'curl:curl',
    ]);
  });

  it('never holds the token or the secret unless asked to include them', () => {
    for (const snippet of generateSnippets(secretInput)) {
      expect(snippet.code, snippet.id).not.toContain(TOKEN);
      expect(snippet.code, snippet.id).not.toContain(SECRET);
    }
    const included = generateSnippets({ ...secretInput, include: true });
    expect(byId(included, 'node-jose').code).toContain(TOKEN);
    expect(byId(included, 'node-jose').code).toContain(SECRET);
    expect(byId(included, 'curl').code).toContain(`Bearer ${TOKEN}`);
    expect(byId(included, 'go-golang-jwt').code).toContain(SECRET);
  });

  it('pins the algorithm and the iss/aud checks in each stack', () => {
    const s = generateSnippets(secretInput);
    expect(byId(s, 'node-jose').code).toContain("algorithms: [\"HS384\"]");
    expect(byId(s, 'node-jose').code).toContain('issuer: "https://issuer.example"');
    expect(byId(s, 'node-jose').code).toContain('audience: "https://api.example/orders"');
    expect(byId(s, 'node-passport').code).toMatch(/ExtractJwt\.fromAuthHeaderAsBearerToken\(\)[\s\S]*algorithms: \["HS384"\][\s\S]*issuer: "https:\/\/issuer.example"/);
    expect(byId(s, 'python-pyjwt').code).toContain('jwt.decode(token, key, algorithms=["HS384"], issuer="https://issuer.example", audience="https://api.example/orders")');
    expect(byId(s, 'python-flask').code).toContain('app.config["JWT_DECODE_ALGORITHMS"] = ["HS384"]');
    expect(byId(s, 'python-flask').code).toContain('app.config["JWT_DECODE_AUDIENCE"] = "https://api.example/orders"');
    expect(byId(s, 'java-spring').code).toContain('new SecretKeySpec(secret, "HmacSHA384")');
    expect(byId(s, 'java-spring').code).toContain('.macAlgorithm(MacAlgorithm.HS384)');
    expect(byId(s, 'java-spring').code).toContain('JwtValidators.createDefaultWithIssuer("https://issuer.example")');
    expect(byId(s, 'java-jjwt').code).toContain('.requireIssuer("https://issuer.example")');
    expect(byId(s, 'java-jjwt').code).toContain('.requireAudience("https://api.example/orders")');
    expect(byId(s, 'go-golang-jwt').code).toContain('jwt.WithValidMethods([]string{"HS384"})');
    expect(byId(s, 'go-golang-jwt').code).toContain('jwt.WithAudience("https://api.example/orders")');
    expect(byId(s, 'csharp-jwtbearer').code).toContain('ValidAlgorithms = new[] { "HS384" }');
    expect(byId(s, 'csharp-jwtbearer').code).toContain('ValidIssuer = "https://issuer.example"');
    expect(byId(s, 'csharp-jwtbearer').code).toContain('new SymmetricSecurityKey');
    expect(byId(s, 'curl').code).toContain(`-H "Authorization: Bearer $JWT" 'https://api.example/orders'`);
  });

  it('uses the public key and the right parser for RSA, EC and Ed25519 keys', async () => {
    for (const [alg, kty, goParser, csharp] of [
      ['RS256', 'RSA', 'ParseRSAPublicKeyFromPEM', 'RsaSecurityKey'],
      ['ES256', 'EC', 'ParseECPublicKeyFromPEM', 'ECDsaSecurityKey'],
      ['EdDSA', 'OKP', 'ParseEdPublicKeyFromPEM', 'ECDsaSecurityKey'],
    ] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg === 'EdDSA' ? 'Ed25519' : alg, { extractable: true });
      const resolved = await snippetKeyFromText(await exportPKCS8(privateKey), 'utf8');
      expect(resolved.key).toMatchObject({ kind: 'public', kty });
      expect(resolved.note).toMatch(/only its public part/);
      const s = generateSnippets({ alg, key: resolved.key, include: true, token: TOKEN });
      const spki = (await exportSPKI(publicKey)).trim();
      for (const snippet of s) expect(snippet.code, snippet.id).not.toContain('PRIVATE KEY');
      expect(byId(s, 'node-jose').code).toContain(`importSPKI(${JSON.stringify(spki + '\n')}, "${alg}")`);
      expect(byId(s, 'go-golang-jwt').code).toContain(goParser);
      expect(byId(s, 'csharp-jwtbearer').code).toContain(csharp);
      expect(byId(s, 'csharp-jwtbearer').code).toContain('ValidateIssuer = false');
    }
  });

  it('fetches keys from a JWKS URL when one was used', async () => {
    const resolved = await snippetKeyFromText('ignored', 'utf8', ' https://issuer.example/.well-known/jwks.json ');
    const s = generateSnippets({ alg: 'RS256', key: resolved.key, include: false });
    const url = '"https://issuer.example/.well-known/jwks.json"';
    expect(byId(s, 'node-jose').code).toContain(`createRemoteJWKSet(new URL(${url}))`);
    expect(byId(s, 'node-passport').code).toContain(`jwksRsa.passportJwtSecret({ jwksUri: ${url}`);
    expect(byId(s, 'python-pyjwt').code).toContain(`jwt.PyJWKClient(${url})`);
    expect(byId(s, 'java-spring').code).toContain(`NimbusJwtDecoder.withJwkSetUri(${url})`);
    expect(byId(s, 'java-spring').code).toContain('.jwsAlgorithm(SignatureAlgorithm.RS256)');
    expect(byId(s, 'go-golang-jwt').code).toContain(`keyfunc.NewDefault([]string{${url}})`);
    expect(byId(s, 'csharp-jwtbearer').code).toContain(`GetStringAsync(${url})`);
  });

  it('decodes a secret given as bytes', () => {
    const s = generateSnippets({ ...secretInput, key: { kind: 'secret', secret: 'c2VjcmV0', encoding: 'base64url' } });
    expect(byId(s, 'node-jose').code).toContain('Buffer.from(process.env.JWT_SECRET, "base64url")');
    expect(byId(s, 'python-pyjwt').code).toContain('base64.urlsafe_b64decode(os.environ["JWT_SECRET"] + "==")');
  });

  it('reads a secret, and says so when there is no key', async () => {
    expect((await snippetKeyFromText(SECRET, 'utf8')).key).toEqual({ kind: 'secret', secret: SECRET, encoding: 'utf8' });
    expect(await snippetKeyFromText('', 'utf8')).toMatchObject({ key: { kind: 'none' }, note: expect.stringMatching(/JWT_SECRET/) });
  });
});
