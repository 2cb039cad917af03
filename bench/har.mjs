// node bench/har.mjs: a HAR file of about 10 MB opened with "Open a file…" in the
// decoder, on the production build. Prints how long until every token in it is
// listed, and the longest main-thread task from choosing the file until then
// (the target: none over 200 ms), beside a floor measured in the same run: the
// same page reading the same file with File.text() and JSON.parse alone.
// A report, not a test: it exits 0 whatever it measures (1 only when it could not run).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuilt, serveSite } from '../scripts/site.mjs';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { signJws } from './tokens.mjs';
import { summarise, spread, formatMs } from './stats.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const PORT = Number(process.env.BENCH_PORT) || 3310;
const TARGET_BYTES = 10 * 1024 * 1024;
const LONGEST_TASK_LIMIT_MS = 200;

/**
 * A HAR of about `bytes` bytes; each entry carries one token, in a request header or in a JSON
 * response body by turns. Fewer tokens than the finder lists at most, so the whole file is read.
 */
function makeHar(bytes) {
  const tokens = [];
  const entries = [];
  const filler = 'lorem ipsum dolor sit amet, '.repeat(600);
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const token = signJws('HS256', { sub: `user-${i}`, n: i }, 'bench-har-secret');
    tokens.push(token);
    const inRequest = i % 2 === 0;
    const body = JSON.stringify({ ...(inRequest ? {} : { access_token: token }), note: filler });
    const entry = {
      startedDateTime: '2026-12-04T10:00:00.000Z',
      time: 1,
      request: { method: 'GET', url: `https://api.example.com/items/${i}`, httpVersion: 'HTTP/1.1', headers: inRequest ? [{ name: 'Authorization', value: `Bearer ${token}` }] : [], cookies: [], queryString: [], headersSize: -1, bodySize: 0 },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Type', value: 'application/json' }], cookies: [], content: { size: body.length, mimeType: 'application/json', text: body }, redirectURL: '', headersSize: -1, bodySize: body.length },
      cache: {},
      timings: { send: 0, wait: 1, receive: 1 },
    };
    size += JSON.stringify(entry).length;
    entries.push(entry);
  }
  return { text: JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } }), tokens };
}

/** Records every long task from page start (PerformanceObserver 'longtask'). */
function watchLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

function longestFrom(tasks, from) {
  return tasks.filter((task) => task.start + task.duration > from).reduce((longest, task) => Math.max(longest, task.duration), 0);
}

async function ours(browser, siteUrl, file, tokenCount) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  await page.goto(siteUrl);
  await page.getByTestId('token-input').waitFor();
  // Let the page settle (Monaco loads when idle) so its own start-up is not counted.
  await page.waitForTimeout(3000);
  const started = await page.evaluate(() => performance.now());
  await page.locator('input[type="file"]').first().setInputFiles(file);
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="found-token"]').length >= count, tokenCount, { timeout: 120_000, polling: 50 });
  const done = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => window.__longTasks);
  const listed = await page.getByTestId('found-token').count();
  await context.close();
  return { time: done - started, longest: longestFrom(tasks, started), listed };
}

async function floor(browser, siteUrl, file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  // The same origin and page, but the file is only read and parsed: the least any page must do.
  await page.goto(siteUrl);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-floor-file';
    input.addEventListener('change', async () => {
      const text = await input.files[0].text();
      window.__floorEntries = JSON.parse(text).log.entries.length;
    });
    document.body.append(input);
  });
  await page.waitForTimeout(3000);
  const started = await page.evaluate(() => performance.now());
  await page.locator('#bench-floor-file').setInputFiles(file);
  await page.waitForFunction(() => window.__floorEntries > 0, null, { timeout: 60_000, polling: 50 });
  const done = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => window.__longTasks);
  await context.close();
  return { time: done - started, longest: longestFrom(tasks, started) };
}

async function main() {
  const build = await ensureBuilt('');
  const server = await serveSite(build, { port: PORT, quiet: true });
  const folder = await mkdtemp(path.join(os.tmpdir(), 'bench-har-'));
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const { text, tokens } = makeHar(TARGET_BYTES);
    const file = path.join(folder, 'recording.har');
    await writeFile(file, text);
    console.log(`HAR: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${tokens.length} tokens, ${RUNS} alternated runs`);
    const results = { ours: [], floor: [] };
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours'];
      for (const side of order) {
        const result = side === 'ours' ? await ours(browser, server.url, file, tokens.length) : await floor(browser, server.url, file);
        results[side].push(result);
        console.log(`  run ${run + 1} ${side}: ${formatMs(result.time)} ms until ${side === 'ours' ? `all ${result.listed} tokens listed` : 'parsed'}, longest task ${formatMs(result.longest)} ms`);
      }
    }
    const time = { ours: summarise(results.ours.map((r) => r.time)), floor: summarise(results.floor.map((r) => r.time)) };
    const longest = { ours: summarise(results.ours.map((r) => r.longest)), floor: summarise(results.floor.map((r) => r.longest)) };
    console.log(`Until listed: ours ${spread(time.ours, formatMs)}, floor (read + JSON.parse) ${spread(time.floor, formatMs)}`);
    console.log(`Longest task: ours ${spread(longest.ours, formatMs)}, floor ${spread(longest.floor, formatMs)}`);
    const met = longest.ours.median <= LONGEST_TASK_LIMIT_MS;
    console.log(`${met ? '✓' : '✗'} a 10 MB HAR is read without a task over ${LONGEST_TASK_LIMIT_MS} ms (median of the runs' longest task: ${formatMs(longest.ours.median)})`);
  } finally {
    await browser.close();
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
