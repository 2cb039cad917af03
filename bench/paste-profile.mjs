// Where the time of a 1 KB paste goes in our token editor, on the production
// build: the page is opened as `npm run bench` opens it (a share link with a
// key, Monaco ready, the page quiet), then one 1 KB token is pasted with
// Control+V under a CDP CPU profile and a Chromium trace. Prints, per run, the
// moments from the keydown to the claims painted (Monaco's model changed,
// each React commit), and for the median run: which components rendered in
// each commit, what ran between the first commit and the one that shows the
// claims (what the decoder's useDeferredValue waited for), style, layout and
// paint time, and the functions with the most self time, by chunk.
// Usage: node bench/paste-profile.mjs (serves out/ on BENCH_PORT, default
// 3300; BENCH_SITE_DIR to profile another export; BENCH_RUNS, default 3).
// Not part of `npm run bench`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { currentBuild, serveSite } from '../scripts/site.mjs';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { inlineScriptHashesOf } from '../scripts/postbuild.mjs';
import { pageProbe } from './probe.mjs';
import { pasteRecorder } from './paste-recorder.mjs';
import { signJws, tokenOfSize } from './tokens.mjs';
import { describeFile, fileForUrl } from './assets.mjs';
import { groupSelfTime, mainThreadByKind, selfTimeByFunction, tasksBetween } from './paste-analysis.mjs';
import { summarise, table } from './stats.mjs';

const PORT = Number(process.env.BENCH_PORT) || 3300;
const RUNS = Number(process.env.BENCH_RUNS) || 3;
const PASTE_SIZE = 1024;
/** The source URL prefix of the benchmark's in-page scripts. */
const INSTRUMENTATION = 'bench-instrumentation:';
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'v8'];

const manifest = process.env.BENCH_SITE_DIR
  ? { basePath: '', outDir: path.resolve(process.env.BENCH_SITE_DIR), scriptHashes: await inlineScriptHashesOf(path.resolve(process.env.BENCH_SITE_DIR)) }
  : currentBuild('');
if (!manifest) throw new Error('no current build: run npm run build first');

const fixed = (value, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));

/** A chunk's short name and what it holds (React and Next.js's runtime, Monaco, or our code). */
function scriptLabel(siteUrl) {
  const cache = new Map();
  return (url) => {
    if (!url) return '(no script: native, garbage collector, idle)';
    if (url.startsWith(INSTRUMENTATION)) return `bench-instrumentation ${url.slice(INSTRUMENTATION.length)}`;
    if (cache.has(url)) return cache.get(url);
    const file = fileForUrl(manifest.outDir, siteUrl, url);
    let label = url.startsWith('http') ? `other: ${url}` : `(${url})`;
    if (file) {
      const name = path.basename(file);
      const kind = file.endsWith('.js') ? (describeFile(file).isMonaco ? 'Monaco' : classifyChunk(file)) : 'page';
      label = `${kind} ${name}`;
    }
    cache.set(url, label);
    return label;
  };
}

/** React DOM and Next.js's runtime are recognised by strings that survive minification. */
const chunkKinds = new Map();
function classifyChunk(file) {
  if (!chunkKinds.has(file)) {
    const text = readFileSync(file, 'utf8');
    let kind = 'app';
    if (text.includes('__reactContainer$') || text.includes('react-dom')) kind = 'React';
    else if (text.includes('__NEXT_DATA__') || text.includes('next-router') || text.includes('__next_f')) kind = 'Next.js';
    chunkKinds.set(file, kind);
  }
  return chunkKinds.get(file);
}

