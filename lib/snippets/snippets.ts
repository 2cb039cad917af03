/**
 * "Verify this token in your code": snippets for common stacks, made from the
 * token's alg, the key's kind, iss/aud and a JWKS URL. A snippet holds the
 * token or a secret only when the caller asks to include them; otherwise it
 * reads them from the environment (JWT, JWT_SECRET).
 *
 * People copy and run these, so every value from the token, the key or the
 * form is written as a string literal of the target language (see ./quote),
 * never into a comment, and the algorithm only when it is one of
 * SNIPPET_ALGORITHMS.
 */
import type { SecretEncoding } from '@/lib/keys';
import { isSnippetAlgorithm, SNIPPET_ALGORITHMS, type SnippetAlgorithm } from './algorithms';
import { csharpString, goString, javaString, jsString, pythonString, shellCanCarry, shellSingleQuote } from './quote';
import { t } from './messages';

export type SnippetLang = 'node' | 'python' | 'java' | 'go' | 'csharp' | 'curl';

export type SnippetKey =
  | { kind: 'secret'; secret: string; encoding: SecretEncoding }
  | { kind: 'public'; pem: string; kty: 'RSA' | 'EC' | 'OKP' }
  | { kind: 'jwks'; url: string }
  | { kind: 'none' };

export interface SnippetInput {
  alg: string;
  key: SnippetKey;
  issuer?: string;
  audience?: string | string[];
  token?: string;
  /** Put the token and the secret into the snippets (else they come from JWT and JWT_SECRET). */
  include: boolean;
}

/** The snippets, or why there are none (a sentence for the reader). */
export type SnippetSet = { ok: true; snippets: Snippet[] } | { ok: false; message: string };

/** The input once its algorithm is known to be one the snippets are written for. */
type CheckedInput = Omit<SnippetInput, 'alg'> & { alg: SnippetAlgorithm };

export interface Snippet {
  id: string;
  lang: SnippetLang;
  title: string;
  /** What to install. */
  install: string;
  code: string;
}

const audiences = (input: CheckedInput): string[] => (input.audience === undefined ? [] : Array.isArray(input.audience) ? input.audience : [input.audience]);

type Quote = (text: string) => string;

function tokenExpr(input: CheckedInput, quote: Quote, env: string): string {
  return input.include && input.token ? quote(input.token) : env;
}
function secretExpr(input: CheckedInput, quote: Quote, env: string): string {
  return input.include && input.key.kind === 'secret' ? quote(input.key.secret) : env;
}
/** One audience as a literal, or a list of them in the language's list syntax. */
function audienceExpr(aud: string[], quote: Quote, open = '[', close = ']'): string {
  return aud.length === 1 ? quote(aud[0]!) : `${open}${aud.map(quote).join(', ')}${close}`;
}

// ---------------------------------------------------------------- Node

function nodeJose(input: CheckedInput): Snippet {
  const { alg, key } = input;
  const lines: string[] = [];
  const imports = ['jwtVerify'];
  let keyLine: string;
  if (key.kind === 'jwks') {
    imports.push('createRemoteJWKSet');
    keyLine = `const key = createRemoteJWKSet(new URL(${jsString(key.url)}));`;
  } else if (key.kind === 'public') {
    imports.push('importSPKI');
    keyLine = `const key = await importSPKI(${jsString(key.pem)}, ${jsString(alg)});`;
  } else {
    const encoding = key.kind === 'secret' ? key.encoding : 'utf8';
    keyLine = `const key = Buffer.from(${secretExpr(input, jsString, 'process.env.JWT_SECRET')}, ${jsString(encoding)});`;
  }
  lines.push(`// Verify a JWT with jose: npm install jose`, `import { ${imports.join(', ')} } from 'jose';`, '');
  lines.push(`const token = ${tokenExpr(input, jsString, 'process.env.JWT')};`, keyLine, '');
  lines.push('try {', '  const { payload, protectedHeader } = await jwtVerify(token, key, {', `    algorithms: [${jsString(alg)}],`);
  if (input.issuer !== undefined) lines.push(`    issuer: ${jsString(input.issuer)},`);
  const aud = audiences(input);
  if (aud.length > 0) lines.push(`    audience: ${audienceExpr(aud, jsString)},`);
  lines.push('  });');
  lines.push("  console.log('Token verified:', protectedHeader.alg, JSON.stringify(payload));");
  lines.push('} catch (error) {', "  console.error('Token rejected:', error.code ?? error.message);", '  process.exitCode = 1;', '}');
  return { id: 'node-jose', lang: 'node', title: 'Node.js: jose', install: 'npm install jose', code: lines.join('\n') + '\n' };
}

