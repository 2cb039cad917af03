// Shared by build, start, the end-to-end runner and the benchmark: where the
// built site lives, whether it is current, and how to build and serve it.
import { spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { postbuild, serveConfig } from './postbuild.mjs';
import { connectSourcesFromEnv } from './security-headers.mjs';

const require = createRequire(import.meta.url);
const { normaliseBasePath } = require('./base-path.cjs');

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_DIR = path.join(ROOT, '.build');

/** The export folder for a base path: `out/` for the root, `out-<path>/` otherwise, so both can coexist. */
export function outDirFor(basePath) {
  return basePath === '' ? path.join(ROOT, 'out') : path.join(ROOT, 'out-' + basePath.slice(1).replace(/\//g, '-'));
}

function manifestPathFor(basePath) {
  return path.join(BUILD_DIR, `site${basePath.replace(/\//g, '-')}.json`);
}

const SOURCES = ['app', 'components', 'lib', 'public', 'scripts', 'next.config.js', 'package.json', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Reads the facts of the last build for this base path, or null when it is missing or older than the sources. */
export function currentBuild(basePath) {
  const manifestPath = manifestPathFor(basePath);
  if (!existsSync(manifestPath) || !existsSync(path.join(outDirFor(basePath), 'index.html'))) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // A build for another CONNECT_SRC is not this build.
  if (JSON.stringify(manifest.connectSources ?? null) !== JSON.stringify(connectSourcesFromEnv())) return null;
  const sourcesChanged = Math.max(...SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  return manifest.builtAt >= sourcesChanged ? manifest : null;
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * One build at a time in this folder: Next.js refuses to run two, so a
 * second caller waits for the first instead of failing.
 */
async function withBuildLock(work) {
  const lock = path.join(BUILD_DIR, 'build.lock');
  await mkdir(BUILD_DIR, { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let holder = NaN;
      try {
        holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // the holder is still writing its pid
      }
      if (Number.isInteger(holder) && !isAlive(holder)) await rm(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Another build has held ${lock} for 10 minutes.`);
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Builds the static site for a base path, then hashes its inline scripts for the CSP. */
export function buildSite(rawBasePath = process.env.BASE_PATH) {
  return withBuildLock(() => buildSiteNow(rawBasePath));
}

async function buildSiteNow(rawBasePath) {
  const basePath = normaliseBasePath(rawBasePath);
  const outDir = outDirFor(basePath);
  const rootOut = path.join(ROOT, 'out');
  // Next.js always exports into out/: a base-path build puts the root build aside meanwhile.
  const stash = path.join(BUILD_DIR, 'out-stash');
  const builtAt = Date.now();
  await rm(stash, { recursive: true, force: true });
  if (outDir !== rootOut && existsSync(rootOut)) await rename(rootOut, stash);
  try {
    await rm(rootOut, { recursive: true, force: true });
    // We hold our own lock, so a lock file left by an interrupted build is stale.
    await rm(path.join(ROOT, '.next', 'lock'), { force: true });
    await run(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], { BASE_PATH: basePath, NEXT_TELEMETRY_DISABLED: '1' });
    if (outDir !== rootOut) {
      await rm(outDir, { recursive: true, force: true });
      await rename(rootOut, outDir);
    }
  } finally {
    if (existsSync(stash)) {
      await rm(rootOut, { recursive: true, force: true });
      await rename(stash, rootOut);
    }
  }
  const { scriptHashes, pages, connectSources } = await postbuild(outDir, { connectSources: connectSourcesFromEnv() });
  const manifest = { basePath, outDir, scriptHashes, connectSources, pages, builtAt };
  await mkdir(BUILD_DIR, { recursive: true });
  await writeFile(manifestPathFor(basePath), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** The build for this base path, built first when missing or stale. */
export async function ensureBuilt(rawBasePath = process.env.BASE_PATH) {
  const basePath = normaliseBasePath(rawBasePath);
  return currentBuild(basePath) ?? (await withBuildLock(async () => currentBuild(basePath) ?? (await buildSiteNow(basePath))));
}

/**
 * Serves a build with serve and our headers. With a base path, a serve root
 * is laid out so the site answers under that path, as on a real host.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function serveSite(manifest, { port = 3000, host = '127.0.0.1', quiet = false } = {}) {
  // Serve a private copy, so that a rebuild cannot change files under a running server.
  const snapshot = path.join(BUILD_DIR, `serving-${port}`);
  let scriptHashes = manifest.scriptHashes;
  let connectSources = manifest.connectSources;
  await withBuildLock(async () => {
    await rm(snapshot, { recursive: true, force: true });
    await cp(manifest.outDir, snapshot, { recursive: true });
    // Another process may have rebuilt this build's folder since `manifest` was read: take the
    // hashes of what was copied (no build runs while we hold the lock), or the CSP would block its scripts.
    // Any other folder (an earlier export, BENCH_SITE_DIR) keeps the hashes it was given.
    const manifestPath = manifestPathFor(manifest.basePath);
    const latest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
    if (latest && path.resolve(latest.outDir) === path.resolve(manifest.outDir)) ({ scriptHashes, connectSources } = latest);
  });
  let serveRoot = snapshot;
  if (manifest.basePath !== '') {
    serveRoot = path.join(BUILD_DIR, `root-${port}`);
    await rm(serveRoot, { recursive: true, force: true });
    const mountPoint = path.join(serveRoot, ...manifest.basePath.split('/').filter(Boolean));
    await mkdir(path.dirname(mountPoint), { recursive: true });
    await symlink(snapshot, mountPoint, 'dir');
  }
  const configPath = path.join(BUILD_DIR, `serve-${port}.json`);
  await writeFile(configPath, JSON.stringify(serveConfig({ publicDir: serveRoot, scriptHashes, connectSources }), null, 2));

  // Started directly (not through npx) so that stopping it stops the server itself.
  const child = spawn(process.execPath, serveArguments({ configPath, host, port, serveRoot }), { cwd: ROOT, stdio: quiet ? 'ignore' : 'inherit' });
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${manifest.basePath}/`;
  await waitForServer(url, child);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The serve command line. --no-request-logging: a request URL may carry a
 * credential (a `?token=` link), so it is never written to the console or a log.
 * @param {{ configPath: string, host: string, port: number, serveRoot: string }} options
 */
export function serveArguments({ configPath, host, port, serveRoot }) {
  return [require.resolve('serve/build/main.js'), '--no-clipboard', '--no-port-switching', '--no-request-logging', '-c', configPath, '-l', `tcp://${host}:${port}`, serveRoot];
}

async function waitForServer(url, child) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode} before answering at ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`serve did not answer at ${url} within 15 s`);
}
