import { test, expect, waitForMonaco } from './fixtures';
import { hs256 } from './tokens';

const now = Math.floor(Date.now() / 1000);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

// Aborted script downloads are logged by the browser; that is the point of the first step.
test.use({ allowConsoleErrors: [/Failed to load resource/] });

/** The page's JavaScript (its CSS is under the same folder and stays). */
const SCRIPTS = /\/_next\/static\/chunks\/.*\.js(\?.*)?$/;

test('a share link shows its token at first paint, without the page scripts, and React then takes over the same view alone', async ({ page }) => {
  const secret = 'first-paint-secret';
  const hostile = '<img src=x onerror="window.__injected=1">';
  const payload = { sub: 'painted-before-react', first_paint_claim: 'from the link', [hostile]: hostile, iat: now - 120, exp: now + 3600 };
  const token = hs256(payload, secret);
  const pretty = JSON.stringify(payload, null, 2);
  const preview = page.locator('[data-link-preview]');

  await test.step('with every script of the page blocked, the link still shows its header, payload and dated claims as text', async () => {
    await page.route(SCRIPTS, (route) => route.abort());
    for (const link of ['./#' + new URLSearchParams({ token, key: secret }), './#debugger-io?' + new URLSearchParams({ token })]) {
      // From a blank page: between two links to the same page only the fragment would change, and no new document load.
      await page.goto('about:blank');
      await page.goto(link, { waitUntil: 'load' });
      await expect(preview.locator('[data-boot-part="payload"]')).toBeVisible();
      await expect(preview.locator('[data-boot-part="payload"]')).toHaveText(pretty);
      await expect(preview.locator('[data-boot-part="header"]')).toHaveText(JSON.stringify({ alg: 'HS256', typ: 'JWT' }, null, 2));
      await expect(preview.locator('[data-boot-claim="exp"]')).toContainText(iso(now + 3600));
      await expect(preview.locator('[data-boot-claim="exp"]')).toContainText(/valid for (59|60) more minutes|valid for 1 more hour/);
      await expect(preview.locator('[data-boot-claim="iat"]')).toContainText('issued 2 minutes ago');
      // Claim names and values are text, never markup.
      await expect(preview.locator('img')).toHaveCount(0);
      await expect(preview.locator('[data-boot-claim="sub"]')).toContainText('painted-before-react');
      expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
      // Neither the notice nor the prerendered sample is seen.
      await expect(page.getByTestId('link-opening')).toBeHidden();
      await expect(page.locator('[data-testid="claim-row"][data-claim="email"]')).toBeHidden();
    }
    await page.unroute(SCRIPTS);
    await page.goto('about:blank');
  });

  await test.step('held scripts: the painted view is there first; once React runs there is one payload view, React’s, with the same content', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(SCRIPTS, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto('./#' + new URLSearchParams({ token }), { waitUntil: 'domcontentloaded' });
    await expect(preview.locator('[data-boot-claim="first_paint_claim"]')).toBeVisible();
    await expect(page.getByTestId('link-opening')).toBeHidden();
    const paintedBox = await preview.locator('[data-boot-part="payload"]').boundingBox();

    release();
    await expect(page.locator('[data-testid="claim-row"][data-claim="first_paint_claim"]')).toBeVisible();
    await expect(preview).toHaveCount(0);
    await expect(page.locator('[data-boot-part], [data-boot-claim]')).toHaveCount(0);
    await expect(page.getByTestId('decoded-payload')).toHaveCount(1);
    await expect(page.getByTestId('decoded-payload')).toHaveText(pretty);
    await expect(page.locator('pre:visible', { hasText: '"first_paint_claim"' })).toHaveCount(1);
    await expect(page.locator('[data-testid="claim-row"][data-claim="email"]')).toHaveCount(0);
    await expect(page.getByTestId('link-opening')).toBeHidden();
    expect(await page.evaluate(() => [document.documentElement.hasAttribute('data-link-painted'), document.documentElement.hasAttribute('data-opening-link')])).toEqual([false, false]);
    // React's payload view sits where the painted one was.
    const reactBox = await page.getByTestId('decoded-payload').boundingBox();
    expect(Math.abs((reactBox?.y ?? 0) - (paintedBox?.y ?? 1000))).toBeLessThanOrEqual(4);
    await waitForMonaco(page, 'token-input');
    await expect(page.getByTestId('decoded-payload')).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  });
});

test('a share link’s token is painted before the page’s own scripts are even requested', async ({ page }) => {
  // The time of the first frame, as the page sees it (before any of its own scripts run).
  await page.addInitScript(() => {
    requestAnimationFrame(() => ((window as unknown as { __firstFrameAt?: number }).__firstFrameAt = performance.now()));
  });
  const token = hs256({ sub: 'scripts-after-paint', iat: now, exp: now + 600 }, 'scripts-after-paint');
  await page.goto('./#' + new URLSearchParams({ token }));
  await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toContainText('scripts-after-paint');
  const { firstFrameAt, chunkStarts } = await page.evaluate(() => ({
    firstFrameAt: (window as unknown as { __firstFrameAt?: number }).__firstFrameAt ?? null,
    chunkStarts: performance
      .getEntriesByType('resource')
      .filter((entry) => /\/_next\/static\/chunks\/[^/]+\.js$/.test(entry.name))
      .map((entry) => entry.startTime),
  }));
  expect(firstFrameAt).not.toBeNull();
  // The page's scripts did load (React shows the claim): with no chunk seen, the comparison would prove nothing.
  expect(chunkStarts.length, 'script chunks the page requested').toBeGreaterThan(0);
  expect(Math.min(...chunkStarts)).toBeGreaterThanOrEqual(firstFrameAt!);
});
