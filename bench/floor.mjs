// The floor of the benchmark (bench/reference/index.html, served here) and an
// optional peer debugger (BENCH_PEER_URL + BENCH_PEER_CONFIG): pages measured
// alternately with ours, in the same run, so that figures can be read as
// ratios that a noisy machine does not move much.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REFERENCE_DIR = path.join(HERE, 'reference');

/** Serves a floor's folder (bench/reference/ by default) on 127.0.0.1:port, uncached. Resolves to { url, stop }. */
export async function serveReference(port, dir = REFERENCE_DIR) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ttf': 'font/ttf' };
  const server = createServer(async (request, response) => {
    try {
      const name = decodeURIComponent(new URL(request.url, 'http://x').pathname).replace(/\/$/, '/index.html');
      const file = path.join(dir, path.normalize(name));
      if (!file.startsWith(dir + path.sep)) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * How each page is driven: how a share link is written, where a paste goes,
 * and the selector of the element that shows a claim (by name) once decoded.
 * `marker` is a claim name unique to the visit; `text` makes the watch wait
 * for an element containing it.
 */
export const FLOOR = {
  name: 'floor',
  link: (url, params) => `${url}#${params}`,
  legacyLink: (url, token) => `${url}#debugger-io?${new URLSearchParams({ token })}`,
  shown: (marker) => ({ selector: '#payload', text: `"${marker}"` }),
  input: '#token',
};

/**
 * The Monaco floor (bench/reference-monaco/, bundled by monaco-floor.mjs):
 * Monaco alone with our token editor's options. It has no share link and
 * decodes nothing: a paste is done when its model holds the pasted text,
 * which #model says with the text's last 16 characters (a token's signature
 * ends differently every time).
 */
export const MONACO_FLOOR = {
  name: 'Monaco floor',
  ready: '#editor[data-editor="monaco"]',
  input: '#editor',
  pasted: (text) => `#model[data-tail="${text.slice(-16)}"][data-length="${text.length}"]`,
};

/**
 * A peer: BENCH_PEER_URL, and BENCH_PEER_CONFIG naming a JSON file such as
 *   { "name": "peer", "link": "#token={token}", "payload": "css selector of the decoded payload",
 *     "input": "css selector of the token input (optional: no paste figures without it)" }
 * `{token}` is replaced by the percent-encoded token.
 */
export async function peerFromEnv(env = process.env) {
  if (!env.BENCH_PEER_URL) return null;
  const config = env.BENCH_PEER_CONFIG ? JSON.parse(await readFile(env.BENCH_PEER_CONFIG, 'utf8')) : {};
  if (!config.payload) throw new Error('BENCH_PEER_URL needs BENCH_PEER_CONFIG with at least a "payload" selector');
  const template = config.link ?? '#token={token}';
  const url = env.BENCH_PEER_URL;
  return {
    name: config.name ?? 'peer',
    link: (_base, params) => url.replace(/#.*$/, '') + template.replace('{token}', encodeURIComponent(new URLSearchParams(params).get('token') ?? '')),
    legacyLink: null,
    shown: (marker) => ({ selector: config.payload, text: `"${marker}"` }),
    input: config.input ?? null,
  };
}
