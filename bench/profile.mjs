// Where the time of a share-link visit goes: one cold visit with a Chromium
// trace, summarised as a timeline (network, parsing, style and layout, script
// compile and run per file) up to the moment the link's token is painted, and
// up to the moment React's view of it is on screen. Usage: node bench/profile.mjs (serves out/ on BENCH_PORT, default 3300;
// BENCH_SITE_DIR to profile another export). Not part of `npm run bench`.
import { chromium } from '@playwright/test';
import { currentBuild, serveSite } from '../scripts/site.mjs';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { pageProbe } from './probe.mjs';
import { signJws } from './tokens.mjs';
import { inlineScriptHashesOf } from '../scripts/postbuild.mjs';

const PORT = Number(process.env.BENCH_PORT) || 3300;
const RUNS = Number(process.env.BENCH_RUNS) || 3;

const manifest = process.env.BENCH_SITE_DIR ? { basePath: '', outDir: process.env.BENCH_SITE_DIR, scriptHashes: await inlineScriptHashesOf(process.env.BENCH_SITE_DIR) } : currentBuild('');
if (!manifest) throw new Error('no current build: run npm run build first');
const server = await serveSite(manifest, { port: PORT, quiet: true });
const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
try {
  for (let run = 1; run <= RUNS; run += 1) {
    const marker = `profile_${run}`;
    const iat = Math.floor(Date.now() / 1000);
    const token = signJws('HS256', { [marker]: 'x', sub: 'profile', iat, exp: iat + 3600 }, 'secret');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(pageProbe, {
      shown: `[data-boot-claim="${marker}"], [data-testid="claim-row"][data-claim="${marker}"]`,
      react: `[data-testid="claim-row"][data-claim="${marker}"]`,
      monaco: '[data-testid="token-input"][data-editor="monaco"]',
    });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
    await page.goto(`${server.url}#${new URLSearchParams({ token })}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.watches.monaco.at !== null, null, { timeout: 60_000 });
    const inPage = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      watches: window.__bench.watches,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      nav: performance.getEntriesByType('navigation')[0]?.toJSON(),
      resources: performance.getEntriesByType('resource').map((entry) => ({ name: entry.name.replace(/^.*\//, ''), start: entry.startTime, end: entry.responseEnd })),
    }));
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    await context.close();

    // Trace times are µs on the browser's monotonic clock; navigationStart of the main frame is our zero.
    const events = trace.traceEvents;
    const nav = events.filter((event) => event.name === 'navigationStart' && event.args?.data?.isLoadingMainFrame && String(event.args?.data?.documentLoaderURL).startsWith('http')).at(-1);
    const zero = nav ? nav.ts : Math.min(...events.filter((event) => event.ts > 0).map((event) => event.ts));
    const rendererPid = nav?.pid;
    const main = events.filter((event) => event.pid === rendererPid && event.ph === 'X' && event.dur);
    const mainTid = main.find((event) => event.name === 'ParseHTML')?.tid;
    /** Main-thread time by kind (parse, style, layout, script per file…) from navigation start up to `untilMs`. */
    const mainThreadUpTo = (untilMs) => {
      const until = untilMs * 1000 + zero;
      const totals = new Map();
      const add = (key, dur) => totals.set(key, (totals.get(key) ?? 0) + dur / 1000);
      for (const event of main) {
        if (event.tid !== mainTid || event.ts >= until) continue;
        const dur = Math.min(event.dur, until - event.ts); // the part before the cut-off
        const file = String(event.args?.data?.url ?? event.args?.data?.fileName ?? '').replace(/^.*\//, '');
        if (event.name === 'EvaluateScript' || event.name === 'v8.compile' || event.name === 'v8.compileModule') add(`${event.name === 'EvaluateScript' ? 'run' : 'compile'} ${file || '(inline)'}`, dur);
        else if (['ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'ParseAuthorStyleSheet', 'FunctionCall', 'TimerFire', 'RunMicrotasks', 'V8.GCScavenger', 'MajorGC', 'MinorGC', 'DocumentLoader::CommitNavigation', 'Commit'].includes(event.name)) add(event.name, dur);
      }
      return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14);
    };
    const n = inPage.nav;
    console.log(`\nrun ${run}: response ${n.responseStart.toFixed(0)}–${n.responseEnd.toFixed(0)} ms, DOMContentLoaded ${n.domContentLoadedEventEnd.toFixed(0)}, FCP ${inPage.fcp?.toFixed(0)}, link painted ${inPage.watches.shown.at?.toFixed(0)} (frame ${inPage.watches.shown.paintedAt?.toFixed(0)}), React view ${inPage.watches.react.at?.toFixed(0)}, Monaco ${inPage.watches.monaco.at?.toFixed(0)}`);
    console.log('  downloads before React view: ' + inPage.resources.filter((entry) => entry.end <= (inPage.watches.react.at ?? 0)).map((entry) => `${entry.name} ${entry.start.toFixed(0)}–${entry.end.toFixed(0)}`).join(', '));
    for (const [label, at] of [['the link painted', inPage.watches.shown.paintedAt], ['React view', inPage.watches.react.at]]) {
      if (at == null) continue;
      console.log(`  main thread until ${label} (ms; an event inside another is counted in both):`);
      for (const [key, ms] of mainThreadUpTo(at)) console.log(`    ${ms.toFixed(1).padStart(7)}  ${key}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
