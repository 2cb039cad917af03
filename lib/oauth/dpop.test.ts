import { calculateJwkThumbprint, decodeProtectedHeader, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkDpopProof } from '@/lib/dpop/check';
import { createDpopProof, dpopNonceDemand, generateDpopKey, htuOf, sendWithDpop } from './dpop';
import type { Exchange, HttpRequest } from './http';

const request: HttpRequest = { method: 'POST', url: 'https://op.example/token?x=1#f', headers: {}, body: 'a=b' };
const now = () => Math.floor(Date.now() / 1000);

describe('DPoP proofs', () => {
  it('the private key cannot be read; the thumbprint is the public key\'s RFC 7638 one', async () => {
    const key = await generateDpopKey();
    expect(key.privateKey.extractable).toBe(false);
    await expect(exportJWK(key.privateKey)).rejects.toThrow();
    expect(key.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String) });
    expect(key.thumbprint).toBe(await calculateJwkThumbprint(key.publicJwk));
  });

  it('a proof passes the DPoP checker for its request; htu drops query and fragment; a fresh jti each time', async () => {
    const key = await generateDpopKey();
    const proof = await createDpopProof(key, { method: 'POST', url: request.url });
    expect(htuOf(request.url)).toBe('https://op.example/token');
    expect(decodeProtectedHeader(proof)).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk });
    expect(await checkDpopProof(proof, { now: now(), method: 'POST', url: request.url })).toMatchObject({ ok: true, state: 'valid', thumbprint: key.thumbprint });
    // Another method or URL fails the same checker.
    expect(await checkDpopProof(proof, { now: now(), method: 'GET', url: request.url })).toMatchObject({ ok: true, state: 'invalid' });
    const second = await createDpopProof(key, { method: 'POST', url: request.url });
    const jti = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).jti as string;
    expect(jti(second)).not.toBe(jti(proof));
  });

  it('with an access token, the proof carries its hash (ath) and the checker accepts it for that token only', async () => {
    const key = await generateDpopKey();
    const proof = await createDpopProof(key, { method: 'GET', url: 'https://rs.example/me', accessToken: 'token-1' });
    expect(await checkDpopProof(proof, { now: now(), method: 'GET', url: 'https://rs.example/me', accessToken: 'token-1' })).toMatchObject({ state: 'valid' });
    expect(await checkDpopProof(proof, { now: now(), method: 'GET', url: 'https://rs.example/me', accessToken: 'token-2' })).toMatchObject({ state: 'invalid' });
  });
});

describe('the nonce a server asks for', () => {
  const exchange = (status: number, headers: Record<string, string>, body = ''): Exchange => ({ blocked: false, request, response: { status, headers, body } });

  it('from a token endpoint (400 use_dpop_nonce) and a resource (401 WWW-Authenticate); not from other answers', () => {
    expect(dpopNonceDemand(exchange(400, { 'dpop-nonce': 'n1' }, '{"error":"use_dpop_nonce"}'))).toBe('n1');
    expect(dpopNonceDemand(exchange(401, { 'dpop-nonce': 'n2', 'www-authenticate': 'DPoP error="use_dpop_nonce", error_description="nonce"' }))).toBe('n2');
    expect(dpopNonceDemand(exchange(400, { 'dpop-nonce': 'n1' }, '{"error":"invalid_grant"}'))).toBeNull();
    expect(dpopNonceDemand(exchange(400, {}, '{"error":"use_dpop_nonce"}'))).toBeNull();
    expect(dpopNonceDemand(exchange(200, { 'dpop-nonce': 'n3' }))).toBeNull();
  });

  it('is sent once more with the nonce; a second refusal is not retried again', async () => {
    const key = await generateDpopKey();
    const seen: (string | undefined)[] = [];
    const server = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const proof = (init?.headers as Record<string, string>).dpop!;
      seen.push(JSON.parse(Buffer.from(proof.split('.')[1]!, 'base64url').toString()).nonce);
      return new Response('{"error":"use_dpop_nonce"}', { status: 400, headers: { 'DPoP-Nonce': 'server-nonce' } });
    }) as typeof fetch;
    const sent = await sendWithDpop(request, key, { fetch: server });
    expect(seen).toEqual([undefined, 'server-nonce']);
    expect(sent.log).toHaveLength(2);
    expect(sent.nonce).toBe('server-nonce');
  });
});
