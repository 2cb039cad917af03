// npm run bench: what a user feels, measured on the production build.
// Builds the site if needed, serves it as `npm start` does, serves the floor
// (bench/reference/) beside it, drives Chromium with Playwright through both
// alternately, prints ours, the floor and their ratio, writes
// bench/results.json and says which targets are met. Method: bench/README.md.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { ensureBuilt, serveSite, ROOT } from '../scripts/site.mjs';
import { inlineScriptHashesOf } from '../scripts/postbuild.mjs';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { pageProbe } from './probe.mjs';
import { tokenOfSize, typingCase, verificationCases, signJws } from './tokens.mjs';
import { classifyRequests, firstVisitBytes } from './assets.mjs';
import { summarise, spread, formatMs, formatKiB, table } from './stats.mjs';
import { checkBudgets } from './budgets.mjs';
import { FLOOR, MONACO_FLOOR, peerFromEnv, serveReference } from './floor.mjs';
import { ensureMonacoFloorBuilt } from './monaco-floor.mjs';

const RUNS = positiveInt(process.env.BENCH_RUNS, 7);
const PORT = positiveInt(process.env.BENCH_PORT, 3300);
/** The floor page (bench/reference/) is served here. */
const FLOOR_PORT = positiveInt(process.env.BENCH_FLOOR_PORT, PORT + 1);
/** The Monaco floor (bench/reference-monaco/, bundled) is served here. */
const MONACO_FLOOR_PORT = positiveInt(process.env.BENCH_MONACO_FLOOR_PORT, PORT + 2);
// BENCH_LANGUAGES_REFERENCE_DIR: an export of the commit before the languages (bench/export-commit.mjs),
// served here so that the English visit is compared with it in the same run.
const LANGUAGES_REFERENCE_PORT = PORT + 3;
/** First visits to `/` (bytes and requests) are made in this many of the runs: their bytes hardly move. */
const BYTES_RUNS = positiveInt(process.env.BENCH_BYTES_RUNS, 3);
/** Interactive, for our page: the token editor is hydrated (React's props are on it) or already Monaco. */
const OURS_INTERACTIVE = { selector: '[data-testid="token-input"] textarea, [data-testid="token-input"][data-editor="monaco"]', react: true };
/** Measuring gives up after this long, whatever it is doing (building is not counted). */
const OVERALL_TIMEOUT_MS = positiveInt(process.env.BENCH_TIMEOUT_MS, 8 * 60_000);
/** One step (a page load, a paste) gives up after this long. */
const STEP_TIMEOUT_MS = positiveInt(process.env.BENCH_STEP_TIMEOUT_MS, 60_000);
/** Long tasks that start this soon after a result shows still belong to the action. */
const TAIL_MS = 1000;
const VIEWPORT = { width: 1280, height: 900 };
const PASTE_SIZES = [
  ['1 KB', 1024],
  ['100 KB', 100 * 1024],
  ['1 MB', 1024 * 1024],
];
/** The token size of the typing figure (issue 3: "a 1 KB token updates the view within one frame of typing"). */
const TYPING_SIZE = 1024;
const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');

const claimSelector = (name) => `[data-testid="claim-row"][data-claim="${name}"]`;
/** A claim shown by the page: React's claims table, or the boot script's view painted before React (data-boot-claim). */
const shownClaimSelector = (name) => `${claimSelector(name)}, [data-boot-claim="${name}"]`;
/** The share-link shapes measured: [label, how ours and the floor write it]. */
const LINK_SHAPES = ['#token=', '#token=…&key=', '#debugger-io?token='];
const KEYED_SHAPE = '#token=…&key=';
function linkFor(subject, base, shape, token, key) {
  if (shape === '#debugger-io?token=') return subject.legacyLink ? subject.legacyLink(base, token) : null;
  return subject.link(base, new URLSearchParams(shape === KEYED_SHAPE ? { token, key } : { token }));
}
const OURS = {
  name: 'ours',
  link: (url, params) => `${url}#${params}`,
  legacyLink: (url, token) => `${url}#debugger-io?${new URLSearchParams({ token })}`,
};
function linkToken(run, shape) {
  const secret = `link-secret-${run}`;
  const marker = `bench_link_${String(run).replace(/\W/g, '_')}_${LINK_SHAPES.indexOf(shape)}`;
  const iat = Math.floor(Date.now() / 1000);
  const token = signJws('HS256', { [marker]: 'opened from a share link', sub: 'bench-user', iat, exp: iat + 3600 }, secret);
  return { token, secret, marker };
}
const MONACO_READY = '[data-testid="token-input"][data-editor="monaco"]';
const KEY_EDITOR_READY = '[data-testid="key-input"][data-editor="monaco"]';
const SIGNATURE_SETTLED = '[data-testid="signature-status"]:not([data-state="unverified"]):not([aria-busy="true"])';

function positiveInt(value, fallback) {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

// ---------------------------------------------------------------- lifecycle

let server = null;
let floorServer = null;
let monacoFloorServer = null;
let languagesReferenceServer = null;
let browser = null;
let snapshotDir = null;
let languagesReferenceDir = null;
let cleaningUp = null;

function cleanUp() {
  cleaningUp ??= (async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await floorServer?.stop().catch(() => {});
    await monacoFloorServer?.stop().catch(() => {});
    await languagesReferenceServer?.stop().catch(() => {});
    if (snapshotDir) await rm(snapshotDir, { recursive: true, force: true }).catch(() => {});
    if (languagesReferenceDir) await rm(languagesReferenceDir, { recursive: true, force: true }).catch(() => {});
  })();
  return cleaningUp;
}

/**
 * The current build, copied aside: a rebuild while the benchmark runs (it
 * empties out/) must not change or break what is being measured.
 */
