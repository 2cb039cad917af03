// @vitest-environment node
// Discovery against a small HTTP server that serves chosen documents, and against a
// fetch that rejects the way a browser's does when CORS refuses the answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, discoveryUrls } from './discovery';

/** Path → [status, body]; anything else is a 404. */
let routes: Record<string, [number, string]> = {};
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const [status, body] = routes[request.url ?? ''] ?? [404, 'not found'];
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const document = (issuer: string, more: Record<string, unknown> = {}) =>
  JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, ...more });

describe('discovery', () => {
  it('the two well-known locations: OpenID appends, RFC 8414 inserts before the path', () => {
    expect(discoveryUrls('https://op.example/tenant/a')).toEqual([
      'https://op.example/tenant/a/.well-known/openid-configuration',
      'https://op.example/.well-known/oauth-authorization-server/tenant/a',
    ]);
    expect(discoveryUrls('https://op.example/')).toEqual(['https://op.example/.well-known/openid-configuration', 'https://op.example/.well-known/oauth-authorization-server']);
  });

  it('returns the metadata when the issuer matches', async () => {
    const issuer = `${origin}/ok`;
    routes = { '/ok/.well-known/openid-configuration': [200, document(issuer)] };
    expect(await discover(issuer)).toEqual({ ok: true, url: `${issuer}/.well-known/openid-configuration`, metadata: JSON.parse(document(issuer)) });
  });

  it('falls back to the RFC 8414 location when the OpenID one is missing', async () => {
    const issuer = `${origin}/as`;
    routes = { '/.well-known/oauth-authorization-server/as': [200, document(issuer)] };
    expect(await discover(issuer)).toMatchObject({ ok: true, url: `${origin}/.well-known/oauth-authorization-server/as` });
  });

  it('an issuer that differs by a trailing slash is refused, with both values', async () => {
    const issuer = `${origin}/slash`;
    routes = { '/slash/.well-known/openid-configuration': [200, document(`${issuer}/`)] };
    expect(await discover(issuer)).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'issuer-mismatch', expected: issuer, actual: `${issuer}/`, url: `${issuer}/.well-known/openid-configuration` }),
    });
  });

  it('an HTTP error at both locations is reported with the OpenID one', async () => {
    routes = { '/gone/.well-known/openid-configuration': [500, 'oops'] };
    expect(await discover(`${origin}/gone`)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'http', status: 500, url: `${origin}/gone/.well-known/openid-configuration` }) });
  });

  it('a body that is not a JSON object is a json error', async () => {
    routes = { '/html/.well-known/openid-configuration': [200, '<html>login</html>'] };
    expect(await discover(`${origin}/html`)).toMatchObject({ ok: false, error: { kind: 'json' } });
    routes = { '/array/.well-known/openid-configuration': [200, '[]'] };
    expect(await discover(`${origin}/array`)).toMatchObject({ ok: false, error: { kind: 'json' } });
  });

  it('an endpoint that is not a URL, or a list that is not of strings, is located by member', async () => {
    const issuer = `${origin}/bad`;
    routes = { '/bad/.well-known/openid-configuration': [200, document(issuer, { token_endpoint: 42 })] };
    expect(await discover(issuer)).toMatchObject({ ok: false, error: { kind: 'metadata', member: 'token_endpoint' } });
    routes = { '/bad/.well-known/openid-configuration': [200, document(issuer, { code_challenge_methods_supported: 'S256' })] };
    expect(await discover(issuer)).toMatchObject({ ok: false, error: { kind: 'metadata', member: 'code_challenge_methods_supported' } });
  });

  it('a fetch that rejects with a TypeError (how a browser reports CORS) is "blocked", and no fallback is tried', async () => {
    const asked: string[] = [];
    const corsFailure = async (input: RequestInfo | URL) => {
      asked.push(String(input));
      throw new TypeError('Failed to fetch');
    };
    const result = await discover('https://op.example', { fetch: corsFailure as typeof fetch });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'blocked', url: 'https://op.example/.well-known/openid-configuration' }) });
    expect(asked).toEqual(['https://op.example/.well-known/openid-configuration']);
  });

  it('an issuer that is not an https URL (http only on loopback) is refused before any request', async () => {
    const never = (async () => {
      throw new Error('no request expected');
    }) as typeof fetch;
    for (const issuer of ['op.example', 'http://op.example', 'https://op.example?x=1', 'https://op.example#a']) {
      expect(await discover(issuer, { fetch: never })).toMatchObject({ ok: false, error: { kind: 'issuer' } });
    }
  });
});
