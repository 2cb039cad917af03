import { test, expect, waitForMonaco, fillEditor } from './fixtures';
import { hs256 } from './tokens';

test.describe('offline', () => {
  // The probe below fails on purpose while offline; any other console error still fails the test.
  test.use({ serviceWorkers: 'allow', allowConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/] });

  test('once loaded, the page opens and decodes without a network', async ({ page, context, watch }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    await waitForMonaco(page, 'token-input');
    // The worker installs once the page has loaded and the user has done something (or after a few idle
    // seconds), precaching the whole build (Monaco and its workers included).
    await page.keyboard.press('Shift');
    const cached = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      let entries = 0;
      for (const name of names) entries += (await (await caches.open(name)).keys()).length;
      return { scope: registration.scope, active: registration.active?.state, names, entries };
    });
    expect(cached.scope).toBe(new URL('./', page.url()).href);
    expect(['activating', 'activated']).toContain(cached.active);
    expect(cached.entries).toBeGreaterThan(10);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    // The network is really gone, for the page and for the worker: a file that is not precached fails.
    const probe = await page.evaluate(() =>
      fetch('./not-precached-' + Date.now() + '.txt').then(
        (response) => `status ${response.status}`,
        () => 'failed',
      ),
    );
    expect(probe).toBe('failed');

    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', hs256({ sub: 'offline-user', iat: 1_700_000_000 }, 'offline-secret'));
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "offline-user"');
    await fillEditor(page, 'key-input', 'offline-secret');
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    // Monaco's workers started from the cache too (a broken worker logs an error the fixture would catch).
    expect(watch.consoleErrors.filter((message) => /worker/i.test(message))).toEqual([]);
    await context.setOffline(false);
  });

  test('the worker caches nothing a user opened: a ?token= address is not stored', async ({ page }) => {
    test.setTimeout(120_000);
    const token = hs256({ sub: 'not-cached' }, 'secret');
    await page.goto('./');
    await waitForMonaco(page, 'token-input');
    await page.keyboard.press('Shift');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.goto('./?token=' + token);
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "not-cached"');
    const keys = await page.evaluate(async () => {
      const all: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) all.push(request.url);
      return all;
    });
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((url) => url.includes('token') || url.includes('?'))).toEqual([]);
  });
});