async function profileOnePaste(browser, siteUrl, run) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const marker = `paste_profile_${run}`;
  // Named, so that the CPU profile tells the benchmark's own instrumentation apart.
  await page.addInitScript({ content: `(${pageProbe})(${JSON.stringify({ monaco: '[data-testid="token-input"][data-editor="monaco"]' })});\n//# sourceURL=${INSTRUMENTATION}probe.js` });
  await page.addInitScript({ content: `(${pasteRecorder})();\n//# sourceURL=${INSTRUMENTATION}paste-recorder.js` });
  const iat = Math.floor(Date.now() / 1000);
  const linkToken = signJws('HS256', { sub: 'profile', iat, exp: iat + 3600 }, 'profile-secret');
  await page.goto(`${siteUrl}#${new URLSearchParams({ token: linkToken, key: 'profile-secret' })}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.watches.monaco.at !== null, null, { timeout: 60_000 });
  await page.waitForFunction(() => window.__pasteProfile.watchTokenModel(), null, { timeout: 10_000, polling: 100 });
  // As in npm run bench: the page quiet for half a second before the paste.
  await page.waitForFunction(
    () => {
      const tasks = window.__bench.longTasks;
      const last = tasks.length ? Math.max(...tasks.map((task) => task.start + task.duration)) : 0;
      return performance.now() - last >= 500;
    },
    null,
    { timeout: 15_000, polling: 100 },
  );

  const token = tokenOfSize(PASTE_SIZE, marker);
  await page.getByTestId('token-input').click();
  await page.keyboard.press('Control+A');
  await page.evaluate((value) => navigator.clipboard.writeText(value), token);
  await page.evaluate((name) => {
    window.__bench.watch('claims', `[data-testid="claim-row"][data-claim="${name}"]`);
    window.__pasteProfile.armed = true;
  }, marker);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await cdp.send('Profiler.start');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => window.__bench.watches.claims.paintedAt !== null, null, { timeout: 30_000, polling: 20 });
  await page.waitForTimeout(300);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const inPage = await page.evaluate(() => {
    const record = window.__pasteProfile;
    return {
      keydown: record.keydown,
      pasteEvent: record.pasteEvent ?? null,
      model: record.model,
      changeEvents: record.changeEvents,
      commits: record.commits,
      overheadMs: record.overheadMs,
      claims: window.__bench.watches.claims,
    };
  });
  await context.close();
  if (inPage.keydown === null) throw new Error('the Control+V keydown was not seen by the page');

  // The mark set at the keydown ties the trace's clock (µs) to the page's (ms).
  const mark = trace.traceEvents.find((event) => event.name === 'paste-profile-keydown');
  if (!mark) throw new Error('the keydown mark is missing from the trace');
  const toPageMs = (ts) => inPage.keydown + (ts - mark.ts) / 1000;
  const rendererPid = mark.pid;
  const mainTid = trace.traceEvents.find((event) => event.pid === rendererPid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')?.tid ?? mark.tid;
  const mainEvents = trace.traceEvents.filter((event) => event.pid === rendererPid && event.tid === mainTid);
  const keydownTask = mainEvents.find((event) => event.name === 'RunTask' && event.ph === 'X' && event.ts <= mark.ts && event.ts + event.dur >= mark.ts);
  return { inPage, profile, mainEvents, toPageMs, keydownTaskEnd: keydownTask ? toPageMs(keydownTask.ts + keydownTask.dur) : null };
}

/** The commit that put the claims in the DOM: the last one before the MutationObserver saw them. */
function claimsCommitOf(inPage) {
  return inPage.commits.filter((commit) => commit.at <= inPage.claims.at).at(-1) ?? null;
}

function milestonesOf({ inPage, keydownTaskEnd }) {
  const from = (at) => (at === null || at === undefined ? null : at - inPage.keydown);
  const edit = inPage.model[0] ?? null;
  const changeEvent = inPage.changeEvents[0] ?? null;
  const claimsCommit = claimsCommitOf(inPage);
  const firstCommit = inPage.commits[0] ?? null;
  return {
    'paste event': from(inPage.pasteEvent),
    "Monaco's model changed (text replaced, before its listeners)": from(edit?.changed ?? edit?.start),
    "Monaco's edit call returned": from(edit?.end),
    "the editor's change event starts (our onChange runs in it)": from(changeEvent?.start),
    'first React commit': from(firstCommit?.at),
    "the editor's change event returns": from(changeEvent?.end),
    'React commit that shows the claims': from(claimsCommit?.at),
    'claims in the DOM': from(inPage.claims.at),
    'the keydown task ends (Monaco, React, microtasks)': from(keydownTaskEnd),
    'claims painted (the frame after)': from(inPage.claims.paintedAt),
    'React commits until the claims were painted (number)': inPage.commits.filter((commit) => commit.at <= (inPage.claims.paintedAt ?? Infinity)).length,
    'recording the commits took (ms, in the times above)': inPage.overheadMs,
  };
}

function printDetails(result, label, siteUrl) {
  const { inPage, profile, mainEvents, toPageMs, keydownTaskEnd } = result;
  const start = inPage.keydown;
  const end = inPage.claims.paintedAt ?? inPage.claims.at;
  const from = (at) => fixed(at - start);
  console.log(`\nDetails of ${label} (ms after the Control+V keydown)`);

  console.log('\nReact commits, and the components that rendered in each (minified name, first element it renders; ×n when several):');
  const shown = inPage.commits.filter((commit) => commit.at <= end);
  shown.forEach((commit, index) => {
    let where = 'in a later task';
    if (commit.insideChangeEvent) where = "inside the editor's change event (our onChange, flushSync)";
    else if (commit.insideModelEdit) where = "inside Monaco's edit call";
    else if (keydownTaskEnd !== null && commit.at <= keydownTaskEnd) where = "after Monaco's edit, still in the keydown's task";
    const total = commit.rendered.reduce((sum, [, count]) => sum + count, 0);
    const list = commit.rendered.slice(0, 8).map(([name, count]) => `${name}${count > 1 ? ` ×${count}` : ''}`);
    console.log(`  ${index + 1}. at ${from(commit.at)} ms, ${where}: ${total} component render(s)`);
    for (const entry of list) console.log(`       ${entry}`);
    if (commit.rendered.length > 8) console.log(`       … and ${commit.rendered.length - 8} more kinds`);
  });
  const later = inPage.commits.length - shown.length;
  if (later) console.log(`  (${later} more commit(s) after the claims were painted, e.g. the signature check, are not listed)`);

  const describeScript = scriptLabel(siteUrl);
  const firstCommit = inPage.commits[0]?.at ?? start;
  const claimsAt = inPage.claims.at;
  const gap = tasksBetween(mainEvents, toPageMs, firstCommit, claimsAt, describeScript);
  console.log(
    `\nWhat the claims waited behind after the first commit (${from(firstCommit)} ms) until they were in the DOM (${from(claimsAt)} ms) — the decoder's useDeferredValue render and anything before it; main-thread tasks that started in that span:`,
  );
  if (gap.length === 0) console.log('  none: the claims came in the same task as the first commit (no task in between)');
  else
    console.log(
      table(
        ['task starts', 'lasts', 'what took its time (ms; largest first)'],
        gap.map((task) => [from(task.start), fixed(task.duration), task.content.map(([name, ms]) => `${name} ${fixed(ms)}`).join(', ') || '(little: scheduling)']),
      ),
    );

  const { totals, forced } = mainThreadByKind(mainEvents, toPageMs, start, end);
  console.log(`\nStyle, layout and paint from the keydown to the claims painted (${fixed(end - start)} ms), main thread:`);
  console.log(
    table(
      ['kind', 'ms', 'of which forced by a script'],
      Object.entries(totals)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, ms]) => [kind, fixed(ms), kind in forced ? fixed(forced[kind]) : '']),
    ),
  );

  const functions = selfTimeByFunction(profile, toPageMs, start, end);
  const groups = groupSelfTime(functions, (entry) => (entry.ownerUrl ? describeScript(entry.ownerUrl).split(' ')[0] : entry.functionName || '(anonymous)'));
  console.log(`\nCPU profile (sampled every 0.1 ms), self time from the keydown to the claims painted, by code (a native call counts for the script that made it):`);
  console.log(table(['code', 'self ms'], groups.map((group) => [group.name, fixed(group.selfMs)])));
  console.log('\nFunctions with the most self time (minified names; chunk:line:column):');
  console.log(
    table(
      ['function', 'where', 'self ms'],
      functions.slice(0, 12).map((entry) => [
        entry.functionName || '(anonymous)',
        entry.url ? `${describeScript(entry.url)}:${entry.lineNumber + 1}:${entry.columnNumber + 1}` : entry.ownerUrl ? `native, called from ${describeScript(entry.ownerUrl)}` : '',
        fixed(entry.selfMs),
      ]),
    ),
  );
}

