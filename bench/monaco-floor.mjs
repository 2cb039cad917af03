// The Monaco floor (bench/reference-monaco/): Monaco alone, bundled with Vite
// from the installed monaco-editor package when the benchmark starts, and
// kept in .build/ until its sources or the package change. Served from our
// own loopback server by serveReference, like the bare floor: nothing comes
// from a CDN.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
export const MONACO_REFERENCE_DIR = path.join(HERE, 'reference-monaco');

/** Installed monaco-editor version: the floor must be the same Monaco as ours. */
export function installedMonacoVersion() {
  return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'monaco-editor', 'package.json'), 'utf8')).version;
}

/** The folder the bundle of these sources and this Monaco goes to. */
async function outDirFor(version) {
  const hash = createHash('sha256').update(version);
  for (const name of ['index.html', 'main.js']) hash.update(await readFile(path.join(MONACO_REFERENCE_DIR, name)));
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  return path.join(ROOT, '.build', `bench-monaco-floor-${hash.digest('hex').slice(0, 12)}`);
}

/** Bundles the Monaco floor (about a minute on 2 busy cores the first time); resolves to its folder. */
export async function ensureMonacoFloorBuilt(log = () => {}) {
  const version = installedMonacoVersion();
  const outDir = await outDirFor(version);
  if (existsSync(path.join(outDir, 'index.html'))) return { outDir, version };
  log(`bundling the Monaco floor (monaco-editor ${version}) with Vite…`);
  const { build } = await import('vite');
  await rm(outDir, { recursive: true, force: true });
  await build({
    root: MONACO_REFERENCE_DIR,
    base: './',
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 10_000, sourcemap: false },
    worker: { format: 'es' },
  });
  return { outDir, version };
}
