import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheUrl, serviceWorkerSource, writeServiceWorker } from './service-worker.mjs';

const SCOPE = 'https://tools.example/tools/jwt/';

/** Runs the generated worker against in-memory caches and a network that can be switched off. */
function runWorker(source, { online = true } = {}) {
  const listeners = {};
  const stores = new Map();
  const network = [];
  const key = (request) => (typeof request === 'string' ? request : request.url);
  const openCache = (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name);
    return {
      addAll: async (requests) => requests.forEach((request) => store.set(key(request), new Response(`copy of ${key(request)}`))),
      match: async (request, options = {}) => {
        const wanted = new URL(key(request));
        for (const [url, response] of store) {
          const candidate = new URL(url);
          if (options.ignoreSearch ? candidate.origin + candidate.pathname === wanted.origin + wanted.pathname : url === wanted.href) return response.clone();
        }
        return undefined;
      },
      put: async () => {
        throw new Error('the worker must never write to its cache at run time');
      },
      keys: async () => [...store.keys()],
    };
  };
  const self = {
    registration: { scope: SCOPE },
    location: new URL(SCOPE + 'sw.js'),
    clients: { claim: async () => undefined },
    skipWaiting: async () => undefined,
    addEventListener: (type, listener) => (listeners[type] = listener),
  };
  const caches = {
    open: async (name) => openCache(name),
    keys: async () => [...stores.keys()],
    delete: async (name) => stores.delete(name),
  };
  const fetch = async (request) => {
    network.push(key(request));
    if (!online) throw new TypeError('offline');
    return new Response(`network ${key(request)}`);
  };
  class FakeRequest {
    constructor(url, init = {}) {
      this.url = new URL(url).href;
      this.method = init.method ?? 'GET';
      this.mode = init.mode ?? 'cors';
    }
  }
  new Function('self', 'caches', 'fetch', 'Request', 'Response', source)(self, caches, fetch, FakeRequest, Response);

  return {
    stores,
    network,
    setOnline: (value) => (online = value),
    install: async () => {
      let done;
      listeners.install({ waitUntil: (promise) => (done = promise) });
      await done;
      listeners.activate({ waitUntil: (promise) => (done = promise) });
      await done;
    },
    fetchRaw: (request, respondWith) => listeners.fetch({ request, respondWith }),
    /** What the worker answers, or null when it lets the browser handle the request. */
    request: async (url, init) => {
      let answer = null;
      listeners.fetch({ request: new FakeRequest(url, init), respondWith: (promise) => (answer = promise) });
      if (answer === null) return null;
      return (await answer).text();
    },
  };
}

describe('the offline service worker', () => {
  const urls = ['./', 'privacy/', '_next/static/chunks/app.js', '_next/static/media/codicon.ttf'];
  const source = serviceWorkerSource({ version: 'v1', urls });

  it('precaches every listed file under its scope on install', async () => {
    const worker = runWorker(source);
    await worker.install();
    const [cached] = [...worker.stores.values()];
    expect([...cached.keys()]).toEqual([SCOPE, SCOPE + 'privacy/', SCOPE + '_next/static/chunks/app.js', SCOPE + '_next/static/media/codicon.ttf']);
  });

  it('opens pages from the cache when offline, whatever query string the address had', async () => {
    const worker = runWorker(source);
    await worker.install();
    worker.setOnline(false);
    expect(await worker.request(SCOPE + '?token=eyJhbGciOi.x.y', { mode: 'navigate' })).toBe(`copy of ${SCOPE}`);
    expect(await worker.request(SCOPE + 'privacy', { mode: 'navigate' })).toBe(`copy of ${SCOPE}privacy/`);
    expect(await worker.request(SCOPE + '_next/static/chunks/app.js?v=1')).toBe(`copy of ${SCOPE}_next/static/chunks/app.js`);
  });

  it('asks the network first for pages when online, and serves build files from the cache', async () => {
    const worker = runWorker(source);
    await worker.install();
    expect(await worker.request(SCOPE, { mode: 'navigate' })).toBe(`network ${SCOPE}`);
    worker.network.length = 0;
    expect(await worker.request(SCOPE + '_next/static/chunks/app.js')).toBe(`copy of ${SCOPE}_next/static/chunks/app.js`);
    expect(worker.network).toEqual([]);
  });

  it('keeps the requested URL (and its query) when it answers from a copy cached without one', async () => {
    const worker = runWorker(source);
    await worker.install();
    let answered = null;
    const request = { url: SCOPE + '_next/static/chunks/app.js?params=%5B%5D', method: 'GET', mode: 'same-origin' };
    worker.fetchRaw(request, (response) => (answered = response));
    const response = await answered;
    // A synthetic Response has no URL, so a worker started from it sees the URL it was asked for.
    expect(response.url).toBe('');
    expect(await response.text()).toBe(`copy of ${SCOPE}_next/static/chunks/app.js`);
  });

  it('leaves other origins, other paths and anything but GET to the browser', async () => {
    const worker = runWorker(source);
    await worker.install();
    expect(await worker.request('https://idp.example/.well-known/jwks.json')).toBeNull();
    expect(await worker.request('https://tools.example/elsewhere/')).toBeNull();
    expect(await worker.request(SCOPE + 'api', { method: 'POST' })).toBeNull();
  });

  it('drops the caches of older builds when a new one activates', async () => {
    const worker = runWorker(serviceWorkerSource({ version: 'old', urls }));
    await worker.install();
    const newer = serviceWorkerSource({ version: 'new', urls });
    // The same origin's cache storage, seen by the next build's worker.
    const next = runWorker(newer);
    for (const [name, store] of worker.stores) next.stores.set(name, store);
    await next.install();
    expect([...next.stores.keys()]).toEqual(['jwt-workbench-new']);
  });
});

describe('writing the worker for a build', () => {
  let dir;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists the pages by their folders and every asset, but not maps, the 404 page or itself', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sw-'));
    for (const file of ['index.html', 'privacy/index.html', '_next/static/chunks/a.js', '_next/static/chunks/a.js.map', '404.html', '404/index.html', 'favicon.ico', 'index.txt']) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), file);
    }
    const first = await writeServiceWorker(dir);
    const written = await readFile(path.join(dir, 'sw.js'), 'utf8');
    const list = JSON.parse(/const PRECACHE = (.*);/.exec(written)[1]);
    expect(list.sort()).toEqual(['./', '_next/static/chunks/a.js', 'favicon.ico', 'index.txt', 'privacy/'].sort());
    expect(first.files).toBe(5);

    // Any change to the build gives a new version, so browsers pick up the new worker.
    await writeFile(path.join(dir, '_next/static/chunks/a.js'), 'changed');
    const second = await writeServiceWorker(dir);
    expect(second.version).not.toBe(first.version);
    expect(precacheUrl('privacy/index.html')).toBe('privacy/');
  });
});