function nodePassport(input: CheckedInput): Snippet {
  const { alg, key } = input;
  const lines = [`// Express with passport-jwt: npm install express passport passport-jwt${key.kind === 'jwks' ? ' jwks-rsa' : ''}`, "import express from 'express';", "import passport from 'passport';", "import { Strategy, ExtractJwt } from 'passport-jwt';"];
  if (key.kind === 'jwks') lines.push("import jwksRsa from 'jwks-rsa';");
  lines.push('', 'passport.use(new Strategy({', '  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),');
  if (key.kind === 'jwks') lines.push(`  secretOrKeyProvider: jwksRsa.passportJwtSecret({ jwksUri: ${jsString(key.url)}, cache: true }),`);
  else if (key.kind === 'public') lines.push(`  secretOrKey: ${jsString(key.pem)},`);
  else {
    const encoding = key.kind === 'secret' ? key.encoding : 'utf8';
    lines.push(`  secretOrKey: Buffer.from(${secretExpr(input, jsString, 'process.env.JWT_SECRET')}, ${jsString(encoding)}),`);
  }
  lines.push(`  algorithms: [${jsString(alg)}],`);
  if (input.issuer !== undefined) lines.push(`  issuer: ${jsString(input.issuer)},`);
  const aud = audiences(input);
  if (aud.length > 0) lines.push(`  audience: ${audienceExpr(aud, jsString)},`);
  lines.push('}, (payload, done) => done(null, payload)));', '', 'const app = express();', "app.get('/protected', passport.authenticate('jwt', { session: false }), (req, res) => res.json(req.user));", 'app.listen(3000);');
  return { id: 'node-passport', lang: 'node', title: t('snippets.titlePassport'), install: 'npm install express passport passport-jwt', code: lines.join('\n') + '\n' };
}

// ---------------------------------------------------------------- Python

function pythonKeyLines(input: CheckedInput, indent = ''): string[] {
  const { key } = input;
  if (key.kind === 'jwks') return [`${indent}jwks_client = jwt.PyJWKClient(${pythonString(key.url)})`, `${indent}key = jwks_client.get_signing_key_from_jwt(token).key`];
  if (key.kind === 'public') return [`${indent}key = ${pythonString(key.pem)}`];
  const value = secretExpr(input, pythonString, 'os.environ["JWT_SECRET"]');
  const encoding = key.kind === 'secret' ? key.encoding : 'utf8';
  if (encoding === 'utf8') return [`${indent}key = ${value}`];
  if (encoding === 'hex') return [`${indent}key = bytes.fromhex(${value})`];
  return [`${indent}key = base64.${encoding === 'base64url' ? 'urlsafe_b64decode' : 'b64decode'}(${value} + "==")`];
}

function pythonPyJwt(input: CheckedInput): Snippet {
  const lines = ['# Verify a JWT with PyJWT: pip install "pyjwt[crypto]"'];
  if (input.key.kind === 'secret' && input.key.encoding !== 'utf8' && input.key.encoding !== 'hex') lines.push('import base64');
  lines.push('import os', '', 'import jwt', '', `token = ${tokenExpr(input, pythonString, 'os.environ["JWT"]')}`, ...pythonKeyLines(input), '');
  const args = [`algorithms=[${pythonString(input.alg)}]`];
  if (input.issuer !== undefined) args.push(`issuer=${pythonString(input.issuer)}`);
  const aud = audiences(input);
  if (aud.length > 0) args.push(`audience=${audienceExpr(aud, pythonString)}`);
  lines.push(`claims = jwt.decode(token, key, ${args.join(', ')})`, 'print("Token verified:", claims)');
  return { id: 'python-pyjwt', lang: 'python', title: 'Python: PyJWT', install: 'pip install "pyjwt[crypto]"', code: lines.join('\n') + '\n' };
}

/** Fixed words for a comment: the encoding itself never goes into one. */
const ENCODING_NAME: Record<SecretEncoding, string> = { utf8: 'UTF-8', base64url: 'base64url', base64: 'base64', hex: 'hex' };