const server = await serveSite(manifest, { port: PORT, quiet: true });
const SITE_URL = server.url;
const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
try {
  const results = [];
  for (let run = 1; run <= RUNS; run += 1) {
    process.stderr.write(`[paste-profile] run ${run} of ${RUNS}…\n`);
    results.push(await profileOnePaste(browser, SITE_URL, run));
  }
  const milestones = results.map(milestonesOf);
  const names = Object.keys(milestones[0]);
  console.log(`\nA 1 KB token pasted (Control+V) into the token editor, production build, ${RUNS} fresh pages opened with a share link and a key; ms after the keydown`);
  console.log(
    table(
      ['moment', ...results.map((_, index) => `run ${index + 1}`), 'median'],
      names.map((name) => {
        const values = milestones.map((row) => row[name]);
        const digits = name.includes('(number)') ? 0 : 1;
        return [name, ...values.map((value) => fixed(value, digits)), fixed(summarise(values).median, digits)];
      }),
    ),
  );
  // The details of the run whose claims were painted at the median time.
  const painted = milestones.map((row) => row['claims painted (the frame after)'] ?? Infinity);
  const order = painted.map((value, index) => [value, index]).sort((a, b) => a[0] - b[0]);
  const median = order[Math.floor((order.length - 1) / 2)][1];
  printDetails(results[median], `run ${median + 1} (the median run)`, SITE_URL);
} finally {
  await browser.close();
  await server.stop();
}
