import { test, expect, waitForMonaco, fillEditor, readClipboard } from './fixtures';
import { hs256 } from './tokens';

const now = Math.floor(Date.now() / 1000);

test.describe('guards', () => {
  test('credentials leave the address bar, and a key is never shared by habit', async ({ page, context }) => {
    const secret = 'guards-query-secret';
    const token = hs256({ sub: 'from-the-query', iat: now }, secret);
    const redirected = hs256({ sub: 'from-a-sign-in-redirect', iat: now }, 'another-secret');

    await test.step('a token and key in the query string are read, then removed without moving into the fragment', async () => {
      await page.goto(`./?lang=en&token=${token}&key=${secret}`);
      await waitForMonaco(page, 'token-input');
      await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "from-the-query"');
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      const url = new URL(page.url());
      expect(url.search).toBe('?lang=en');
      expect(url.hash).toBe('');
      expect(await page.evaluate(() => window.location.href)).not.toContain(secret);
      const notice = page.getByTestId('link-notice');
      await expect(notice).toContainText('"token" and "key"');
      await expect(notice).toContainText(/query string .* is sent to the server/);
      await expect(notice).toContainText(/kept in this page only/);
    });

    await test.step('a sign-in redirect fragment opens the token and is then removed, with a notice', async () => {
      await page.evaluate((t) => (window.location.hash = `id_token=${t}&state=af0ifjsldkj&token_type=Bearer`), redirected);
      await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "from-a-sign-in-redirect"');
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('');
      expect(new URL(page.url()).search).toBe('?lang=en');
      await expect(page.getByTestId('link-notice')).toContainText(/"id_token" after the #\. A fragment is not sent to the server/);
    });

    await test.step('"Include the key" starts cleared, and a link with a secret is not copied until Copy is clicked', async () => {
      await fillEditor(page, 'key-input', 'another-secret');
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await page.getByTestId('share-button').click();
      const include = page.getByTestId('share-include-key');
      await expect(include).not.toBeChecked();
      const keyless = await page.getByTestId('share-url').inputValue();
      expect(keyless).not.toContain('another-secret');
      expect(await readClipboard(context)).toBe(keyless);

      await include.check();
      await expect(page.getByTestId('share-key-warning')).toContainText(/forge/);
      await expect(page.getByTestId('share-key-warning')).toContainText(/not been copied/);
      const withKey = await page.getByTestId('share-url').inputValue();
      expect(new URLSearchParams(new URL(withKey).hash.slice(1)).get('key')).toBe('another-secret');
      expect(await readClipboard(context)).toBe(keyless);

      await page.getByTestId('share-copy').click();
      await expect(page.getByTestId('share-key-warning')).toContainText(/on the clipboard/);
      expect(await readClipboard(context)).toBe(withKey);
    });

    await test.step('the tick clears when the panel opens again, the key changes or the mode changes', async () => {
      const include = page.getByTestId('share-include-key');
      await page.getByTestId('share-button').click();
      await expect(include).not.toBeChecked();

      await include.check();
      await expect(include).toBeChecked();
      await fillEditor(page, 'key-input', 'a-changed-secret');
      await expect(include).not.toBeChecked();
      await expect(page.getByTestId('share-key-warning')).toHaveCount(0);
      expect(await page.getByTestId('share-url').inputValue()).not.toContain('a-changed-secret');

      await include.check();
      await page.getByTestId('mode-encode').click();
      await expect(include).not.toBeChecked();
      await page.getByTestId('mode-decode').click();
      await expect(include).not.toBeChecked();
    });
  });
});
