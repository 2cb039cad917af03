import { test, expect, waitForMonaco, fillEditor } from './fixtures';
import { b64url, hs256 } from './tokens';

const now = Math.floor(Date.now() / 1000);

async function openDecoder(page: import('@playwright/test').Page) {
  await page.goto('./');
  await waitForMonaco(page, 'token-input');
}

test.describe('decoding as you type', () => {
  test('a first visit shows a sample token, decoded and verified', async ({ page }) => {
    await openDecoder(page);
    await expect(page.getByTestId('decoded-header')).toContainText('"alg": "HS256"');
    await expect(page.getByTestId('decoded-payload')).toContainText('"name": "Ada Lovelace"');
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
  });

  test('a pasted token is decoded at once, pretty-printed, with a row per claim', async ({ page }) => {
    await openDecoder(page);
    const token = hs256({ sub: 'user-42', iss: 'https://issuer.example', iat: now - 60, exp: now + 300 }, 'secret');
    await fillEditor(page, 'token-input', token);
    const payload = page.getByTestId('decoded-payload');
    await expect(payload).toContainText('"sub": "user-42"');
    const text = await payload.textContent();
    expect(JSON.parse(text ?? '')).toEqual({ sub: 'user-42', iss: 'https://issuer.example', iat: now - 60, exp: now + 300 });
    expect(text).toContain('\n  "iss"');
    await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toBeVisible();
    const exp = page.locator('[data-testid="claim-row"][data-claim="exp"]');
    await expect(exp).toContainText(new Date((now + 300) * 1000).toISOString().slice(0, 16));
    await expect(exp).toContainText(/in 5 minutes/);
    await expect(page.locator('[data-testid="claim-row"][data-claim="iat"]')).toContainText(/1 minute ago/);
    await expect(page.getByTestId('token-error')).toHaveCount(0);
  });

  test('an expired token says how long ago it expired', async ({ page }) => {
    await openDecoder(page);
    await fillEditor(page, 'token-input', hs256({ exp: now - 3 * 3600 }, 'secret'));
    await expect(page.locator('[data-testid="claim-row"][data-claim="exp"]')).toContainText('expired 3 hours ago');
  });

  test('a Bearer header line is stripped and the user is told so', async ({ page }) => {
    await openDecoder(page);
    const token = hs256({ sub: 'bearer-user' }, 'secret');
    await fillEditor(page, 'token-input', `Authorization: Bearer ${token}`);
    await expect(page.getByTestId('decoded-payload')).toContainText('bearer-user');
    await expect(page.getByTestId('token-stripped')).toContainText(/Bearer/);
  });

  test('a bad character is reported with its segment and position, and the header stays visible', async ({ page }) => {
    await openDecoder(page);
    const token = hs256({ sub: 'x' }, 'secret');
    const [header, payload, signature] = token.split('.');
    const broken = `${header}.${payload!.slice(0, 5)}+${payload!.slice(6)}.${signature}`;
    await fillEditor(page, 'token-input', broken);
    const error = page.getByTestId('token-error');
    await expect(error).toContainText(/payload/i);
    await expect(error).toContainText(/character 6/i);
    await expect(error).toContainText("'+'");
    await expect(page.getByTestId('decoded-header')).toContainText('"alg": "HS256"');
    await expect(page.getByTestId('token-input').locator('.squiggly-error')).toHaveCount(1);
  });

  test('a header that is not JSON and a token with four segments say what is wrong', async ({ page }) => {
    await openDecoder(page);
    await fillEditor(page, 'token-input', `${b64url('{"alg":"HS256",}')}.${b64url('{}')}.sig`);
    await expect(page.getByTestId('token-error')).toContainText(/header/i);
    await expect(page.getByTestId('token-error')).toContainText(/not JSON/i);
    await fillEditor(page, 'token-input', 'a.b.c.d');
    await expect(page.getByTestId('token-error')).toContainText('4 segments');
  });

  test('claims holding markup or script stay text', async ({ page }) => {
    await openDecoder(page);
    const hostile = {
      name: '<img src=x onerror="window.__pwned=1">',
      script: '<script>window.__pwned=2</script>',
      website: 'javascript:window.__pwned=3',
    };
    await fillEditor(page, 'token-input', hs256(hostile, 'secret'));
    const row = page.locator('[data-testid="claim-row"][data-claim="name"]');
    await expect(row).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(page.locator('[data-testid="claim-row"][data-claim="website"]')).toContainText('javascript:window.__pwned=3');
    // The only links in the table are the specification links we wrote, never a claim's value.
    const hrefs = await page.locator('[data-testid="claim-row"] a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('clearing the editor shows a friendly empty state', async ({ page }) => {
    await openDecoder(page);
    await fillEditor(page, 'token-input', '');
    await expect(page.getByText('Paste a token to see what is inside.')).toBeVisible();
    await expect(page.getByTestId('token-error')).toHaveCount(0);
  });

  test('a JWE shows its protected header and the size of each part', async ({ page }) => {
    await openDecoder(page);
    const jwe = [b64url(JSON.stringify({ alg: 'dir', enc: 'A256GCM' })), '', b64url(Buffer.alloc(12)), b64url(Buffer.alloc(40)), b64url(Buffer.alloc(16))].join('.');
    await fillEditor(page, 'token-input', jwe);
    await expect(page.getByTestId('decoded-header')).toContainText('"enc": "A256GCM"');
    const parts = page.getByTestId('token-segments');
    await expect(parts).toContainText('Ciphertext');
    await expect(parts).toContainText('40 bytes');
    await expect(parts).toContainText('16 bytes');
  });

  test('a 1 MB token pasted into the editor is decoded without freezing the page', async ({ page }) => {
    await openDecoder(page);
    const big = hs256({ sub: 'big', blob: 'x'.repeat(760_000) }, 'secret');
    expect(big.length).toBeGreaterThan(1_000_000);
    await fillEditor(page, 'token-input', big);
    await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toContainText('big');
    await expect(page.getByTestId('decoded-header')).toContainText('"alg": "HS256"');
    await expect(page.getByText(/Showing the first/)).toBeVisible();
  });
});
