// npm start's server, started as scripts/site.mjs starts it: what it sends and what it logs.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConfig } from './postbuild.mjs';
import { serveArguments } from './site.mjs';

const PORT = 4305;
const HOST = '127.0.0.1';
let dir;
let child;
let output = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'serve-headers-'));
  const site = path.join(dir, 'site');
  for (const file of ['index.html', 'sw.js', '_next/static/chunks/app.js', 'tools/jwt/index.html', 'tools/jwt/_next/static/chunks/app.js']) {
    await mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await writeFile(path.join(site, file), file.endsWith('.html') ? '<!doctype html><title>t</title>' : '// js');
  }
  const configPath = path.join(dir, 'serve.json');
  await writeFile(configPath, JSON.stringify(serveConfig({ publicDir: site, scriptHashes: ['sha256-abc='], connectSources: ["'self'", 'https://login.example.com'] })));
  child = spawn(process.execPath, serveArguments({ configPath, host: HOST, port: PORT, serveRoot: site }), { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(`http://${HOST}:${PORT}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`serve did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 20_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

const get = (pathname) => fetch(`http://${HOST}:${PORT}${pathname}`);

describe('npm start (serve)', () => {
  it('never lets a page or the service worker be stored', async () => {
    for (const pathname of ['/', '/tools/jwt/', '/sw.js']) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('cache-control'), pathname).toBe('no-store');
    }
  });

  it('caches the content-hashed /_next/static/ files for a year, with the security headers still on', async () => {
    for (const pathname of ['/_next/static/chunks/app.js', '/tools/jwt/_next/static/chunks/app.js']) {
      const response = await get(pathname);
      expect(response.headers.get('cache-control'), pathname).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options'), pathname).toBe('nosniff');
    }
  });

  it("sends the build's connect-src", async () => {
    expect((await get('/')).headers.get('content-security-policy')).toContain("connect-src 'self' https://login.example.com;");
  });

  it('lets pages run inline scripts only by hash: no unsafe-inline, no unsafe-eval', async () => {
    const policy = (await get('/')).headers.get('content-security-policy') ?? '';
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc='");
  });

  it('does not log request URLs, which may carry a credential', async () => {
    await get('/?token=eyJSECRETTOKEN.abc.def');
    await get('/missing?code=SECRETCODE');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(output).not.toContain('SECRET');
    expect(output).not.toContain('GET');
  });
});
