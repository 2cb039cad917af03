import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, fillEditor, waitForMonaco } from './fixtures';
import { hs256 } from './tokens';

/** The requests the service worker makes (its precache), with when they were seen. */
function recordWorkerRequests(context: BrowserContext): { url: string; at: number }[] {
  const seen: { url: string; at: number }[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker() !== null) seen.push({ url: request.url(), at: Date.now() });
  });
  return seen;
}

/** Waits for the worker to be installed and in control, and returns how many files it lists and how many it has cached. */
async function completedPrecache(page: Page): Promise<{ listed: number; cached: number }> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return page.evaluate(async () => {
    const source = await (await fetch('./sw.js')).text();
    const listed = (JSON.parse(/const PRECACHE = (.*);/.exec(source)?.[1] ?? '[]') as string[]).length;
    let cached = 0;
    for (const name of await caches.keys()) cached += (await (await caches.open(name)).keys()).length;
    return { listed, cached };
  });
}

test.describe('the offline copy of a first visit', () => {
  test.use({ serviceWorkers: 'allow', allowConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/] });

  test('downloads nothing for offline use in the first seconds after the load; the first key press makes the copy, and the page then works offline', async ({ page, context }) => {
    test.setTimeout(120_000);
    const byWorker = recordWorkerRequests(context);
    await page.goto('./');
    const loadedAt = Date.now();
    await page.waitForTimeout(2_000);
    expect(byWorker.map((request) => request.url), 'precache requests in the first 2 s after the load').toEqual([]);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);

    const interactedAt = Date.now();
    await page.keyboard.press('Shift');
    const { listed, cached } = await completedPrecache(page);
    expect(listed).toBeGreaterThan(10);
    expect(cached).toBe(listed);
    expect(byWorker.length).toBeGreaterThanOrEqual(listed);
    expect(Math.min(...byWorker.map((request) => request.at))).toBeGreaterThanOrEqual(interactedAt);
    expect(interactedAt - loadedAt).toBeGreaterThanOrEqual(2_000);

    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', hs256({ sub: 'offline-after-a-key-press' }, 'secret'));
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "offline-after-a-key-press"');
    await context.setOffline(false);
  });

  test('with no interaction at all, makes the copy by itself a few seconds after the load', async ({ page, context }) => {
    test.setTimeout(120_000);
    const byWorker = recordWorkerRequests(context);
    await page.goto('./');
    const loadedAt = Date.now();
    const { listed, cached } = await completedPrecache(page);
    expect(cached).toBe(listed);
    expect(byWorker.length).toBeGreaterThanOrEqual(listed);
    expect(Math.min(...byWorker.map((request) => request.at)) - loadedAt, 'ms from the load to the first precache request').toBeGreaterThanOrEqual(4_000);
  });
});
