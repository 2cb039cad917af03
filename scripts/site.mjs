// Shared by build, start, the end-to-end runner and the benchmark: where the
// built site lives, whether it is current, and how to build and serve it.
import { spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { postbuild, serveConfig } from './postbuild.mjs';

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

/** Builds the static site for a base path, then hashes its inline scripts for the CSP. */
export async function buildSite(rawBasePath = process.env.BASE_PATH) {
  const basePath = normaliseBasePath(rawBasePath);
  const outDir = outDirFor(basePath);
  const builtAt = Date.now();
  await rm(path.join(ROOT, 'out'), { recursive: true, force: true });
  await run(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], { BASE_PATH: basePath, NEXT_TELEMETRY_DISABLED: '1' });
  if (outDir !== path.join(ROOT, 'out')) {
    await rm(outDir, { recursive: true, force: true });
    const { rename } = await import('node:fs/promises');
    await rename(path.join(ROOT, 'out'), outDir);
  }
  const { scriptHashes, pages } = await postbuild(outDir);
  const manifest = { basePath, outDir, scriptHashes, pages, builtAt };
  await mkdir(BUILD_DIR, { recursive: true });
  await writeFile(manifestPathFor(basePath), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** The build for this base path, built first when missing or stale. */
export async function ensureBuilt(rawBasePath = process.env.BASE_PATH) {
  const basePath = normaliseBasePath(rawBasePath);
  return currentBuild(basePath) ?? (await buildSite(basePath));
}

/**
 * Serves a build with serve and our headers. With a base path, a serve root
 * is laid out so the site answers under that path, as on a real host.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function serveSite(manifest, { port = 3000, host = '127.0.0.1', quiet = false } = {}) {
  let serveRoot = manifest.outDir;
  if (manifest.basePath !== '') {
    serveRoot = path.join(BUILD_DIR, `root${manifest.basePath.replace(/\//g, '-')}`);
    await rm(serveRoot, { recursive: true, force: true });
    const mountPoint = path.join(serveRoot, ...manifest.basePath.split('/').filter(Boolean));
    await mkdir(path.dirname(mountPoint), { recursive: true });
    await symlink(manifest.outDir, mountPoint, 'dir');
  }
  const configPath = path.join(BUILD_DIR, `serve${manifest.basePath.replace(/\//g, '-')}.json`);
  await writeFile(configPath, JSON.stringify(serveConfig({ publicDir: serveRoot, scriptHashes: manifest.scriptHashes }), null, 2));

  // Started directly (not through npx) so that stopping it stops the server itself.
  const child = spawn(
    process.execPath,
    [require.resolve('serve/build/main.js'), '--no-clipboard', '--no-port-switching', '-c', configPath, '-l', `tcp://${host}:${port}`, serveRoot],
    { cwd: ROOT, stdio: quiet ? 'ignore' : 'inherit' },
  );
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
