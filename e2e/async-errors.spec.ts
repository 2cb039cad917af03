import { test, expect, waitForMonaco } from './fixtures';
import { decoderLink, hs256 } from './tokens';

/**
 * A panel that waits for code or crypto must say so when that fails, not keep
 * "Checking…" or an empty space for ever. The code each panel loads on demand is
 * made unreachable (as offline, or behind a filter that blocks scripts) after the
 * page has started; each panel then shows why it has no answer.
 */

// Blocked scripts are logged by the browser; uncaught errors are checked below.
test.use({ allowConsoleErrors: [/./] });

test('panels whose code cannot load say why instead of waiting for ever', async ({ page, watch }) => {
  const secret = 'a-long-enough-secret-for-hs256-0123';
  await page.goto(decoderLink({ token: hs256({ sub: 'offline', iss: 'https://issuer.example' }, secret) }));
  await waitForMonaco(page, 'token-input');
  await expect(page.getByTestId('decoded-payload')).toContainText('offline');
  await expect(page.getByTestId('lab-tab-snippets')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('keytools-open').click();
  await expect(page.getByTestId('convert-input')).toBeVisible({ timeout: 20_000 });

  await page.route('**/_next/static/chunks/**', (route) => route.abort());

  await test.step('the key converter', async () => {
    await page.getByTestId('convert-input').fill('{"kty":"oct","k":"c2VjcmV0"}');
    await expect(page.getByTestId('convert-status')).toContainText('could not be converted', { timeout: 20_000 });
  });

  await test.step('the code snippets', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('lab-tab-snippets').click();
    await expect(page.getByTestId('snippet-error')).toContainText('could not be made', { timeout: 20_000 });
  });

  expect(watch.consoleErrors.filter((message) => message.startsWith('uncaught:'))).toEqual([]);
});
