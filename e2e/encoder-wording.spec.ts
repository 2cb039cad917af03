import type { Page } from '@playwright/test';
import { test, expect, waitForMonaco, fillEditor } from './fixtures';

/** The words the encoder shows, less the names of the choices between signing and encrypting. */
async function encoderWords(page: Page): Promise<string> {
  const text = await page.locator('main').innerText();
  // A heading may be shown in capitals (CSS), which innerText reports.
  return ['Signed (JWS)', 'Sign, then encrypt (nested JWT)', 'Sign or encrypt'].reduce((rest, name) => rest.replace(new RegExp(name.replace(/[()]/g, '\\$&'), 'gi'), ''), text);
}

test('with JWE output the encoder speaks of encrypting, and with a nested JWT of whichever step stops it', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('mode-encode').click();
  await waitForMonaco(page, 'encoder-payload');
  const output = page.getByTestId('encoded-token');

  await test.step('a JWE without the recipient’s key: "Cannot encrypt yet", and no word of signing anywhere', async () => {
    await page.getByTestId('encoder-output').selectOption('jwe');
    await expect(output).toHaveAttribute('data-state', 'error');
    await expect(output).toContainText('Cannot encrypt yet.');
    await expect(page.getByText('The exact JSON that is encrypted')).toBeVisible();
    await expect(page.getByText('The payload is encrypted as compact JSON')).toBeVisible();
    expect(await encoderWords(page)).not.toMatch(/\bsign/i);
  });

  await test.step('JSON problems in the payload say it is encrypted, not signed', async () => {
    await fillEditor(page, 'encoder-payload', '{"sub": "a", "sub": "b"}');
    await expect(page.locator('[data-testid="signed-json-warning"][data-part="payload"]')).toContainText('only the last one is encrypted, and recipients may read either');
    await fillEditor(page, 'encoder-payload', '{"sub": ');
    await expect(page.getByTestId('encoder-payload-error')).toContainText('fix it here and the token is encrypted again');
    await expect(output).toContainText('Cannot encrypt yet.');
    expect(await encoderWords(page)).not.toMatch(/\bsign/i);
    await fillEditor(page, 'encoder-payload', '{"sub": "encrypted"}');
  });

  await test.step('once encrypted, "Open in decoder" hands over the token alone and says the decoder needs the recipient’s key', async () => {
    await page.getByTestId('encoder-jwe-alg').selectOption('dir');
    await page.getByTestId('encoder-enc').selectOption('A256GCM');
    await fillEditor(page, 'encoder-encryption-key', 'a-secret-of-exactly-32-bytes-ok!');
    await expect(output).toHaveAttribute('data-state', 'signed');
    const token = (await output.getAttribute('data-token')) ?? '';
    expect(token.split('.')).toHaveLength(5);
    await expect(page.getByText('The decoder gets the token only')).toBeVisible();
    await expect(page.getByTestId('encoder-include-secret')).toHaveCount(0);
    expect(await encoderWords(page)).not.toMatch(/\bsign/i);
    await page.getByTestId('encoder-open-decoder').click();
    await expect(page.getByTestId('mode-decode')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('decoded-header')).toContainText('"dir"');
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'unverified');
  });

  await test.step('a nested JWT: "Cannot encrypt yet" without the recipient’s key, "Cannot sign yet" without the signing key', async () => {
    await page.getByTestId('mode-encode').click();
    await page.getByTestId('encoder-output').selectOption('nested');
    await fillEditor(page, 'encoder-encryption-key', '');
    await expect(output).toContainText('Cannot encrypt yet.');
    await fillEditor(page, 'encoder-encryption-key', 'a-secret-of-exactly-32-bytes-ok!');
    await expect(output).toHaveAttribute('data-state', 'signed');
    await fillEditor(page, 'encoder-key', '');
    await expect(output).toContainText('Cannot sign yet.');
    await expect(output).not.toContainText('encrypt');
  });
});
