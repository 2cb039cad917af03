import { describe, expect, it } from 'vitest';
import type { ProviderMetadata } from './discovery';
import { send, type Exchange, type HttpRequest } from './http';
import { call, codeExchangeRequest, refreshRequest, revocationRequest, tokenResult, userinfoRequest } from './token';

const metadata: ProviderMetadata = { issuer: 'https://op.example', token_endpoint: 'https://op.example/token', userinfo_endpoint: 'https://op.example/me' };
const request: HttpRequest = { method: 'POST', url: 'https://op.example/token', headers: {}, body: '' };
const answer = (status: number, body: string): Exchange => ({ blocked: false, request, response: { status, headers: {}, body } });

describe('token requests', () => {
  it('the code exchange of a public client: client_id and code_verifier in the form, no secret', () => {
    const built = codeExchangeRequest(metadata, { clientId: 'app', code: 'c&1', redirectUri: 'https://app.example/cb', codeVerifier: 'v~1' });
    if (!built.ok) throw new Error(built.message);
    expect(built.request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(built.request.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'c&1',
      redirect_uri: 'https://app.example/cb',
      code_verifier: 'v~1',
      client_id: 'app',
    });
  });

  it('refresh, userinfo, and a missing endpoint', () => {
    const refresh = refreshRequest(metadata, { clientId: 'app', refreshToken: 'r' });
    expect(refresh.ok && Object.fromEntries(new URLSearchParams(refresh.request.body))).toEqual({ grant_type: 'refresh_token', refresh_token: 'r', client_id: 'app' });
    expect(userinfoRequest(metadata, 'at', 'DPoP')).toMatchObject({ ok: true, request: { method: 'GET', headers: { authorization: 'DPoP at' } } });
    expect(revocationRequest(metadata, { clientId: 'app', token: 't' })).toEqual({ ok: false, message: 'The provider advertises no revocation_endpoint' });
  });

  it('a fetch that rejects (no response, as with CORS) is { blocked: true }, with the request kept for the log', async () => {
    const rejecting = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const exchange = await send(request, { fetch: rejecting });
    expect(exchange).toEqual({ blocked: true, request, message: 'Failed to fetch' });
    const sent = await call(request, { fetch: rejecting });
    expect(sent.log).toEqual([exchange]);
    expect(tokenResult(exchange)).toMatchObject({ ok: false, error: { kind: 'blocked' } });
  });

  it('the answer is classified: tokens, an OAuth error, an HTTP error, not JSON', () => {
    expect(tokenResult(answer(200, '{"access_token":"a","token_type":"Bearer","refresh_token":"r"}'))).toEqual({
      ok: true,
      tokens: { access_token: 'a', token_type: 'Bearer', refresh_token: 'r' },
    });
    expect(tokenResult(answer(400, '{"error":"invalid_grant","error_description":"PKCE verification failed"}'))).toEqual({
      ok: false,
      error: { kind: 'oauth', status: 400, error: 'invalid_grant', description: 'PKCE verification failed', message: 'invalid_grant: PKCE verification failed' },
    });
    expect(tokenResult(answer(502, '<html>bad gateway</html>'))).toMatchObject({ ok: false, error: { kind: 'http', status: 502 } });
    expect(tokenResult(answer(200, 'not json'))).toMatchObject({ ok: false, error: { kind: 'json' } });
    expect(tokenResult(answer(200, '{"token_type":"Bearer"}'))).toMatchObject({ ok: false, error: { kind: 'json' } });
  });
});