async function snapshotOfBuild() {
  if (process.env.BENCH_SITE_DIR) return snapshotOfFolder(path.resolve(process.env.BENCH_SITE_DIR));
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const manifest = await ensureBuilt('');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jwt-workbench-bench-'));
    try {
      await cp(manifest.outDir, dir, { recursive: true });
      if (existsSync(path.join(dir, 'index.html')) && existsSync(path.join(dir, '_next'))) return { manifest: { ...manifest, outDir: dir }, dir };
    } catch {
      // out/ changed under us (another build): try again
    }
    await rm(dir, { recursive: true, force: true });
    log(`the build changed while it was being copied; attempt ${attempt + 1}…`);
  }
  throw new Error('could not take a stable copy of the build in out/ (is another build running over and over?)');
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping the browser and the server`);
    void cleanUp().finally(() => process.exit(130));
  });
}

let watchdog = null;
/** Measuring (not building) gives up after OVERALL_TIMEOUT_MS, whatever it is doing. */
function startWatchdog() {
  watchdog = setTimeout(() => {
    log(`gave up after measuring for ${OVERALL_TIMEOUT_MS / 1000} s`);
    void cleanUp().finally(() => process.exit(1));
  }, OVERALL_TIMEOUT_MS);
}

/** BENCH_SITE_DIR: measure an export built earlier (a copy of out/), e.g. to compare two builds. */
async function snapshotOfFolder(folder, variable = 'BENCH_SITE_DIR') {
  if (!existsSync(path.join(folder, 'index.html'))) throw new Error(`${variable}=${folder} holds no index.html`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jwt-workbench-bench-'));
  await cp(folder, dir, { recursive: true });
  const scriptHashes = await inlineScriptHashesOf(dir);
  const builtAt = (await stat(path.join(folder, 'index.html'))).mtimeMs;
  return { manifest: { basePath: '', outDir: dir, scriptHashes, builtAt }, dir };
}

// ---------------------------------------------------------------- page helpers

async function newPage(initialWatches, contextOptions = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, permissions: ['clipboard-read', 'clipboard-write'], ...contextOptions });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript(pageProbe, initialWatches);
  return { context, page, errors };
}

/** Waits until the named watches have all seen their element. */
async function waitForWatches(page, names) {
  await page.waitForFunction((list) => list.every((name) => window.__bench.watches[name]?.at != null), names, {
    timeout: STEP_TIMEOUT_MS,
    polling: 50,
  });
}

/** Waits until the page has had no long task for `quietMs` (at most `maxMs`). */
async function waitQuiet(page, quietMs = 500, maxMs = 10_000) {
  await page
    .waitForFunction(
      (quiet) => {
        const tasks = window.__bench.longTasks;
        const last = tasks.length ? Math.max(...tasks.map((task) => task.start + task.duration)) : 0;
        return performance.now() - last >= quiet;
      },
      quietMs,
      { timeout: maxMs, polling: 100 },
    )
    .catch(() => {});
}

function longTasksIn(tasks, from, to) {
  const inside = tasks.filter((task) => task.start < to && task.start + task.duration > from);
  return { count: inside.length, longest: inside.length ? Math.max(...inside.map((task) => task.duration)) : 0 };
}

/** Puts text into an editor the way a user does: click, select all, paste from the clipboard. Returns the in-page times. */
async function pasteInto(page, target, text, watchName, selector, watchText = null) {
  await (/^[#\[.]/.test(target) ? page.locator(target) : page.getByTestId(target)).click();
  await page.keyboard.press('Control+A');
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  const armed = await page.evaluate(([name, target, text]) => window.__bench.watch(name, target, text), [watchName, selector, watchText]);
  if (!armed) throw new Error(`${selector} was already on the page before the paste`);
  await page.keyboard.press('Control+V');
  await waitForWatches(page, [watchName]);
  await page.waitForTimeout(TAIL_MS);
  return page.evaluate((name) => {
    const probe = window.__bench;
    return { watch: probe.watches[name], pasteKey: probe.lastPasteKey, paste: probe.lastPaste, longTasks: probe.longTasks, now: performance.now() };
  }, watchName);
}

function actionFigures(result) {
  // The action starts at the Control+V keydown (the paste event follows it at once).
  const start = result.pasteKey ?? result.paste;
  if (start === null || start < result.watch.armedAt) throw new Error('the paste was not seen by the page');
  return figuresFrom(result.watch, start, result.longTasks);
}

/** Time from `start` to the watched result, and the long tasks during it and in the second after. */
function figuresFrom(watch, start, longTasks) {
  const during = longTasksIn(longTasks, start, watch.at);
  const tail = longTasksIn(longTasks, watch.at, watch.at + TAIL_MS);
  return {
    time: watch.at - start,
    painted: watch.paintedAt === null ? null : watch.paintedAt - start,
    longTasks: during.count,
    longestTask: during.longest,
    tailLongTasks: tail.count,
    tailLongestTask: tail.longest,
    worstTask: Math.max(during.longest, tail.longest),
  };
}

/**
 * Records every request of a browser context (the service worker's too: they
 * are context-wide) with the moments it started and finished.
 */
function recordRequests(context) {
  const requests = [];
  const finishedAt = new Map();
  const network = { inFlight: 0, lastChange: Date.now() };
  const settle = (request) => {
    finishedAt.set(request, Date.now());
    network.inFlight -= 1;
    network.lastChange = Date.now();
  };
  context.on('request', (request) => {
    requests.push({ request, seen: Date.now() });
    network.inFlight += 1;
    network.lastChange = Date.now();
  });
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  return {
    /** Waits until no request has been in flight for `quietMs` (at most `maxMs`). */
    async waitIdle(page, quietMs = 1000, maxMs = 20_000) {
      const quietBy = Date.now() + maxMs;
      while (Date.now() < quietBy && (network.inFlight > 0 || Date.now() - network.lastChange < quietMs)) await page.waitForTimeout(100);
    },
    /**
     * Each request with its times in ms since the page's navigation start
     * (`timeOrigin`, the page's performance.timeOrigin), the bytes the server
     * sent for it (body as encoded + headers), and whether the service worker made it.
     */
    async describe(timeOrigin) {
      const described = await Promise.all(
        requests.map(async ({ request, seen }) => {
          const response = await request.response().catch(() => null);
          const sizes = await request.sizes().catch(() => null);
          const timing = request.timing();
          const started = timing.startTime > 0 ? timing.startTime : seen;
          const ended = timing.startTime > 0 && timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : (finishedAt.get(request) ?? null);
          let fromServiceWorker = !!request.serviceWorker();
          try {
            request.frame();
          } catch {
            fromServiceWorker = true;
          }
          return {
            url: request.url(),
            resourceType: request.resourceType(),
            fromServiceWorker,
            at: started - timeOrigin,
            finishedAt: ended === null ? null : ended - timeOrigin,
            status: response ? response.status() : null,
            transferred: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : null,
          };
        }),
      );
      return described.sort((a, b) => a.at - b.at);
    },
  };
}

// ---------------------------------------------------------------- scenarios

/**
 * A cold first visit through a share link: fresh context (empty cache),
 * timed from navigation start to the claims showing and to Monaco being
 * ready; records every request. Then pastes three token sizes on the same page.
 */
async function loadAndPaste(siteUrl, outDir, run) {
  const { token, secret, marker } = linkToken(run, KEYED_SHAPE);
  const link = linkFor(OURS, siteUrl, KEYED_SHAPE, token, secret);
  const { context, page, errors } = await newPage({
    claims: shownClaimSelector(marker),
    react: claimSelector(marker),
    monaco: MONACO_READY,
    verified: '[data-testid="signature-status"][data-state="valid"]',
  });
  const figures = { load: null, paste: {}, errors };
  try {
    const network = recordRequests(context);
    await page.goto(link, { waitUntil: 'commit' });
    const waited = await waitForWatches(page, ['claims', 'monaco', 'verified']).then(
      () => null,
      (error) => error,
    );
    // Let late requests (workers, fonts, the service worker's precache) finish before counting the visit.
    await network.waitIdle(page);
    await waitQuiet(page);
    const inPage = await page.evaluate(() => {
      const probe = window.__bench;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        watches: probe.watches,
        longTasks: probe.longTasks,
        layoutShift: probe.layoutShiftUnsupported ? null : probe.layoutShift,
        timeOrigin: performance.timeOrigin,
        firstPaint: paint ? paint.startTime : null,
        now: performance.now(),
      };
    });
    const sized = await network.describe(inPage.timeOrigin);
    const assets = classifyRequests(sized, { outDir, siteUrl, firstPaint: inPage.firstPaint });
    const { claims, react, monaco, verified } = inPage.watches;
    if (waited) {
      const missing = Object.entries({ 'decoded claims': claims, 'Monaco ready': monaco, 'signature verified': verified })
        .filter(([, watch]) => watch.at === null)
        .map(([what]) => what);
      figures.loadError = `not seen within ${STEP_TIMEOUT_MS / 1000} s: ${missing.join(', ')}`;
    }
    figures.load = {
      firstPaint: inPage.firstPaint,
      claimsVisible: claims.at,
      claimsPainted: claims.paintedAt,
      reactClaims: react.at,
      layoutShift: inPage.layoutShift,
      verified: verified.at,
      monacoReady: monaco.at,
      claimsBeforeMonaco: claims.at !== null && (monaco.at === null || claims.at < monaco.at),
      claimsLongTasks: claims.at === null ? null : longTasksIn(inPage.longTasks, 0, claims.at),
      monacoLongTasks: monaco.at === null ? null : longTasksIn(inPage.longTasks, 0, monaco.at),
      assets,
      failedRequests: sized.filter((entry) => entry.status === null || entry.status >= 400).map((entry) => `${entry.status ?? 'failed'} ${entry.url}`),
    };
  } catch (error) {
    figures.loadError = String(error?.message ?? error);
  }

  if (figures.load?.monacoReady != null) {
    for (const [label, size] of PASTE_SIZES) {
      try {
        const pasteMarker = `bench_paste_${run}_${size}`;
        await waitQuiet(page);
        const result = await pasteInto(page, 'token-input', tokenOfSize(size, pasteMarker), `paste_${size}`, claimSelector(pasteMarker));
        figures.paste[label] = actionFigures(result);
      } catch (error) {
        figures.paste[label] = { error: String(error?.message ?? error) };
      }
    }
    try {
      await waitQuiet(page);
      figures.typing = await typeIntoToken(page, TYPING_SIZE);
    } catch (error) {
      figures.typing = { error: String(error?.message ?? error) };
    }
  }
  await context.close().catch(() => {});
  return figures;
}

/**
 * One keystroke in a 1 KB token: the cursor is moved into the payload with
 * the arrow keys, one character is selected and replaced by typing. Timed
 * from that key's keydown until the claim it changes shows its new value;
 * "within the frame" means the page had updated before the first frame after
 * the keystroke was drawn (a rAF callback armed at keydown had not yet run).
 */
async function typeIntoToken(page, size) {
  const edit = typingCase(size);
  await pasteInto(page, 'token-input', edit.token, 'typing_token', claimSelector('typed'));
  await page.keyboard.press('Control+End');
  for (let step = 0; step < edit.charsFromEnd; step += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await waitQuiet(page);
  // The claim row, and the decoded payload's JSON: both must show the new value.
  const armed = await page.evaluate(
    ([target, text, payload]) => window.__bench.watch('typing', target, text) && window.__bench.watch('typingPayload', payload, `"${text}"`),
    [claimSelector('typed'), edit.expected, '[data-testid="decoded-payload"]'],
  );
  if (!armed) throw new Error('the typed claim already had its new value before the keystroke');
  await page.keyboard.press(edit.replacement);
  await waitForWatches(page, ['typing', 'typingPayload']);
  await page.waitForTimeout(TAIL_MS);
  const { watch, payload, key, firstFrame, longTasks } = await page.evaluate(() => {
    const probe = window.__bench;
    return { watch: probe.watches.typing, payload: probe.watches.typingPayload, key: probe.lastKey, firstFrame: probe.firstFrameAfterKey, longTasks: probe.longTasks };
  });
  if (key === null || key < watch.armedAt) throw new Error('the keystroke was not seen by the page');
  return {
    ...figuresFrom(watch, key, longTasks),
    payloadTime: payload.at - key,
    firstFrame: firstFrame === null ? null : firstFrame - key,
    withinFrame: firstFrame !== null && watch.at <= firstFrame && payload.at <= firstFrame,
  };
}

/**
 * A cold visit through a share link, for any page (ours, the floor, a peer):
 * time from navigation start to the link's claim being shown, first
 * contentful paint, and the layout shift until a second after it showed.
 * With `pastes`, the page's token input then gets the paste sizes.
 */
async function quickVisit(subject, base, shape, run, { pastes = false } = {}) {
  const { token, secret, marker } = linkToken(run, shape);
  const link = linkFor(subject, base, shape, token, secret);
  if (!link) return null;
  const isOurs = subject === OURS;
  const watches = isOurs ? { shown: shownClaimSelector(marker), react: claimSelector(marker) } : { shown: subject.shown(marker) };
  const { context, page, errors } = await newPage(watches);
  const figures = { errors, paste: {} };
  try {
    await page.goto(link, { waitUntil: 'commit' });
    await waitForWatches(page, Object.keys(watches));
    await page.waitForTimeout(TAIL_MS);
    const inPage = await page.evaluate(() => {
      const probe = window.__bench;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return { watches: probe.watches, layoutShift: probe.layoutShiftUnsupported ? null : probe.layoutShift, firstPaint: paint ? paint.startTime : null };
    });
    Object.assign(figures, {
      firstPaint: inPage.firstPaint,
      shown: inPage.watches.shown.at,
      shownPainted: inPage.watches.shown.paintedAt,
      react: inPage.watches.react?.at ?? null,
      layoutShift: inPage.layoutShift,
    });
  } catch (error) {
    figures.error = String(error?.message ?? error);
  }
  if (pastes && subject.input && figures.shown != null) {
    for (const [label, size] of PASTE_SIZES) {
      try {
        const pasteMarker = `bench_paste_${subject.name}_${run}_${size}`;
        await waitQuiet(page);
        const { selector, text } = subject.shown(pasteMarker);
        const result = await pasteInto(page, subject.input, tokenOfSize(size, pasteMarker), `paste_${size}`, selector, text);
        figures.paste[label] = actionFigures(result);
      } catch (error) {
        figures.paste[label] = { error: String(error?.message ?? error) };
      }
    }
  }
  await context.close().catch(() => {});
  return figures;
}

/**
 * The Monaco floor: a fresh page with Monaco alone, timed from navigation to
 * the editor being created, then the paste sizes as for ours, each timed
 * from the Control+V keydown until the model holds the pasted token.
 */
async function monacoFloorVisit(base, run) {
  const { context, page, errors } = await newPage({ ready: MONACO_FLOOR.ready });
  const figures = { errors, paste: {}, ready: null };
  try {
    await page.goto(base, { waitUntil: 'commit' });
    await waitForWatches(page, ['ready']);
    figures.ready = await page.evaluate(() => window.__bench.watches.ready.at);
  } catch (error) {
    figures.error = String(error?.message ?? error);
  }
  if (figures.ready !== null) {
    for (const [label, size] of PASTE_SIZES) {
      try {
        await waitQuiet(page);
        const token = tokenOfSize(size, `bench_paste_monaco_${run}_${size}`);
        const result = await pasteInto(page, MONACO_FLOOR.input, token, `paste_${size}`, MONACO_FLOOR.pasted(token));
        figures.paste[label] = actionFigures(result);
      } catch (error) {
        figures.paste[label] = { error: String(error?.message ?? error) };
      }
    }
  }
  await context.close().catch(() => {});
  return figures;
}

/**
 * A first visit to the bare page (no link): fresh context, every request of
 * the context counted (the service worker's precache too) until the network
 * has been idle for a second. Interactive is the later of the load event and
 * `interactive` holding in a frame (for ours: React has hydrated the token
 * editor, i.e. attached its props to the element, so typing decodes).
 */
async function firstVisit(url, interactive) {
  const { context, page, errors } = await newPage({});
  const figures = { errors };
  try {
    const network = recordRequests(context);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForLoadState('load', { timeout: STEP_TIMEOUT_MS });
    const readyAt = await (
      await page.waitForFunction(
        (check) => {
          const element = document.querySelector(check.selector);
          if (!element) return false;
          if (check.react && !Object.keys(element).some((key) => key.startsWith('__reactProps$')) && !element.closest('[data-editor="monaco"]')) return false;
          return performance.now();
        },
        interactive,
        { polling: 'raf', timeout: STEP_TIMEOUT_MS },
      )
    ).jsonValue();
    const { timeOrigin, loadEnd } = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, loadEnd: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? null }));
    await network.waitIdle(page);
    const requests = await network.describe(timeOrigin);
    Object.assign(figures, firstVisitBytes(requests, Math.max(readyAt, loadEnd ?? 0)));
    figures.failedRequests = requests.filter((entry) => entry.status === null || entry.status >= 400).map((entry) => `${entry.status ?? 'failed'} ${entry.url}`);
  } catch (error) {
    figures.error = String(error?.message ?? error);
  }
  await context.close().catch(() => {});
  return figures;
}

// The JavaScript before Monaco when the issue about languages was opened: the message runtime is what may be added.
const JS_BEFORE_MONACO_REFERENCE_KIB = 198.9;

/**
 * The JavaScript a visit to / loads before Monaco, for a browser in `locale`: English is
 * in the first load, any other language's catalog is one more chunk. Bytes do not move
 * between runs, so one visit per language is enough.
 */
async function javaScriptBeforeMonacoIn(siteUrl, outDir, locale, language) {
  const { context, page, errors } = await newPage({ monaco: MONACO_READY }, { locale });
  try {
    const network = recordRequests(context);
    await page.goto(siteUrl, { waitUntil: 'commit' });
    await waitForWatches(page, ['monaco']);
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language, { timeout: STEP_TIMEOUT_MS });
    await network.waitIdle(page);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const assets = classifyRequests(await network.describe(timeOrigin), { outDir, siteUrl, firstPaint: null });
    return { locale, language, gzip: assets.beforeMonaco.gzip, raw: assets.beforeMonaco.raw, files: assets.beforeMonaco.files, errors };
  } catch (error) {
    return { locale, language, error: String(error?.message ?? error), errors };
  } finally {
    await context.close().catch(() => {});
  }
}

/** Key change → verification result, per algorithm, on one page whose token comes from a link. */
async function keyChanges(siteUrl, cases) {
  const first = cases[0];
  const { context, page, errors } = await newPage({ monaco: KEY_EDITOR_READY, verified: '[data-testid="signature-status"][data-state="valid"]' });
  const figures = { errors };
  try {
    // Opening with a key verifies once, so the crypto modules are loaded as on any page that has verified before.
    await page.goto(`${siteUrl}#${new URLSearchParams({ token: first.token, key: first.key })}`, { waitUntil: 'commit' });
    await waitForWatches(page, ['monaco', 'verified']);
    for (const { alg, token, key } of cases) {
      try {
        // A new token without a key: the status returns to "unverified".
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, new URLSearchParams({ token }).toString());
        await page.waitForFunction(
          (expectedAlg) =>
            document.querySelector('[data-testid="signature-status"][data-state="unverified"]:not([aria-busy="true"])') !== null &&
            (document.querySelector('[data-testid="decoded-header"]')?.textContent ?? '').includes(`"${expectedAlg}"`),
          alg,
          { timeout: STEP_TIMEOUT_MS, polling: 50 },
        );
        await waitQuiet(page);
        const result = await pasteInto(page, 'key-input', key, `key_${alg}`, SIGNATURE_SETTLED);
        const state = await page.getByTestId('signature-status').getAttribute('data-state');
        if (state !== 'valid') {
          const text = await page.getByTestId('signature-status').innerText();
          throw new Error(`signature-status is "${state}", not "valid": ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
        }
        figures[alg] = actionFigures(result);
      } catch (error) {
        figures[alg] = { error: String(error?.message ?? error) };
      }
    }
  } catch (error) {
    figures.error = String(error?.message ?? error);
  }
  await context.close().catch(() => {});
  return figures;
}

// ---------------------------------------------------------------- summary

function summariseRuns(runs) {
  const pick = (getter) =>
    runs.map((run) => {
      try {
        const value = getter(run);
        return typeof value === 'number' ? value : null;
      } catch {
        return null;
      }
    });
  const allTrue = (getter) => {
    const values = runs.map((run) => {
      try {
        return getter(run);
      } catch {
        return null;
      }
    });
    return { allTrue: values.every((value) => value === true), failed: values.filter((value) => value !== true).length };
  };
  const lastAssets = [...runs].reverse().find((run) => run.visit.load)?.visit.load.assets ?? null;
  const bucket = (name) => ({
    raw: summarise(pick((run) => run.visit.load.assets[name].raw)),
    gzip: summarise(pick((run) => run.visit.load.assets[name].gzip)),
    files: summarise(pick((run) => run.visit.load.assets[name].files)),
  });

  const action = (getter) => ({
    time: summarise(pick((run) => getter(run).time)),
    painted: summarise(pick((run) => getter(run).painted)),
    longTasks: summarise(pick((run) => getter(run).longTasks)),
    longestTask: summarise(pick((run) => getter(run).worstTask)),
    duringLongestTask: summarise(pick((run) => getter(run).longestTask)),
    tailLongTasks: summarise(pick((run) => getter(run).tailLongTasks)),
  });

  return {
    javascript: {
      beforeMonaco: bucket('beforeMonaco'),
      lazyOther: bucket('lazyOther'),
      monaco: bucket('monaco'),
      monacoCss: bucket('monacoCss'),
      unusedFiles: lastAssets?.unusedLanguages ?? [],
      files: lastAssets ? { beforeMonaco: lastAssets.beforeMonaco.list, lazyOther: lastAssets.lazyOther.list, monaco: lastAssets.monaco.list } : null,
    },
    firstVisit: {
      requests: summarise(pick((run) => run.visit.load.assets.requests)),
      transferred: summarise(pick((run) => run.visit.load.assets.transferred)),
      raw: summarise(pick((run) => run.visit.load.assets.raw)),
      gzip: summarise(pick((run) => run.visit.load.assets.gzip)),
      missing: lastAssets?.missing ?? [],
    },
    serviceWorkerPrecache: {
      requests: summarise(pick((run) => run.visit.load.assets.serviceWorker.requests)),
      transferred: summarise(pick((run) => run.visit.load.assets.serviceWorker.transferred)),
      raw: summarise(pick((run) => run.visit.load.assets.serviceWorker.raw)),
      gzip: summarise(pick((run) => run.visit.load.assets.serviceWorker.gzip)),
      startsAt: summarise(pick((run) => run.visit.load.assets.serviceWorker.firstAt)),
      urls: lastAssets?.serviceWorker.urls ?? [],
    },
    load: {
      firstPaint: summarise(pick((run) => run.visit.load.firstPaint)),
      claimsVisible: summarise(pick((run) => run.visit.load.claimsVisible)),
      claimsPainted: summarise(pick((run) => run.visit.load.claimsPainted)),
      reactClaims: summarise(pick((run) => run.visit.load.reactClaims)),
      verified: summarise(pick((run) => run.visit.load.verified)),
      monacoReady: summarise(pick((run) => run.visit.load.monacoReady)),
      claimsLongTasks: summarise(pick((run) => run.visit.load.claimsLongTasks.count)),
      claimsLongestTask: summarise(pick((run) => run.visit.load.claimsLongTasks.longest)),
      monacoLongTasks: summarise(pick((run) => run.visit.load.monacoLongTasks.count)),
      monacoLongestTask: summarise(pick((run) => run.visit.load.monacoLongTasks.longest)),
      claimsBeforeMonaco: allTrue((run) => run.visit.load.claimsBeforeMonaco),
      monacoRequestedAfterFirstPaint: allTrue((run) => run.visit.load.assets.monacoAfterFirstPaint),
    },
    paste: Object.fromEntries(PASTE_SIZES.map(([label]) => [label, action((run) => run.visit.paste[label])])),
    typing: {
      ...action((run) => run.visit.typing),
      firstFrame: summarise(pick((run) => run.visit.typing.firstFrame)),
      payloadTime: summarise(pick((run) => run.visit.typing.payloadTime)),
      withinFrame: allTrue((run) => run.visit.typing.withinFrame),
    },
    keyChange: Object.fromEntries(runs[0]?.keys ? Object.keys(runs[0].keys).filter((alg) => alg !== 'errors' && alg !== 'error').map((alg) => [alg, action((run) => run.keys[alg])]) : []),
  };
}

/**
 * Ours against the floors (bare and Monaco) and a peer, figure by figure: each side's median
 * (min–max) over the runs, and the ratio ours / theirs taken within each run
 * (both measured one after the other) and then summarised, so the machine's
 * slow and fast moments cancel out.
 */
function compareRuns(runs, otherNames) {
  const value = (getter) => (run) => {
    try {
      const result = getter(run);
      return typeof result === 'number' && Number.isFinite(result) ? result : null;
    } catch {
      return null;
    }
  };
  const isMonacoFloor = (name) => name === MONACO_FLOOR.name;
  // Each figure: how ours and another page measure it; `applies` says which other pages have it at all.
  const linkPage = (name) => !isMonacoFloor(name);
  const figures = [
    { label: 'First contentful paint (link with key)', ours: (run) => run.links[KEYED_SHAPE].firstPaint, theirs: (side) => side.links[KEYED_SHAPE].firstPaint, applies: linkPage },
  ];
  // Painted: the frame that shows the claim (in the DOM and rendered is `shown`, in results.json).
  for (const shape of LINK_SHAPES) {
    figures.push({ label: `Share link ${shape} → payload and claims painted`, ours: (run) => run.links[shape].shownPainted, theirs: (side) => side.links[shape].shownPainted, applies: linkPage });
  }
  for (const [label] of PASTE_SIZES) {
    figures.push({
      label: `Paste ${label} → decoded`,
      ours: (run) => run.visit.paste[label].time,
      // The Monaco floor decodes nothing: its figure is the paste reaching the model.
      theirs: (side, name) => (isMonacoFloor(name) ? side.paste[label].time : side.links[KEYED_SHAPE].paste[label].time),
      applies: () => true,
    });
  }
  figures.push({ label: 'Monaco ready (ours: link with key)', ours: (run) => run.visit.load.monacoReady, theirs: (side) => side.ready, applies: isMonacoFloor });

  const rows = {};
  for (const figure of figures) {
    const ours = runs.map(value(figure.ours));
    const row = { ours: summarise(ours), others: {} };
    const perRun = {};
    for (const name of otherNames) {
      if (!figure.applies(name)) {
        row.others[name] = null;
        continue;
      }
      const theirs = runs.map(value((run) => figure.theirs(run.others[name], name)));
      perRun[name] = theirs;
      row.others[name] = { time: summarise(theirs), ratio: summarise(ratiosOf(ours, theirs)) };
    }
    // How far Monaco alone is above the bare floor: the paste targets depend on it.
    if (perRun[FLOOR.name] && perRun[MONACO_FLOOR.name]) row.monacoOverFloor = summarise(ratiosOf(perRun[MONACO_FLOOR.name], perRun[FLOOR.name]));
    rows[figure.label] = row;
  }
  const perShape = {};
  for (const shape of LINK_SHAPES) {
    perShape[shape] = {
      react: summarise(runs.map(value((run) => run.links[shape].react))),
      layoutShift: summarise(runs.map(value((run) => run.links[shape].layoutShift))),
    };
  }
  return { rows, perShape, others: otherNames };
}

/** First visits to `/`: ours and a peer's, bytes and requests until interactive and in all. */
function summariseFirstVisits(runs, names) {
  const sides = {};
  for (const name of names) {
    // Only the runs that made a first visit (BENCH_BYTES_RUNS of them): the others are not failures.
    const measured = runs.filter((run) => run.firstVisit?.[name]);
    const pick = (getter) =>
      measured.map((run) => {
        try {
          const result = getter(run.firstVisit[name]);
          return typeof result === 'number' ? result : null;
        } catch {
          return null;
        }
      });
    const part = (key) => ({ requests: summarise(pick((visit) => visit[key].requests)), transferred: summarise(pick((visit) => visit[key].transferred)) });
    if (measured.length === 0) continue;
    sides[name] = {
      visits: measured.length,
      interactiveAt: summarise(pick((visit) => visit.interactiveAt)),
      untilInteractive: part('untilInteractive'),
      page: part('page'),
      serviceWorker: part('serviceWorker'),
      total: part('total'),
    };
  }
  return sides;
}

function printFirstVisits(sides) {
  const names = Object.keys(sides);
  if (names.length === 0) return 'First visit to /: not measured';
  const ms = (s) => spread(s, formatMs);
  const kib = (s) => spread(s, formatKiB);
  const count = (s) => spread(s, (value) => String(Math.round(value)));
  const cell = (part) => `${kib(part.transferred)} KiB, ${count(part.requests)} req.`;
  const rows = [
    ['Interactive at (ms)', ...names.map((name) => ms(sides[name].interactiveAt))],
    ['Until interactive', ...names.map((name) => cell(sides[name].untilInteractive))],
    ['Until network idle: page', ...names.map((name) => cell(sides[name].page))],
    ['Until network idle: service worker', ...names.map((name) => cell(sides[name].serviceWorker))],
    ['Until network idle: in all', ...names.map((name) => cell(sides[name].total))],
  ];
  const visits = names.map((name) => `${name} ${sides[name].visits}`).join(', ');
  return table([`First visit to / (bytes sent, median (min–max); visits: ${visits})`, ...names], rows);
}

function ratiosOf(mine, theirs) {
  return mine.map((value, index) => (value !== null && theirs[index] ? value / theirs[index] : null));
}

function printComparison(comparison) {
  const ms = (s) => spread(s, formatMs);
  const ratio = (s) => spread(s, (value) => `${value.toFixed(2)}×`);
  const headers = ['Figure (ms, median (min–max))', 'ours'];
  for (const name of comparison.others) headers.push(name, `ours / ${name}`);
  const rows = Object.entries(comparison.rows).map(([label, row]) => [
    label,
    ms(row.ours),
    ...comparison.others.flatMap((name) => (row.others[name] ? [ms(row.others[name].time), ratio(row.others[name].ratio)] : ['', ''])),
  ]);
  const shapeRows = Object.entries(comparison.perShape).map(([shape, figures]) => [`Share link ${shape}`, ms(figures.react), spread(figures.layoutShift, (value) => value.toFixed(3))]);
  const between = Object.entries(comparison.rows)
    .filter(([, row]) => row.monacoOverFloor)
    .map(([label, row]) => [label, ratio(row.monacoOverFloor)]);
  const parts = [table(headers, rows)];
  if (between.length) parts.push(table(['Monaco alone against the bare floor', `${MONACO_FLOOR.name} / ${FLOOR.name}`], between));
  parts.push(table(['Ours, after the link (median (min–max))', 'React view shown (ms)', 'cumulative layout shift'], shapeRows));
  return parts.join('\n\n');
}

function printReport(summary, budgets, meta) {
  const ms = (s) => spread(s, formatMs);
  const kib = (s) => spread(s, formatKiB);
  const count = (s) => spread(s, (value) => String(Math.round(value)));
  const rows = [];
  const js = summary.javascript;
  rows.push(['JS before Monaco (page)', `${kib(js.beforeMonaco.raw)} KiB`, `${kib(js.beforeMonaco.gzip)} KiB gz`, `${count(js.beforeMonaco.files)} files`]);
  rows.push(['JS loaded later, not Monaco', `${kib(js.lazyOther.raw)} KiB`, `${kib(js.lazyOther.gzip)} KiB gz`, `${count(js.lazyOther.files)} files`]);
  rows.push(['Monaco JS (page and workers)', `${kib(js.monaco.raw)} KiB`, `${kib(js.monaco.gzip)} KiB gz`, `${count(js.monaco.files)} files`]);
  rows.push(['Monaco CSS', `${kib(js.monacoCss.raw)} KiB`, `${kib(js.monacoCss.gzip)} KiB gz`, `${count(js.monacoCss.files)} files`]);
  const visit = summary.firstVisit;
  rows.push(['First visit, page', `${kib(visit.raw)} KiB`, `${kib(visit.gzip)} KiB gz`, `${count(visit.requests)} requests, ${kib(visit.transferred)} KiB sent`]);
  const precache = summary.serviceWorkerPrecache;
  rows.push([
    'Service worker precache',
    `${kib(precache.raw)} KiB`,
    `${kib(precache.gzip)} KiB gz`,
    `${count(precache.requests)} requests, ${kib(precache.transferred)} KiB sent, from ${ms(precache.startsAt)} ms`,
  ]);
  const sizes = table(['Download (median (min–max))', 'raw', 'gzipped', ''], rows);

  const load = summary.load;
  const timeRows = [
    ['First contentful paint', ms(load.firstPaint), '', ''],
    ['Share link → decoded claims', ms(load.claimsVisible), `${count(load.claimsLongTasks)}`, ms(load.claimsLongestTask)],
    ['Share link → claims painted', ms(load.claimsPainted), '', ''],
    ['Share link → React view', ms(load.reactClaims), '', ''],
    ['Share link → signature verified', ms(load.verified), '', ''],
    ['Share link → Monaco ready', ms(load.monacoReady), `${count(load.monacoLongTasks)}`, ms(load.monacoLongestTask)],
  ];
  for (const [label, figures] of Object.entries(summary.paste)) {
    timeRows.push([`Paste ${label} → decoded claims`, ms(figures.time), count(figures.longTasks), ms(figures.duringLongestTask), count(figures.tailLongTasks), ms(figures.longestTask)]);
  }
  const typing = summary.typing;
  timeRows.push(['Type 1 key in 1 KB → claim updated', ms(typing.time), count(typing.longTasks), ms(typing.duringLongestTask), count(typing.tailLongTasks), ms(typing.longestTask)]);
  timeRows.push(['  … decoded payload updated', ms(typing.payloadTime), '', '']);
  timeRows.push(['  … first frame after the key', ms(typing.firstFrame), '', '']);
  timeRows.push(['  … update painted', ms(typing.painted), '', '']);
  for (const [alg, figures] of Object.entries(summary.keyChange)) {
    timeRows.push([`Key change → verified (${alg})`, ms(figures.time), count(figures.longTasks), ms(figures.duringLongestTask), count(figures.tailLongTasks), ms(figures.longestTask)]);
  }
  const times = table(['Time (ms, median (min–max))', 'time', 'long tasks', 'longest', `+${TAIL_MS / 1000} s after`, 'longest overall'], timeRows);

  const budgetLines = budgets.map((budget) => {
    const format = { KiB: (value) => `${value.toFixed(1)} KiB`, '×': (value) => `${value.toFixed(2)}×`, CLS: (value) => value.toFixed(3), ms: (value) => `${formatMs(value)} ms` }[budget.unit] ?? formatMs;
    const measured = budget.measured === null || budget.measured === undefined ? 'not measured' : format(budget.measured);
    if (budget.flag) return `${budget.ok ? '✓' : '✗'} ${budget.name}${budget.note ? `: ${budget.note}` : ''}`;
    return `${budget.ok ? '✓' : '✗'} ${budget.name}: ${measured}${budget.note ? ` (${budget.note})` : ''}`;
  });
  const met = budgets.filter((budget) => budget.ok).length;

  console.log(`\nJWT Workbench benchmark: ${meta.runs} alternated runs, ${meta.cpus} CPUs, Chromium ${meta.browserVersion}, load average ${meta.loadBefore.map((value) => value.toFixed(1)).join(' ')}\n`);
  console.log(printComparison(summary.comparison));
  console.log('');
  console.log(sizes);
  console.log('');
  console.log(printFirstVisits(summary.firstVisits));
  console.log('');
  console.log(times);
  console.log('');
  console.log('Targets (issue 13: ratios to the floors; issue 3 on typing), checked on the medians:');
  console.log(budgetLines.join('\n'));
  console.log('');
  const missed = budgets.filter((budget) => !budget.ok).map((budget) => budget.name);
  console.log(
    `${missed.length === 0 ? 'ALL TARGETS MET' : 'TARGETS MISSED'}: ${met} of ${budgets.length} met${missed.length ? ` (missed: ${missed.join('; ')})` : ''}. Results in ${path.relative(process.cwd(), RESULTS_FILE)} (${meta.seconds.toFixed(0)} s).`,
  );
  if (meta.errors.length) console.log(`\nProblems seen (${meta.errors.length}):\n${meta.errors.map((error) => `- ${error}`).join('\n')}`);
}

// ---------------------------------------------------------------- main

async function main() {
  const startedAt = Date.now();
  const loadBefore = os.loadavg();
  log('checking the build (building when missing or stale)…');
  const snapshot = await snapshotOfBuild();
  snapshotDir = snapshot.dir;
  const { manifest } = snapshot;
  server = await serveSite(manifest, { port: PORT, quiet: true });
  const siteUrl = server.url;
  floorServer = await serveReference(FLOOR_PORT);
  const monacoFloor = await ensureMonacoFloorBuilt(log);
  monacoFloorServer = await serveReference(MONACO_FLOOR_PORT, monacoFloor.outDir);
  const peer = await peerFromEnv();
  const others = [FLOOR, ...(peer ? [peer] : [])];
  const baseOf = (subject) => (subject === FLOOR ? floorServer.url : '');
  startWatchdog();
  log(`serving a copy of the build of ${new Date(manifest.builtAt).toISOString()} at ${siteUrl}`);
  browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const cases = verificationCases();

  log(`the floor at ${floorServer.url}, the Monaco floor (monaco-editor ${monacoFloor.version}) at ${monacoFloorServer.url}${peer ? `, ${peer.name} at ${process.env.BENCH_PEER_URL}` : ''}`);
  log('warming up (not counted)…');
  await loadAndPaste(siteUrl, manifest.outDir, 'warmup').catch(() => {});
  for (const subject of others) await quickVisit(subject, baseOf(subject), KEYED_SHAPE, 'warmup').catch(() => {});
  await monacoFloorVisit(monacoFloorServer.url, 'warmup').catch(() => {});

  const runs = [];
  for (let run = 1; run <= RUNS; run += 1) {
    // Alternating: each shape is opened by ours and by the others one after the other, in an order that flips every run.
    const order = run % 2 === 1 ? [OURS, ...others] : [...others, OURS];
    const entry = { run, links: {}, others: {} };
    for (const shape of LINK_SHAPES) {
      for (const subject of order) {
        log(`run ${run} of ${RUNS}: ${subject.name}, link ${shape}${shape === KEYED_SHAPE ? ' and pastes' : ''}…`);
        if (subject === OURS && shape === KEYED_SHAPE) {
          // The Monaco floor has no link: its pastes are measured next to ours, before or after as the order says.
          const monacoFirst = order[0] !== OURS;
          const monacoSide = async () => {
            log(`run ${run} of ${RUNS}: ${MONACO_FLOOR.name}, pastes…`);
            entry.others[MONACO_FLOOR.name] = await monacoFloorVisit(monacoFloorServer.url, run);
          };
          if (monacoFirst) await monacoSide();
          entry.visit = await loadAndPaste(siteUrl, manifest.outDir, run);
          const load = entry.visit.load;
          entry.links[shape] = load ? { firstPaint: load.firstPaint, shown: load.claimsVisible, shownPainted: load.claimsPainted, react: load.reactClaims, layoutShift: load.layoutShift } : { error: entry.visit.loadError };
          if (!monacoFirst) await monacoSide();
        } else if (subject === OURS) {
          entry.links[shape] = await quickVisit(OURS, siteUrl, shape, run);
        } else {
          entry.others[subject.name] ??= { links: {} };
          entry.others[subject.name].links[shape] = await quickVisit(subject, baseOf(subject), shape, run, { pastes: shape === KEYED_SHAPE });
        }
      }
    }
    log(`run ${run} of ${RUNS}: key changes…`);
    entry.keys = await keyChanges(siteUrl, cases);
    if (run <= BYTES_RUNS) {
      log(`run ${run} of ${RUNS}: first visits to / (bytes)…`);
      entry.firstVisit = { ours: await firstVisit(siteUrl, OURS_INTERACTIVE) };
      if (peer) entry.firstVisit[peer.name] = await firstVisit(process.env.BENCH_PEER_URL.replace(/#.*$/, ''), { selector: peer.input ?? 'body', react: false });
    }
    runs.push(entry);
  }

  log('JavaScript before Monaco for an English and a Japanese browser…');
  const byLanguage = [await javaScriptBeforeMonacoIn(siteUrl, manifest.outDir, 'en-US', 'en'), await javaScriptBeforeMonacoIn(siteUrl, manifest.outDir, 'ja-JP', 'ja')];
  if (process.env.BENCH_LANGUAGES_REFERENCE_DIR) {
    log('…and for an English browser on the build before the languages…');
    const reference = await snapshotOfFolder(path.resolve(process.env.BENCH_LANGUAGES_REFERENCE_DIR), 'BENCH_LANGUAGES_REFERENCE_DIR');
    languagesReferenceDir = reference.dir;
    languagesReferenceServer = await serveSite(reference.manifest, { port: LANGUAGES_REFERENCE_PORT, quiet: true });
    const visit = await javaScriptBeforeMonacoIn(languagesReferenceServer.url, reference.manifest.outDir, 'en-US', 'en');
    byLanguage.push({ ...visit, reference: process.env.BENCH_LANGUAGES_REFERENCE_DIR });
  }

  const errors = [];
  for (const { run, links, others: otherRuns } of runs) {
    for (const [shape, figures] of Object.entries(links)) if (figures?.error) errors.push(`run ${run}, ours, link ${shape}: ${figures.error}`);
    for (const [name, other] of Object.entries(otherRuns)) {
      if (other.error) errors.push(`run ${run}, ${name}: ${other.error}`);
      for (const [label, paste] of Object.entries(other.paste ?? {})) if (paste.error) errors.push(`run ${run}, ${name}, paste ${label}: ${paste.error}`);
      for (const [shape, figures] of Object.entries(other.links ?? {})) {
        if (!figures) continue;
        if (figures.error) errors.push(`run ${run}, ${name}, link ${shape}: ${figures.error}`);
        for (const [label, paste] of Object.entries(figures.paste ?? {})) if (paste.error) errors.push(`run ${run}, ${name}, paste ${label}: ${paste.error}`);
        for (const message of figures.errors ?? []) errors.push(`run ${run}, ${name}, page console: ${message}`);
      }
    }
  }
  for (const { run, visit, keys } of runs) {
    if (visit.loadError) errors.push(`run ${run}, share link: ${visit.loadError}`);
    for (const [label, figures] of Object.entries(visit.paste)) if (figures.error) errors.push(`run ${run}, paste ${label}: ${figures.error}`);
    if (visit.typing?.error) errors.push(`run ${run}, typing: ${visit.typing.error}`);
    if (keys.error) errors.push(`run ${run}, key changes: ${keys.error}`);
    for (const [alg, figures] of Object.entries(keys)) if (figures?.error && alg !== 'error') errors.push(`run ${run}, key ${alg}: ${figures.error}`);
    for (const message of [...visit.errors, ...keys.errors]) errors.push(`run ${run}, page console: ${message}`);
    for (const failed of visit.load?.failedRequests ?? []) errors.push(`run ${run}, request: ${failed}`);
  }
  for (const { run, firstVisit: visits } of runs) {
    for (const [name, figures] of Object.entries(visits ?? {})) {
      if (figures.error) errors.push(`run ${run}, first visit to /, ${name}: ${figures.error}`);
      for (const failed of figures.failedRequests ?? []) errors.push(`run ${run}, first visit to /, ${name}, request: ${failed}`);
    }
  }

  const summary = summariseRuns(runs);
  summary.comparison = compareRuns(runs, [FLOOR.name, MONACO_FLOOR.name, ...(peer ? [peer.name] : [])]);
  summary.firstVisits = summariseFirstVisits(runs, ['ours', ...(peer ? [peer.name] : [])]);
  const budgets = checkBudgets(summary);
  const meta = {
    date: new Date().toISOString(),
    runs: RUNS,
    cpus: os.cpus().length,
    loadBefore,
    loadAfter: os.loadavg(),
    node: process.version,
    browserVersion: browser.version(),
    url: siteUrl,
    floorUrl: floorServer.url,
    peerUrl: peer ? process.env.BENCH_PEER_URL : null,
    builtAt: new Date(manifest.builtAt).toISOString(),
    seconds: (Date.now() - startedAt) / 1000,
    errors: [...new Set(errors)],
  };
  await writeFile(RESULTS_FILE, JSON.stringify({ meta, budgets, summary, runs, byLanguage }, null, 2) + '\n');
  printReport(summary, budgets, meta);
  printByLanguage(byLanguage);
}

function printByLanguage(byLanguage) {
  const signed = (kib) => `${kib >= 0 ? '+' : ''}${kib.toFixed(1)} KiB`;
  console.log(`\nJavaScript before Monaco, by the browser's language (against ${JS_BEFORE_MONACO_REFERENCE_KIB} KiB gz when the languages were asked for):`);
  const ours = byLanguage.filter((visit) => !visit.reference);
  const reference = byLanguage.find((visit) => visit.reference);
  for (const visit of ours) {
    if (visit.error) {
      console.log(`  ${visit.locale}: not measured (${visit.error})`);
      continue;
    }
    const kib = visit.gzip / 1024;
    console.log(`  ${visit.locale} (shown in ${visit.language}): ${kib.toFixed(1)} KiB gz in ${visit.files} files (${signed(kib - JS_BEFORE_MONACO_REFERENCE_KIB)})`);
  }
  if (!reference) return;
  if (reference.error) {
    console.log(`  the build before the languages (${reference.reference}): not measured (${reference.error})`);
    return;
  }
  const english = ours.find((visit) => visit.language === 'en' && !visit.error);
  const referenceKib = reference.gzip / 1024;
  console.log(`  the build before the languages (${reference.reference}), English, in this run: ${referenceKib.toFixed(1)} KiB gz in ${reference.files} files`);
  if (english) console.log(`  English now against it: ${signed(english.gzip / 1024 - referenceKib)}`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`\nThe benchmark could not run: ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  if (watchdog) clearTimeout(watchdog);
  await cleanUp();
}
// A report, not a test: missed budgets still exit 0; only a benchmark that could not run fails.
process.exit(exitCode);
