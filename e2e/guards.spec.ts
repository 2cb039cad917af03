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
      await expect(page.getByTestId('link-notice')).toContainText(/"id_token" after the #.*A fragment is not sent to the server/);
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

  test('the encoder shows what it signs, and the key notes fire for the pasted key', async ({ page }) => {
    await test.step('duplicate members, an integer beyond 2^53 and an overflowing number are pointed out, and the signed JSON is shown', async () => {
      await page.goto('./');
      await page.getByTestId('mode-encode').click();
      await waitForMonaco(page, 'encoder-payload');
      await fillEditor(page, 'encoder-payload', '{"sub":"first","sub":"second","id":9007199254740993,"n":1e400,"ok":1.5}');
      const warnings = page.locator('[data-testid="signed-json-warning"][data-part="payload"]');
      await expect(warnings).toHaveCount(3);
      await expect(warnings.nth(0)).toContainText('"sub" appears more than once');
      await expect(warnings.nth(1)).toContainText('9007199254740993 is beyond 2^53 and is signed as 9007199254740992');
      await expect(warnings.nth(2)).toContainText('1e400 is too large for a number and is signed as null');
      const signed = '{"sub":"second","id":9007199254740992,"n":null,"ok":1.5}';
      await expect(page.getByTestId('signed-payload-json')).toHaveText(signed);
      const encoded = page.getByTestId('encoded-token');
      await expect(encoded).toHaveAttribute('data-token', /^[\w-]+\.[\w-]+\.[\w-]+$/);
      await expect
        .poll(async () => Buffer.from(((await encoded.getAttribute('data-token')) ?? '').split('.')[1] ?? '', 'base64url').toString('utf8'))
        .toBe(signed);
    });

    await test.step('clean JSON has no warning', async () => {
      await fillEditor(page, 'encoder-payload', '{"sub":"clean","n":1.0}');
      await expect(page.getByTestId('signed-payload-json')).toHaveText('{"sub":"clean","n":1}');
      await expect(page.getByTestId('signed-json-warning')).toHaveCount(0);
    });

    await test.step('a short secret gets the weak-secret note; a public key for an HMAC token the confusion note', async () => {
      await page.getByTestId('mode-decode').click();
      await waitForMonaco(page, 'token-input');
      await fillEditor(page, 'token-input', hs256({ sub: 'weak', iat: now }, 'secret'));
      await fillEditor(page, 'key-input', 'secret');
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(page.locator('[data-finding="weak-secret"]')).toContainText(/shorter than the hash/);
      await fillEditor(page, 'key-input', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\nq9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==\n-----END PUBLIC KEY-----\n');
      await expect(page.locator('[data-finding="hmac-with-public-key"]')).toBeVisible();
      await expect(page.locator('[data-finding="weak-secret"]')).toHaveCount(0);
    });
  });
});
