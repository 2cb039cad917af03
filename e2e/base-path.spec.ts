import { test, expect, waitForMonaco, fillEditor } from './fixtures';
import { keyPairs, signWith } from './tokens';

// The same site built with BASE_PATH=/tools/jwt, served under that path.
const basePathUrl = process.env.E2E_BASE_PATH_URL ?? 'http://127.0.0.1:3101/tools/jwt/';

test.describe('hosted under a base path', () => {
  test.use({ baseURL: basePathUrl });

  test('the page, its scripts and Monaco load from under the base path', async ({ page, watch }) => {
    await page.goto(basePathUrl);
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', 'typed under a base path');
    await expect(page.getByTestId('token-input').locator('.view-lines')).toContainText('typed under a base path');
    const basePath = new URL(basePathUrl).pathname;
    const assets = watch.requests.filter((request) => new URL(request.url).pathname.includes('/_next/'));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(new URL(asset.url).pathname.startsWith(basePath)).toBe(true);
  });

  test('a share link opens under the base path: claims decoded, signature valid, and new links keep the path', async ({ page }) => {
    const now = Math.floor(Date.now() / 1000);
    const { rsa } = keyPairs();
    const token = signWith('RS256', rsa.privateKey, { sub: 'base-path-user', iss: 'https://issuer.example', iat: now, exp: now + 600 });
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const link = basePathUrl + '#' + new URLSearchParams({ token, key: pem }).toString();
    await page.goto(link);
    await waitForMonaco(page, 'token-input');
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "base-path-user"');
    await expect(page.locator('[data-testid="claim-row"][data-claim="iss"]')).toContainText('https://issuer.example');
    await expect(page.locator('[data-testid="claim-row"][data-claim="exp"]')).toContainText(/in 10 minutes/);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');

    await page.getByTestId('share-button').click();
    await page.getByTestId('share-include-key').check();
    await expect(page.getByTestId('share-url')).toHaveValue(link);
  });

  test.describe('with the service worker', () => {
    test.use({ serviceWorkers: 'allow' });

    test('the service worker is scoped to the base path and precaches the build', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(basePathUrl);
      // The first interaction once the page is running starts the offline copy.
      await waitForMonaco(page, 'token-input');
      await page.keyboard.press('Shift');
      const worker = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        let entries: string[] = [];
        for (const name of await caches.keys()) entries = entries.concat((await (await caches.open(name)).keys()).map((request) => request.url));
        return { scope: registration.scope, script: registration.active?.scriptURL, entries };
      });
      expect(worker.scope).toBe(basePathUrl);
      expect(worker.script).toBe(basePathUrl + 'sw.js');
      expect(worker.entries).toContain(basePathUrl);
      expect(worker.entries.every((url) => url.startsWith(basePathUrl))).toBe(true);
      expect(worker.entries.some((url) => url.includes('/_next/static/'))).toBe(true);
    });
  });

  test('each page inlines its first view’s CSS and applies the whole sheet from under the base path', async ({ page }) => {
    const basePath = new URL(basePathUrl).pathname;
    for (const url of [basePathUrl, basePathUrl + 'privacy/']) {
      await page.goto(url);
      const sheet = page.locator('link[rel="stylesheet"][data-precedence]');
      expect(new URL((await sheet.getAttribute('href')) ?? '', url).pathname.startsWith(basePath + '_next/static/')).toBe(true);
      await expect(sheet).toHaveAttribute('media', 'all');
      const rules = await page.evaluate(() => {
        const link = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"][data-precedence]');
        return { whole: link?.sheet?.cssRules.length ?? 0, inlined: (link?.previousElementSibling as HTMLStyleElement | null)?.sheet?.cssRules.length ?? 0 };
      });
      expect(rules.inlined).toBeGreaterThan(0);
      expect(rules.whole).toBeGreaterThan(rules.inlined);
    }
  });

  test('the privacy page and the home link stay under the base path', async ({ page }) => {
    await page.goto(basePathUrl + 'privacy/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const home = await page.getByRole('link', { name: /JWT Workbench/ }).getAttribute('href');
    expect(new URL(home ?? '', page.url()).href).toBe(basePathUrl);
  });
});
