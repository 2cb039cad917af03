// @vitest-environment node
// The flow against a real OpenID provider (oidc-provider) on loopback: discovery,
// PKCE, the interactive login, the code exchange, userinfo, refresh, revocation,
// DPoP with a server nonce, PAR, and the curl command run with the real curl.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDpopProof } from '@/lib/dpop/check';
import { bareEnv, runCurlSnippet } from '@/lib/snippets/testing/runners';
import { buildAuthorizationUrl, buildParRequest, parAuthorizationUrl, parseRedirect, type AuthorizationParams } from './authorize';
import { codeExchangeCurl, introspectionCurl, refreshCurl, revocationCurl, type CurlResult } from './curl';
import { discover, type ProviderMetadata } from './discovery';
import { generateDpopKey, type DpopKey } from './dpop';
import { jsonObjectOf, send, type Exchange } from './http';
import { codeChallengeS256, createCodeVerifier, createNonce, createState } from './pkce';
import { call, codeExchangeRequest, refreshRequest, revocationRequest, tokenResult, userinfoRequest, type TokenSet } from './token';
import { walkLogin } from './testing/browser';
import { PUBLIC_CLIENT, RESOURCE_SERVER, RESOURCE_SERVER_SECRET, startProvider, type RunningProvider } from './testing/provider';

const run = promisify(execFile);
const CURL = '/usr/bin/curl';

let op: RunningProvider;
let metadata: ProviderMetadata;

beforeAll(async () => {
  op = await startProvider();
  const found = await discover(op.issuer);
  if (!found.ok) throw new Error(found.error.message);
  metadata = found.metadata;
});
afterAll(() => op.close());

interface Authorized {
  code: string;
  verifier: string;
  nonce: string;
  iss?: string;
  prompts: string[];
}

/** Builds the authorization URL with PKCE, logs in and consents, and reads the redirect back. */
async function authorize(extra: Partial<AuthorizationParams> = {}, usePar = false): Promise<Authorized> {
  const verifier = createCodeVerifier();
  const state = createState();
  const nonce = createNonce();
  const params: AuthorizationParams = {
    clientId: PUBLIC_CLIENT,
    redirectUri: op.redirectUri,
    scope: 'openid offline_access',
    state,
    nonce,
    codeChallenge: await codeChallengeS256(verifier),
    prompt: 'consent',
    ...extra,
  };
  let url: string;
  if (usePar) {
    const par = buildParRequest(metadata, params);
    if (!par.ok) throw new Error(par.error.message);
    const pushed = parAuthorizationUrl(metadata, PUBLIC_CLIENT, await send(par.request));
    if (!pushed.ok) throw new Error(pushed.error.message);
    url = pushed.url;
  } else {
    const built = buildAuthorizationUrl(metadata, params);
    if (!built.ok) throw new Error(built.error.message);
    url = built.url;
  }
  const walk = await walkLogin(url, op.redirectUri);
  const answer = parseRedirect(walk.redirect, { state, issuer: op.issuer, responseMode: params.responseMode, issRequired: metadata.authorization_response_iss_parameter_supported });
  if (!answer.ok) throw new Error(answer.error.message);
  return { code: answer.code, verifier, nonce, prompts: walk.prompts, ...(answer.iss !== undefined && { iss: answer.iss }) };
}

function tokensOf(exchange: Exchange): TokenSet {
  const result = tokenResult(exchange);
  if (!result.ok) throw new Error(result.error.message);
  return result.tokens;
}

