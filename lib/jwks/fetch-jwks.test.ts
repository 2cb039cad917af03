import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { discoverJwks, fetchJwks } from './fetch-jwks';
import { checkFetchUrl, discoveryUrls } from './urls';

const JWKS = { keys: [{ kty: 'EC', crv: 'P-256', kid: 'one', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }, { kty: 'oct', kid: 'two', k: 'AAAA' }] };

let server: Server;
let base: string;
const requests: { url: string; method: string; headers: IncomingHttpHeaders }[] = [];

function json(res: import('node:http').ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ url: path, method: req.method ?? '', headers: req.headers });
    switch (path) {
      case '/jwks.json':
        return json(res, 200, JWKS);
      case '/moved':
        res.writeHead(302, { location: '/jwks.json' });
        return res.end();
      case '/html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!DOCTYPE html><html><body>Sign in</body></html>');
      case '/no-keys':
        return json(res, 200, { kty: 'oct', k: 'AAAA' });
      case '/slow':
        return; // never answers
      // OpenID Connect form: issuer with a path, document appended.
      case '/.well-known/openid-configuration':
        return json(res, 200, { issuer: base, jwks_uri: `${base}/jwks.json` });
      case '/oidc-tenant/.well-known/openid-configuration':
        return json(res, 200, { issuer: `${base}/oidc-tenant`, jwks_uri: `${base}/jwks.json` });
      // RFC 8414 form: well-known inserted before the path.
      case '/.well-known/oauth-authorization-server/oauth-tenant':
        return json(res, 200, { issuer: `${base}/oauth-tenant`, jwks_uri: `${base}/jwks.json` });
      case '/evil/.well-known/openid-configuration':
        return json(res, 200, { issuer: 'https://accounts.example.com', jwks_uri: `${base}/jwks.json` });
      case '/no-jwks-uri/.well-known/openid-configuration':
        return json(res, 200, { issuer: `${base}/no-jwks-uri` });
      case '/bad-jwks/.well-known/openid-configuration':
        return json(res, 200, { issuer: `${base}/bad-jwks`, jwks_uri: 'http://keys.example.com/jwks.json' });
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetchJwks', () => {
  it('fetches a key set and returns it as pretty JSON, sending nothing but the URL', async () => {
    const before = requests.length;
    const result = await fetchJwks(`${base}/jwks.json`);
    expect(result).toEqual({
      ok: true,
      jwksText: JSON.stringify(JWKS, null, 2),
      keyCount: 2,
      fetched: [{ url: `${base}/jwks.json`, status: 200, ok: true }],
    });
    const request = requests[before];
    expect(request?.method).toBe('GET');
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers.referer).toBeUndefined();
  });

  it('follows a redirect and lists both URLs', async () => {
    const result = await fetchJwks(`${base}/moved`);
    expect(result.ok).toBe(true);
    expect(result.fetched.map((f) => f.url)).toEqual([`${base}/moved`, `${base}/jwks.json`]);
  });

  it('a 404 is one sentence with the status', async () => {
    const result = await fetchJwks(`${base}/missing`);
    expect(result).toEqual({
      ok: false,
      error: `${base}/missing answered HTTP 404 (Not Found).`,
      fetched: [{ url: `${base}/missing`, status: 404, ok: false }],
    });
  });

  it('HTML instead of JSON', async () => {
    const result = await fetchJwks(`${base}/html`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(`The response from ${base}/html is not JSON (it starts with "<!DOCTYPE html><html><body>Sig…").`);
  });

  it('JSON without a "keys" array', async () => {
    const result = await fetchJwks(`${base}/no-keys`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(`The JSON from ${base}/no-keys has no "keys" array, so it is not a JWKS (it looks like a single JWK).`);
  });

  it('a server that never answers times out', async () => {
    const started = Date.now();
    const result = await fetchJwks(`${base}/slow`, { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toEqual({ ok: false, error: `${base}/slow did not answer within 0.2 seconds.`, fetched: [{ url: `${base}/slow`, status: null, ok: false }] });
  });

  it('an unreachable host reads as blocked or unreachable (CORS)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await fetchJwks(`http://127.0.0.1:${port}/jwks.json`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^The browser blocked the request to .* or could not reach the host; the server may not allow cross-origin requests \(CORS\)/);
  });

  it('a fetch TypeError (how browsers report CORS refusals) gets the CORS sentence', async () => {
    const corsFailure = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await fetchJwks('https://login.example.com/jwks', { fetch: corsFailure });
    expect(corsFailure).toHaveBeenCalledOnce();
    expect(result).toEqual({
      ok: false,
      error: 'The browser blocked the request to https://login.example.com/jwks or could not reach the host; the server may not allow cross-origin requests (CORS), or it may be down.',
      fetched: [{ url: 'https://login.example.com/jwks', status: null, ok: false }],
    });
  });

  it('asks the browser for no credentials, no referrer and no cache', async () => {
    const spy = vi.fn<typeof fetch>(async () => new Response(JSON.stringify(JWKS), { status: 200 }));
    await fetchJwks('https://login.example.com/jwks', { fetch: spy });
    expect(spy.mock.calls[0]?.[1]).toMatchObject({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', redirect: 'follow' });
    expect(spy.mock.calls[0]?.[1]?.body).toBeUndefined();
  });

  it('refuses http:// to other hosts without making a request', async () => {
    const spy = vi.fn<typeof fetch>();
    const result = await fetchJwks('http://login.example.com/jwks', { fetch: spy });
    expect(spy).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      error: 'http://login.example.com/jwks is not HTTPS; keys fetched over plain HTTP could be swapped in transit, so only https:// (or http://localhost) is fetched.',
      fetched: [],
    });
    const other = await fetchJwks('ftp://example.com/jwks', { fetch: spy });
    expect(other.ok).toBe(false);
    expect((await fetchJwks('not a url', { fetch: spy })).ok).toBe(false);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('discoverJwks', () => {
  it('OpenID Connect discovery for an issuer without a path', async () => {
    const result = await discoverJwks(base);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.keyCount).toBe(2);
    expect(result.fetched).toEqual([
      { url: `${base}/.well-known/openid-configuration`, status: 200, ok: true },
      { url: `${base}/jwks.json`, status: 200, ok: true },
    ]);
  });

  it('OpenID Connect discovery appends the well-known path to an issuer with a path', async () => {
    const result = await discoverJwks(`${base}/oidc-tenant`);
    expect(result.ok).toBe(true);
    expect(result.fetched.map((f) => f.url)).toEqual([`${base}/oidc-tenant/.well-known/openid-configuration`, `${base}/jwks.json`]);
  });

  it('falls back to RFC 8414, inserting the well-known path before the issuer path', async () => {
    const result = await discoverJwks(`${base}/oauth-tenant`);
    expect(result.ok).toBe(true);
    expect(result.fetched).toEqual([
      { url: `${base}/oauth-tenant/.well-known/openid-configuration`, status: 404, ok: false },
      { url: `${base}/.well-known/oauth-authorization-server/oauth-tenant`, status: 200, ok: true },
      { url: `${base}/jwks.json`, status: 200, ok: true },
    ]);
  });

  it('refuses a document that names another issuer', async () => {
    const result = await discoverJwks(`${base}/evil`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(
        `The discovery document at ${base}/evil/.well-known/openid-configuration names the issuer "https://accounts.example.com", not "${base}/evil", so its keys cannot be trusted for this token.`,
      );
    }
    expect(result.fetched).toHaveLength(1);
  });

  it('a document without jwks_uri', async () => {
    const result = await discoverJwks(`${base}/no-jwks-uri`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/has no "jwks_uri"/);
  });

  it('a jwks_uri that is not HTTPS is refused unfetched', async () => {
    const result = await discoverJwks(`${base}/bad-jwks`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^http:\/\/keys\.example\.com\/jwks\.json is not HTTPS/);
    expect(result.fetched).toHaveLength(1);
  });

  it('no document at either place', async () => {
    const result = await discoverJwks(`${base}/nowhere`);
    expect(result).toEqual({
      ok: false,
      error: `No discovery document was found for ${base}/nowhere: ${base}/nowhere/.well-known/openid-configuration (HTTP 404) and ${base}/.well-known/oauth-authorization-server/nowhere (HTTP 404).`,
      fetched: [
        { url: `${base}/nowhere/.well-known/openid-configuration`, status: 404, ok: false },
        { url: `${base}/.well-known/oauth-authorization-server/nowhere`, status: 404, ok: false },
      ],
    });
  });

  it('a timeout stops discovery at once', async () => {
    const hang = vi.fn<typeof fetch>((_input, init) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }));
    const result = await discoverJwks('https://slow.example.com', { fetch: hang, timeoutMs: 50 });
    expect(hang).toHaveBeenCalledOnce();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('https://slow.example.com/.well-known/openid-configuration did not answer within 0.05 seconds.');
  });

  it('refuses an http issuer that is not local, without a request', async () => {
    const spy = vi.fn<typeof fetch>();
    const result = await discoverJwks('http://accounts.example.com', { fetch: spy });
    expect(spy).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/is not HTTPS/);
  });
});

describe('URL rules', () => {
  it('allows https, and http only for this machine unless asked', () => {
    expect(checkFetchUrl('https://example.com/jwks').ok).toBe(true);
    expect(checkFetchUrl('http://localhost:3000/jwks').ok).toBe(true);
    expect(checkFetchUrl('http://127.0.0.1/jwks').ok).toBe(true);
    expect(checkFetchUrl('http://[::1]:8080/jwks').ok).toBe(true);
    expect(checkFetchUrl('http://localhost.example.com/jwks').ok).toBe(false);
    expect(checkFetchUrl('http://example.com/jwks').ok).toBe(false);
    expect(checkFetchUrl('http://example.com/jwks', true).ok).toBe(true);
    expect(checkFetchUrl('javascript:alert(1)').ok).toBe(false);
  });

  it('builds both well-known forms', () => {
    expect(discoveryUrls(new URL('https://id.example.com'))).toEqual([
      'https://id.example.com/.well-known/openid-configuration',
      'https://id.example.com/.well-known/oauth-authorization-server',
    ]);
    expect(discoveryUrls(new URL('https://id.example.com/tenant/v2/'))).toEqual([
      'https://id.example.com/tenant/v2/.well-known/openid-configuration',
      'https://id.example.com/.well-known/oauth-authorization-server/tenant/v2',
    ]);
  });
});
