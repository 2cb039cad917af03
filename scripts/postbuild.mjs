// After `next build`: inline the CSS each page's first view uses, start its scripts after
// its first frame, hash every inline script of the exported pages, put a
// CSP <meta> tag into each page (for hosts that cannot set headers), and
// write the headers for `npm start` (serve) and the other servers we document.
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspHash, inlineScripts } from './inline-scripts.mjs';
import { IMMUTABLE, NO_STORE, connectSourcesFromEnv, contentSecurityPolicy, securityHeaders } from './security-headers.mjs';
import { writeServiceWorker } from './service-worker.mjs';
import { writeDeployConfigs } from './deploy-configs.mjs';
import { cssReader, inlineStylesheets } from './inline-css.mjs';
import { deferScriptsUntilPainted } from './defer-scripts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

/**
 * The CSP hashes of the inline scripts of every page in an export, sorted:
 * for serving a folder built earlier, whose hashes no build manifest records.
 * @param {string} outDir
 * @returns {Promise<string[]>}
 */
export async function inlineScriptHashesOf(outDir) {
  const hashes = new Set();
  for await (const file of htmlFiles(outDir)) inlineScripts(await readFile(file, 'utf8')).forEach((body) => hashes.add(cspHash(body)));
  return [...hashes].sort();
}

/**
 * Puts the policy right after <meta charset>, so it governs every script
 * that follows and the charset stays within the first 1024 bytes.
 * @param {string} html @param {string} policy
 */
export function insertCspMeta(html, policy) {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}"/>`;
  const withoutOld = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const charset = /<meta charSet="utf-8"\s*\/?>/i.exec(withoutOld);
  if (charset) {
    const at = charset.index + charset[0].length;
    return withoutOld.slice(0, at) + tag + withoutOld.slice(at);
  }
  return withoutOld.replace(/<head([^>]*)>/i, (head) => head + tag);
}

/**
 * @param {string} outDir
 * @param {{ connectSources?: string[] }} [options] connect-src of this build (default: from CONNECT_SRC)
 * @returns {Promise<{ scriptHashes: string[], pages: number, connectSources: string[] }>}
 */
export async function postbuild(outDir, { connectSources = connectSourcesFromEnv() } = {}) {
  const allHashes = new Set();
  let pages = 0;
  const readCss = cssReader(outDir, await basePathOf(outDir));
  for await (const file of htmlFiles(outDir)) {
    const html = deferScriptsUntilPainted(await inlineStylesheets(await readFile(file, 'utf8'), readCss));
    const hashes = [...new Set(inlineScripts(html).map(cspHash))].sort();
    hashes.forEach((hash) => allHashes.add(hash));
    await writeFile(file, insertCspMeta(html, contentSecurityPolicy({ scriptHashes: hashes, forMeta: true, connectSources })));
    pages += 1;
  }
  const scriptHashes = [...allHashes].sort();
  // After the pages are final, so the worker's version covers them.
  const serviceWorker = await writeServiceWorker(outDir);
  const deployConfigs = await writeDeployConfigs({ rootDir: ROOT, basePath: await basePathOf(outDir), scriptHashes, connectSources });
  return { scriptHashes, pages, serviceWorker, deployConfigs, connectSources };
}

/**
 * The base path a build was made for, read from where its home page loads
 * its scripts (postbuild is handed only the folder).
 * @param {string} outDir
 */
export async function basePathOf(outDir) {
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const match = /<script[^>]*\ssrc="([^"]*)\/_next\/static\//.exec(html);
  return match?.[1] ?? '';
}

/**
 * The serve (npm start) configuration for a built site. Pages and sw.js are
 * never stored (no-store); the content-hashed /_next/static/ files are cached
 * for a year (serve applies every matching rule in order, so the later one wins).
 * @param {{ publicDir: string, scriptHashes: string[], connectSources?: string[] }} options
 */
export function serveConfig({ publicDir, scriptHashes, connectSources }) {
  return {
    public: publicDir,
    cleanUrls: true,
    trailingSlash: true,
    directoryListing: false,
    symlinks: true,
    headers: [
      { source: '**', headers: [...securityHeaders({ scriptHashes, connectSources }), { key: 'Cache-Control', value: NO_STORE }] },
      { source: '**/_next/static/**', headers: [{ key: 'Cache-Control', value: IMMUTABLE }] },
    ],
  };
}

/** Writes the build's facts next to it, for npm start and the deployment configs. */
export async function writeBuildManifest(outDir, manifest) {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'build-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