function pythonFlask(input: CheckedInput): Snippet {
  const { key, alg } = input;
  const lines = ['# Flask-JWT-Extended: pip install flask flask-jwt-extended "pyjwt[crypto]"', 'import os', '', 'from flask import Flask, jsonify', 'from flask_jwt_extended import JWTManager, get_jwt, jwt_required'];
  if (key.kind === 'jwks') lines.push('import jwt as pyjwt');
  lines.push('', 'app = Flask(__name__)', `app.config["JWT_ALGORITHM"] = ${pythonString(alg)}`, `app.config["JWT_DECODE_ALGORITHMS"] = [${pythonString(alg)}]`, 'app.config["JWT_TOKEN_LOCATION"] = ["headers"]');
  if (key.kind === 'public') lines.push(`app.config["JWT_PUBLIC_KEY"] = ${pythonString(key.pem)}`);
  else if (key.kind !== 'jwks') lines.push(`app.config["JWT_SECRET_KEY"] = ${secretExpr(input, pythonString, 'os.environ["JWT_SECRET"]')}${key.kind === 'secret' && key.encoding !== 'utf8' ? `  # the secret is ${ENCODING_NAME[key.encoding]}: decode it to bytes first` : ''}`);
  if (input.issuer !== undefined) lines.push(`app.config["JWT_DECODE_ISSUER"] = ${pythonString(input.issuer)}`);
  const aud = audiences(input);
  if (aud.length > 0) lines.push(`app.config["JWT_DECODE_AUDIENCE"] = ${audienceExpr(aud, pythonString)}`);
  lines.push('jwt = JWTManager(app)');
  if (key.kind === 'jwks') {
    lines.push('', `jwks_client = pyjwt.PyJWKClient(${pythonString(key.url)})`, '', '', '@jwt.decode_key_loader', 'def key_for(header, payload):', '    return jwks_client.get_signing_key(header["kid"]).key');
  }
  lines.push('', '', '@app.get("/protected")', '@jwt_required()', 'def protected():', '    return jsonify(get_jwt())');
  return { id: 'python-flask', lang: 'python', title: 'Python: Flask-JWT-Extended', install: 'pip install flask flask-jwt-extended', code: lines.join('\n') + '\n' };
}

// ---------------------------------------------------------------- Java

const JAVA_KEY_FACTORY: Record<'RSA' | 'EC' | 'OKP', string> = { RSA: 'RSA', EC: 'EC', OKP: 'Ed25519' };

function javaPemLines(pem: string, kty: 'RSA' | 'EC' | 'OKP', type: string): string[] {
  return [
    `String pem = ${javaString(pem)};`,
    'byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));',
    `${type} publicKey = (${type}) KeyFactory.getInstance(${javaString(JAVA_KEY_FACTORY[kty])}).generatePublic(new X509EncodedKeySpec(der));`,
  ];
}

function javaSpring(input: CheckedInput): Snippet {
  const { alg, key } = input;
  const body: string[] = [];
  if (key.kind === 'jwks') body.push(`NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(${javaString(key.url)})`, `        .jwsAlgorithm(SignatureAlgorithm.${alg}).build();`);
  else if (key.kind === 'public' && key.kty === 'RSA') body.push(...javaPemLines(key.pem, 'RSA', 'RSAPublicKey'), 'NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey)', `        .signatureAlgorithm(SignatureAlgorithm.${alg}).build();`);
  else if (key.kind === 'public') body.push(`// NimbusJwtDecoder takes RSA public keys directly; publish this ${key.kty === 'EC' ? 'EC' : 'Ed25519'} key as a JWKS and use it here.`, 'NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("https://issuer.example/jwks.json")', `        .jwsAlgorithm(SignatureAlgorithm.${alg === 'EdDSA' ? 'ES256 /* EdDSA: see Nimbus JOSE docs */' : alg}).build();`);
  else {
    const javaAlg = `Hmac${alg.replace('HS', 'SHA')}`;
    body.push(`byte[] secret = ${secretExpr(input, javaString, 'System.getenv("JWT_SECRET")')}.getBytes(StandardCharsets.UTF_8);`, `NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, ${javaString(javaAlg)}))`, `        .macAlgorithm(MacAlgorithm.${alg}).build();`);
  }
  const validators = [input.issuer !== undefined ? `JwtValidators.createDefaultWithIssuer(${javaString(input.issuer)})` : 'JwtValidators.createDefault()'];
  const aud = audiences(input);
  if (aud.length > 0) validators.push(`new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(${javaString(aud[0]!)}))`);
  body.push(`decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(`, `        ${validators.join(',\n        ')}));`, 'return decoder;');
  const code = [
    '// Spring Security OAuth2 resource server (spring-boot-starter-oauth2-resource-server)',
    '@Configuration',
    'public class JwtConfig {',
    '    @Bean',
    '    SecurityFilterChain api(HttpSecurity http) throws Exception {',
    '        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())',
    '            .oauth2ResourceServer(oauth2 -> oauth2.jwt(Customizer.withDefaults()));',
    '        return http.build();',
    '    }',
    '',
    '    @Bean',
    '    JwtDecoder jwtDecoder() throws Exception {',
    ...body.map((line) => `        ${line}`),
    '    }',
    '}',
  ];
  return { id: 'java-spring', lang: 'java', title: t('snippets.titleSpring'), install: 'org.springframework.boot:spring-boot-starter-oauth2-resource-server', code: code.join('\n') + '\n' };
}

function javaJjwt(input: CheckedInput): Snippet {
  const { alg, key } = input;
  const lines = ['// jjwt 0.12: io.jsonwebtoken:jjwt-api, jjwt-impl, jjwt-jackson', `String token = ${tokenExpr(input, javaString, 'System.getenv("JWT")')};`];
  if (key.kind === 'public') lines.push(...javaPemLines(key.pem, key.kty, 'PublicKey'));
  else if (key.kind === 'jwks') lines.push(`String jwksUrl = ${javaString(key.url)};`, "// jjwt does not fetch keys: load the JWKS at jwksUrl and give the key for the token's kid here.", 'PublicKey publicKey = loadKeyFromJwks(jwksUrl, token);');
  else lines.push(`SecretKey publicKey = Keys.hmacShaKeyFor(${secretExpr(input, javaString, 'System.getenv("JWT_SECRET")')}.getBytes(StandardCharsets.UTF_8));`);
  const chain = ['Jws<Claims> jws = Jwts.parser()', '        .verifyWith(publicKey)'];
  if (input.issuer !== undefined) chain.push(`        .requireIssuer(${javaString(input.issuer)})`);
  const aud = audiences(input);
  if (aud.length > 0) chain.push(`        .requireAudience(${javaString(aud[0]!)})`);
  chain.push('        .build()', '        .parseSignedClaims(token);');
  lines.push(...chain, '// The key fixes the family; pin the exact algorithm as well.', `if (!${javaString(alg)}.equals(jws.getHeader().getAlgorithm())) throw new JwtException("unexpected alg");`, 'System.out.println("Token verified: " + jws.getPayload());');
  return { id: 'java-jjwt', lang: 'java', title: 'Java: jjwt', install: 'io.jsonwebtoken:jjwt-api:0.12.6', code: lines.join('\n') + '\n' };
}

// ---------------------------------------------------------------- Go

function goSnippet(input: CheckedInput): Snippet {
  const { alg, key } = input;
  const imports = ['"fmt"', '"log"', '"os"', '', '"github.com/golang-jwt/jwt/v5"'];
  const lines: string[] = [`\ttokenString := ${tokenExpr(input, goString, 'os.Getenv("JWT")')}`];
  let keyfunc = 'func(t *jwt.Token) (any, error) { return key, nil }';
  if (key.kind === 'jwks') {
    imports.push('"github.com/MicahParks/keyfunc/v3"');
    lines.push(`\tjwks, err := keyfunc.NewDefault([]string{${goString(key.url)}})`, '\tif err != nil {', '\t\tlog.Fatal(err)', '\t}');
    keyfunc = 'jwks.Keyfunc';
  } else if (key.kind === 'public') {
    const parser = key.kty === 'RSA' ? 'ParseRSAPublicKeyFromPEM' : key.kty === 'EC' ? 'ParseECPublicKeyFromPEM' : 'ParseEdPublicKeyFromPEM';
    lines.push(`\tkey, err := jwt.${parser}([]byte(${goString(key.pem)}))`, '\tif err != nil {', '\t\tlog.Fatal(err)', '\t}');
  } else {
    lines.push(`\tkey := []byte(${secretExpr(input, goString, 'os.Getenv("JWT_SECRET")')})`);
  }
  const options = [`jwt.WithValidMethods([]string{${goString(alg)}})`];
  if (input.issuer !== undefined) options.push(`jwt.WithIssuer(${goString(input.issuer)})`);
  const aud = audiences(input);
  if (aud.length > 0) options.push(`jwt.WithAudience(${goString(aud[0]!)})`);
  lines.push(`\ttoken, err := jwt.Parse(tokenString, ${keyfunc},`, ...options.map((option) => `\t\t${option},`), '\t)', '\tif err != nil {', '\t\tlog.Fatalf("token rejected: %v", err)', '\t}', '\tfmt.Println("Token verified:", token.Claims)');
  const code = ['// golang-jwt v5: go get github.com/golang-jwt/jwt/v5', 'package main', '', 'import (', ...imports.map((line) => (line ? `\t${line}` : '')), ')', '', 'func main() {', ...lines, '}'];
  return { id: 'go-golang-jwt', lang: 'go', title: 'Go: golang-jwt', install: 'go get github.com/golang-jwt/jwt/v5', code: code.join('\n') + '\n' };
}

// ---------------------------------------------------------------- C#

function csharpSnippet(input: CheckedInput): Snippet {
  const { alg, key } = input;
  const pre: string[] = [];
  let keyLine: string;
  if (key.kind === 'jwks') {
    pre.push(`var jwks = new JsonWebKeySet(await new HttpClient().GetStringAsync(${csharpString(key.url)}));`);
    keyLine = 'IssuerSigningKeys = jwks.GetSigningKeys(),';
  } else if (key.kind === 'public') {
    const type = key.kty === 'RSA' ? 'RSA' : 'ECDsa';
    pre.push(`var publicKey = ${type}.Create();`, `publicKey.ImportFromPem(${csharpString(key.pem)});`);
    if (key.kty === 'OKP') pre.push('// Microsoft.IdentityModel has no EdDSA: verify this token with another library.');
    keyLine = `IssuerSigningKey = new ${key.kty === 'RSA' ? 'RsaSecurityKey' : 'ECDsaSecurityKey'}(publicKey),`;
  } else {
    keyLine = `IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(${secretExpr(input, csharpString, 'builder.Configuration["Jwt:Secret"]!')})),`;
  }
  const aud = audiences(input);
  const code = [
    '// ASP.NET Core: dotnet add package Microsoft.AspNetCore.Authentication.JwtBearer',
    'var builder = WebApplication.CreateBuilder(args);',
    ...pre,
    'builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)',
    '    .AddJwtBearer(options =>',
    '    {',
    '        options.TokenValidationParameters = new TokenValidationParameters',
    '        {',
    `            ValidAlgorithms = new[] { ${csharpString(alg)} },`,
    `            ${keyLine}`,
    input.issuer !== undefined ? `            ValidateIssuer = true,\n            ValidIssuer = ${csharpString(input.issuer)},` : '            ValidateIssuer = false, // the token has no "iss"',
    aud.length > 0 ? `            ValidateAudience = true,\n            ValidAudiences = new[] { ${aud.map(csharpString).join(', ')} },` : '            ValidateAudience = false, // the token has no "aud"',
    '            ValidateLifetime = true,',
    '        };',
    '    });',
    'builder.Services.AddAuthorization();',
    'var app = builder.Build();',
    'app.UseAuthentication();',
    'app.UseAuthorization();',
    'app.MapGet("/protected", (ClaimsPrincipal user) => user.Claims.Select(c => new { c.Type, c.Value })).RequireAuthorization();',
    'app.Run();',
  ];
  return { id: 'csharp-jwtbearer', lang: 'csharp', title: 'C#: ASP.NET Core JwtBearer', install: 'dotnet add package Microsoft.AspNetCore.Authentication.JwtBearer', code: code.join('\n') + '\n' };
}

// ---------------------------------------------------------------- curl

function curlSnippet(input: CheckedInput): Snippet {
  // Single quotes: nothing inside them is expanded. A value a shell cannot carry is left out.
  const aud = audiences(input).find((value) => /^https?:\/\//.test(value) && shellCanCarry(value));
  const url = aud ?? 'https://api.example.com/resource';
  const inline = input.include && input.token ? input.token : undefined;
  const header = inline !== undefined && shellCanCarry(inline) ? shellSingleQuote(`Authorization: Bearer ${inline}`) : '"Authorization: Bearer $JWT"';
  const code = ['# Send the token as a bearer credential (RFC 6750 §2.1)'];
  if (inline !== undefined && !shellCanCarry(inline)) code.push('# The token holds a character no shell argument can (NUL or a lone surrogate): set JWT to it.');
  code.push(`curl --fail-with-body -H ${header} ${shellSingleQuote(url)}`);
  return { id: 'curl', lang: 'curl', title: 'curl: Authorization: Bearer', install: 'curl', code: code.join('\n') + '\n' };
}

export function generateSnippets(input: SnippetInput): SnippetSet {
  const { alg } = input;
  if (!isSnippetAlgorithm(alg)) return { ok: false, message: t('snippets.unsupportedAlg', { algs: SNIPPET_ALGORITHMS.join(', ') }) };
  const checked: CheckedInput = { ...input, alg };
  return { ok: true, snippets: [nodeJose, nodePassport, pythonPyJwt, pythonFlask, javaSpring, javaJjwt, goSnippet, csharpSnippet, curlSnippet].map((make) => make(checked)) };
}
