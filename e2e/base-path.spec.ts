import { test, expect, waitForMonaco, fillEditor } from './fixtures';

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
});
