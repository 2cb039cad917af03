// What the page downloaded: each response matched to its file in the build,
// sized raw and gzipped, and sorted into the page's own JavaScript, Monaco's
// chunks and the rest.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Strings that survive minification and occur only in Monaco's code (the
// editor core, its contributions, its workers and our monaco-setup module).
const MONACO_MARKERS = ['MonacoEnvironment', 'monaco-editor', 'vs/editor/', 'editor.action.', 'IEditorWorkerService', 'monaco-aria-container'];

// Languages the decoder does not use: a Monaco chunk carrying one of these
// is code the page loads for nothing.
const UNUSED_LANGUAGE_MARKERS = {
  TypeScript: ['typescriptDefaults', 'javascriptDefaults'],
  CSS: ['cssDefaults', 'scssDefaults'],
  HTML: ['htmlDefaults', 'handlebarDefaults', 'razorDefaults'],
};

const fileCache = new Map();

/** The built file a URL of the served site stands for, or null. */
export function fileForUrl(outDir, siteUrl, url) {
  let pathname;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== new URL(siteUrl).origin) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const base = new URL(siteUrl).pathname.replace(/\/$/, '');
  if (base && pathname.startsWith(base)) pathname = pathname.slice(base.length);
  const candidate = path.join(outDir, pathname);
  if (!candidate.startsWith(outDir)) return null;
  for (const option of [candidate, `${candidate}.html`, path.join(candidate, 'index.html')]) {
    if (existsSync(option) && statSync(option).isFile()) return option;
  }
  return null;
}

/** Raw and gzipped size of a built file, and what kind of code it holds. */
export function describeFile(file) {
  const cached = fileCache.get(file);
  if (cached) return cached;
  const bytes = readFileSync(file);
  const isJs = /\.(m?js)$/.test(file);
  const text = isJs ? bytes.toString('utf8') : '';
  const description = {
    raw: bytes.length,
    gzip: gzipSync(bytes).length,
    isJs,
    isCss: file.endsWith('.css'),
    isMonaco: isJs && MONACO_MARKERS.some((marker) => text.includes(marker)),
    unusedLanguages: isJs ? Object.entries(UNUSED_LANGUAGE_MARKERS).filter(([, markers]) => markers.some((marker) => text.includes(marker))).map(([name]) => name) : [],
  };
  fileCache.set(file, description);
  return description;
}

/**
 * Sorts the requests of one visit.
 * @param {{ url: string, resourceType: string, at: number, transferred: number | null, status: number | null }[]} requests in the order made; `at` is ms since navigation
 * @param {{ firstPaint: number | null, monacoReady: number | null }} moments
 */
export function classifyRequests(allRequests, { outDir, siteUrl, firstPaint }) {
  const files = [];
  const missing = [];
  // The service worker's precache is counted apart: the page does not wait for it.
  const requests = allRequests.filter((request) => !request.fromServiceWorker);
  const precache = allRequests
    .filter((request) => request.fromServiceWorker)
    .map((request) => ({ ...request, file: fileForUrl(outDir, siteUrl, request.url) }))
    .map((request) => ({ ...request, ...(request.file ? describeFile(request.file) : { raw: 0, gzip: 0 }) }));
  for (const request of requests) {
    const file = fileForUrl(outDir, siteUrl, request.url);
    if (!file) {
      if (!request.url.startsWith('data:') && !request.url.startsWith('blob:')) missing.push(request.url);
      continue;
    }
    files.push({ ...request, file: path.relative(outDir, file), ...describeFile(file) });
  }

  // The page's own JavaScript is everything up to the first Monaco chunk,
  // plus any non-Monaco chunk loaded later (lazy crypto modules, for one).
  const firstMonaco = files.find((entry) => entry.isMonaco);
  const monacoStart = firstMonaco ? firstMonaco.at : null;
  const js = files.filter((entry) => entry.isJs);
  const beforeMonaco = js.filter((entry) => !entry.isMonaco && (monacoStart === null || entry.at <= monacoStart));
  const lazyOther = js.filter((entry) => !entry.isMonaco && monacoStart !== null && entry.at > monacoStart);
  const monaco = js.filter((entry) => entry.isMonaco);
  // Monaco's stylesheets come with it (anything CSS requested after Monaco started).
  const monacoCss = files.filter((entry) => entry.isCss && monacoStart !== null && entry.at >= monacoStart);

  const sum = (entries, field) => entries.reduce((total, entry) => total + (entry[field] ?? 0), 0);
  const bucket = (entries) => ({
    files: entries.length,
    raw: sum(entries, 'raw'),
    gzip: sum(entries, 'gzip'),
    list: entries.map((entry) => ({ file: entry.file, raw: entry.raw, gzip: entry.gzip, at: Math.round(entry.at) })),
  });

  return {
    serviceWorker: {
      requests: precache.length,
      transferred: sum(precache, 'transferred'),
      raw: sum(precache, 'raw'),
      gzip: sum(precache, 'gzip'),
      firstAt: precache.length ? Math.round(Math.min(...precache.map((request) => request.at))) : null,
      urls: precache.map((request) => new URL(request.url).pathname),
    },
    requests: requests.length,
    transferred: sum(requests, 'transferred'),
    raw: sum(files, 'raw'),
    gzip: sum(files, 'gzip'),
    beforeMonaco: bucket(beforeMonaco),
    lazyOther: bucket(lazyOther),
    monaco: bucket(monaco),
    monacoCss: bucket(monacoCss),
    monacoStart,
    monacoAfterFirstPaint: monacoStart === null || firstPaint === null ? null : monacoStart > firstPaint,
    unusedLanguages: [...new Set(monaco.flatMap((entry) => entry.unusedLanguages.map((language) => `${language} (${entry.file})`)))],
    missing,
  };
}

/**
 * What a first visit downloads, from its requests (as recordRequests
 * describes them: `finishedAt` in ms since navigation, `transferred` the
 * bytes the server sent, `fromServiceWorker`): until the page is interactive
 * (requests finished by `interactiveAt`, whoever made them), then in all
 * until the network was idle, the page's and the service worker's apart.
 * A request that never finished counts in all, with the bytes it got.
 */
export function firstVisitBytes(requests, interactiveAt) {
  const tally = (entries) => ({ requests: entries.length, transferred: entries.reduce((total, entry) => total + (entry.transferred ?? 0), 0) });
  const finishedBy = (entry) => entry.finishedAt !== null && entry.finishedAt !== undefined && interactiveAt !== null && entry.finishedAt <= interactiveAt;
  return {
    interactiveAt,
    untilInteractive: tally(requests.filter(finishedBy)),
    page: tally(requests.filter((entry) => !entry.fromServiceWorker)),
    serviceWorker: tally(requests.filter((entry) => entry.fromServiceWorker)),
    total: tally(requests),
  };
}