/** What the provider says about a token, asked as the resource server. */
async function introspect(token: string): Promise<Record<string, unknown>> {
  const body = new URLSearchParams({ token, client_id: RESOURCE_SERVER, client_secret: RESOURCE_SERVER_SECRET });
  const exchange = await send({ method: 'POST', url: metadata.introspection_endpoint!, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  if (exchange.blocked) throw new Error(exchange.message);
  return jsonObjectOf(exchange.response.body)!;
}

describe('the flow against a real OpenID provider', () => {
  it('discovers the provider: the issuer matches and the endpoints are there', () => {
    expect(metadata.issuer).toBe(op.issuer);
    expect(metadata.token_endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(metadata.code_challenge_methods_supported).toContain('S256');
    expect(metadata.dpop_signing_alg_values_supported).toContain('ES256');
    // The provider promises iss in every authorization response, so the redirect parser insists on it below.
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
  });

  it('code with PKCE in the fragment; a wrong verifier is refused; tokens, userinfo, refresh and revocation work', async () => {
    const { code, verifier, nonce, iss, prompts } = await authorize();
    expect(prompts).toEqual(['login', 'consent']);
    expect(iss).toBe(op.issuer);

    // PKCE: the code with another verifier is refused; the same code with its own verifier is then accepted,
    // so the verifier alone made the difference.
    const wrong = codeExchangeRequest(metadata, { clientId: PUBLIC_CLIENT, code, redirectUri: op.redirectUri, codeVerifier: createCodeVerifier() });
    if (!wrong.ok) throw new Error(wrong.message);
    const refused = tokenResult((await call(wrong.request)).final);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'oauth', status: 400, error: 'invalid_grant' } });

    const exchange = codeExchangeRequest(metadata, { clientId: PUBLIC_CLIENT, code, redirectUri: op.redirectUri, codeVerifier: verifier });
    if (!exchange.ok) throw new Error(exchange.message);
    const { final, log } = await call(exchange.request);
    expect(log).toHaveLength(1);
    expect(final.blocked).toBe(false);
    if (!final.blocked) {
      expect(new URLSearchParams(final.request.body).get('code_verifier')).toBe(verifier);
      expect(final.response.status).toBe(200);
    }
    const tokens = tokensOf(final);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.id_token).toEqual(expect.any(String));

    // The ID token verifies against the provider's published keys.
    const { payload } = await jwtVerify(tokens.id_token!, createRemoteJWKSet(new URL(metadata.jwks_uri!)), { issuer: op.issuer, audience: PUBLIC_CLIENT });
    expect(payload.nonce).toBe(nonce);
    expect(decodeProtectedHeader(tokens.id_token!).alg).toBe('RS256');

    const userinfo = userinfoRequest(metadata, tokens.access_token);
    if (!userinfo.ok) throw new Error(userinfo.message);
    const info = (await call(userinfo.request)).final;
    expect(info.blocked).toBe(false);
    if (!info.blocked) {
      expect(info.response.status).toBe(200);
      expect(jsonObjectOf(info.response.body)?.sub).toBe(payload.sub);
    }

    const refresh = refreshRequest(metadata, { clientId: PUBLIC_CLIENT, refreshToken: tokens.refresh_token! });
    if (!refresh.ok) throw new Error(refresh.message);
    const refreshed = tokensOf((await call(refresh.request)).final);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    const current = refreshed.refresh_token ?? tokens.refresh_token!;

    const revoke = revocationRequest(metadata, { clientId: PUBLIC_CLIENT, token: current, tokenTypeHint: 'refresh_token' });
    if (!revoke.ok) throw new Error(revoke.message);
    const revoked = (await call(revoke.request)).final;
    expect(!revoked.blocked && revoked.response.status).toBe(200);
    // Once revoked, the refresh token no longer works.
    const afterRevoke = refreshRequest(metadata, { clientId: PUBLIC_CLIENT, refreshToken: current });
    if (!afterRevoke.ok) throw new Error(afterRevoke.message);
    expect(tokenResult((await call(afterRevoke.request)).final)).toMatchObject({ ok: false, error: { error: 'invalid_grant' } });
  });

  it('the code in the query when response_mode=query', async () => {
    const { code } = await authorize({ responseMode: 'query' });
    expect(code).toEqual(expect.any(String));
  });

  it('DPoP: the token is bound to the key (cnf.jkt), the nonce the provider demands is retried with, and userinfo and refresh take DPoP', async () => {
    const key: DpopKey = await generateDpopKey();
    const { code, verifier } = await authorize({ extra: { dpop_jkt: key.thumbprint } });
    const exchange = codeExchangeRequest(metadata, { clientId: PUBLIC_CLIENT, code, redirectUri: op.redirectUri, codeVerifier: verifier });
    if (!exchange.ok) throw new Error(exchange.message);
    const sent = await call(exchange.request, { dpop: key });
    // The provider demands a nonce: the first answer asks for it, the retry carries it.
    expect(sent.log).toHaveLength(2);
    const [first, second] = sent.log as [Exchange, Exchange];
    expect(!first.blocked && first.response.status).toBe(400);
    expect(!first.blocked && jsonObjectOf(first.response.body)?.error).toBe('use_dpop_nonce');
    expect(sent.dpopNonce).toEqual(expect.any(String));
    // The retry's proof is valid for the request it went with, carries the nonce, and names the key.
    const proof = second.request.headers.dpop!;
    const checked = await checkDpopProof(proof, { now: Math.floor(Date.now() / 1000), method: 'POST', url: metadata.token_endpoint! });
    expect(checked).toMatchObject({ ok: true, state: 'valid', thumbprint: key.thumbprint });
    const tokens = tokensOf(sent.final);
    expect(tokens.token_type).toBe('DPoP');

    const about = await introspect(tokens.access_token);
    expect(about.active).toBe(true);
    expect(about.cnf).toEqual({ jkt: key.thumbprint });

    const userinfo = userinfoRequest(metadata, tokens.access_token, 'DPoP');
    if (!userinfo.ok) throw new Error(userinfo.message);
    const info = await call(userinfo.request, { dpop: key, dpopNonce: sent.dpopNonce });
    expect(!info.final.blocked && info.final.response.status).toBe(200);
    // The proof sent to the resource carries ath, the hash of the access token.
    const resourceProof = info.final.request.headers.dpop!;
    const checkedResource = await checkDpopProof(resourceProof, { now: Math.floor(Date.now() / 1000), method: 'GET', url: metadata.userinfo_endpoint!, accessToken: tokens.access_token });
    expect(checkedResource).toMatchObject({ ok: true, state: 'valid' });

    // A bearer use of the DPoP-bound token is refused.
    const bearer = userinfoRequest(metadata, tokens.access_token, 'Bearer');
    if (!bearer.ok) throw new Error(bearer.message);
    const refusedBearer = (await call(bearer.request)).final;
    expect(!refusedBearer.blocked && refusedBearer.response.status).toBe(401);

    const refresh = refreshRequest(metadata, { clientId: PUBLIC_CLIENT, refreshToken: tokens.refresh_token! });
    if (!refresh.ok) throw new Error(refresh.message);
    const refreshed = tokensOf((await call(refresh.request, { dpop: key, dpopNonce: info.dpopNonce })).final);
    expect((await introspect(refreshed.access_token)).cnf).toEqual({ jkt: key.thumbprint });
    // The refresh token is bound too: another key cannot use it.
    const other = await generateDpopKey();
    const stolen = refreshRequest(metadata, { clientId: PUBLIC_CLIENT, refreshToken: refreshed.refresh_token ?? tokens.refresh_token! });
    if (!stolen.ok) throw new Error(stolen.message);
    expect(tokenResult((await call(stolen.request, { dpop: other, dpopNonce: info.dpopNonce })).final)).toMatchObject({ ok: false, error: { kind: 'oauth' } });
  });

  it('a pushed authorization request (PAR) gives a request_uri the login accepts', async () => {
    expect(metadata.pushed_authorization_request_endpoint).toEqual(expect.any(String));
    const { code, verifier } = await authorize({}, true);
    const exchange = codeExchangeRequest(metadata, { clientId: PUBLIC_CLIENT, code, redirectUri: op.redirectUri, codeVerifier: verifier });
    if (!exchange.ok) throw new Error(exchange.message);
    expect(tokensOf((await call(exchange.request)).final).access_token).toEqual(expect.any(String));
  });

  it('the curl commands, run with the real curl: the code exchange and refresh return tokens, revocation works, introspection reads the secret from $CLIENT_SECRET', async () => {
    const { code, verifier } = await authorize();
    const exchange = codeExchangeCurl(metadata.token_endpoint!, { clientId: PUBLIC_CLIENT, code, redirectUri: op.redirectUri, codeVerifier: verifier });
    const tokens = jsonObjectOf(await runCurl(exchange, {}));
    expect(tokens).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String), id_token: expect.any(String) });

    const introspection = introspectionCurl(metadata.introspection_endpoint!, { clientId: RESOURCE_SERVER, token: tokens!.access_token as string });
    expect(introspection.ok && introspection.command).not.toContain(RESOURCE_SERVER_SECRET);
    expect(jsonObjectOf(await runCurl(introspection, { CLIENT_SECRET: RESOURCE_SERVER_SECRET }))).toMatchObject({ active: true, client_id: PUBLIC_CLIENT });
    // Without the variable, the provider refuses: the secret really comes from it.
    expect(jsonObjectOf(await runCurl(introspection, {}))).toMatchObject({ error: 'invalid_client' });

    const refreshed = jsonObjectOf(await runCurl(refreshCurl(metadata.token_endpoint!, { clientId: PUBLIC_CLIENT, refreshToken: tokens!.refresh_token as string }), {}));
    expect(refreshed).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
    const current = (refreshed!.refresh_token ?? tokens!.refresh_token) as string;

    await runCurl(revocationCurl(metadata.revocation_endpoint!, { clientId: PUBLIC_CLIENT, token: current, tokenTypeHint: 'refresh_token' }), {});
    const afterRevoke = jsonObjectOf(await runCurl(refreshCurl(metadata.token_endpoint!, { clientId: PUBLIC_CLIENT, refreshToken: current }), {}));
    expect(afterRevoke).toMatchObject({ error: 'invalid_grant' });
  });
});

/**
 * Runs a curl command with bash and Debian's curl. Where there is no curl, the
 * arguments the command gives curl (recorded by a stand-in) are carried out with fetch.
 */
async function runCurl(result: CurlResult, env: Record<string, string>): Promise<string> {
  if (!result.ok) throw new Error(result.message);
  if (existsSync(CURL)) {
    const { stdout } = await run('bash', ['--noprofile', '--norc', '-c', result.command], { env: bareEnv({ PATH: '/usr/bin:/bin', ...env }), timeout: 10_000 });
    return stdout;
  }
  const root = await mkdtemp(path.join(tmpdir(), 'oauth-curl-'));
  try {
    const { argv } = await runCurlSnippet(root, result.command, env);
    if (!argv) throw new Error('The command did not call curl');
    let url = '';
    const form = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (let i = 0; i < argv.length; i++) {
      const next = () => argv[++i]!;
      if (argv[i] === '--url') url = next();
      else if (argv[i] === '--data-urlencode') {
        const field = next();
        const at = field.indexOf('=');
        form.append(field.slice(0, at), field.slice(at + 1));
      } else if (argv[i] === '--header') {
        const header = next();
        const at = header.indexOf(': ');
        headers[header.slice(0, at)] = header.slice(at + 2);
      } else if (argv[i] === '--request') next();
    }
    return await (await fetch(url, { method: 'POST', headers, body: form })).text();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
