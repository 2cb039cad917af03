import { test, expect, waitForMonaco, fillEditor, readClipboard } from './fixtures';
import type { Page } from '@playwright/test';
import { hs256, keyPairs, signWith } from './tokens';

/** Holds the page's scripts, as a slow network would, to see the page before they run; returns what lets them go. */
async function holdPageScripts(page: Page): Promise<() => void> {
  let releaseScripts: () => void = () => {};
  const scriptsReleased = new Promise<void>((resolve) => {
    releaseScripts = resolve;
  });
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await scriptsReleased;
    await route.continue();
  });
  return releaseScripts;
}

const now = Math.floor(Date.now() / 1000);


function fragmentOf(link: string): URLSearchParams {
  return new URLSearchParams(new URL(link).hash.slice(1));
}

test.describe('share links', () => {
  test('the share button makes a link of the token alone, copies it, and says what it holds', async ({ page, context, baseURL }) => {
    const secret = 'share-test-secret-value';
    const token = hs256({ sub: 'shared-user', iat: now }, secret);
    await page.goto('./#' + new URLSearchParams({ token, key: secret }).toString());
    await waitForMonaco(page, 'token-input');
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');

    await page.getByTestId('share-button').click();
    const link = await page.getByTestId('share-url').inputValue();
    expect(link).toBe(new URL('./', baseURL).href + '#' + new URLSearchParams({ token }).toString());
    expect(fragmentOf(link).has('key')).toBe(false);
    expect(await readClipboard(context)).toBe(link);
    await expect(page.getByTestId('share-contents')).toContainText('the token');
    await expect(page.getByTestId('share-contents')).not.toContainText('secret');
    await expect(page.getByTestId('share-key-warning')).toHaveCount(0);
  });

  test('ticking "include key" adds the secret, warns that the link can forge tokens, and the link reopens the same state', async ({ page, context }) => {
    const secret = 'another-shared-secret';
    const token = hs256({ sub: 'round-trip', role: 'tester', iat: now }, secret);
    await page.goto('./#' + new URLSearchParams({ token, key: secret }).toString());
    await waitForMonaco(page, 'token-input');
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-include-key').check();
    await expect(page.getByTestId('share-key-warning')).toContainText(/forge/);
    const link = await page.getByTestId('share-url').inputValue();
    expect(fragmentOf(link).get('token')).toBe(token);
    expect(fragmentOf(link).get('key')).toBe(secret);
    // A link with a secret is copied only by an explicit click.
    await page.getByTestId('share-copy').click();
    await expect(page.getByTestId('share-copied')).toContainText('Copied');
    expect(await readClipboard(context)).toBe(link);
    await expect(page.getByTestId('share-contents')).toContainText(/shared secret/);

    const other = await context.newPage();
    await other.goto(link);
    await waitForMonaco(other, 'token-input');
    await expect(other.getByTestId('decoded-payload')).toContainText('"role": "tester"');
    await expect(other.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    // The reopened page shares the very same state again.
    await other.getByTestId('share-button').click();
    await other.getByTestId('share-include-key').check();
    await expect(other.getByTestId('share-url')).toHaveValue(link);
    await other.close();
  });

  test('an ML-DSA private key from the key generator is a private key: offered as PEM too, and its share link warns before it is copied', async ({ page, context }) => {
    await page.goto('./#mode=encode');
    await waitForMonaco(page, 'encoder-payload');
    await page.getByTestId('keytools-open').click();
    await page.getByTestId('keygen-kind').selectOption('ML-DSA-44');
    await page.getByTestId('keygen-run').click();
    const privatePem = page.getByTestId('keygen-private-pem');
    await expect(privatePem).toHaveValue(/^-----BEGIN PRIVATE KEY-----\n/, { timeout: 20_000 });
    await expect(page.getByTestId('keygen-public-pem')).toHaveValue(/^-----BEGIN PUBLIC KEY-----\n/);
    const privateJwk = await page.getByTestId('keygen-private-jwk').inputValue();
    expect(JSON.parse(privateJwk)).toMatchObject({ kty: 'AKP', alg: 'ML-DSA-44' });

    // The converter writes the same PKCS#8 and SPKI PEMs from the private JWK.
    await page.getByTestId('convert-input').fill(privateJwk);
    await page.getByTestId('convert-target').selectOption('pkcs8-pem');
    await expect(page.getByTestId('convert-output')).toHaveValue(await privatePem.inputValue(), { timeout: 20_000 });
    await expect(page.getByTestId('convert-status')).toContainText('ML-DSA-44 private key');
    await page.getByTestId('convert-target').selectOption('spki-pem');
    await expect(page.getByTestId('convert-output')).toHaveValue(await page.getByTestId('keygen-public-pem').inputValue());

    await page.getByTestId('keygen-use-pair').click();
    await expect(page.getByTestId('encoder-alg')).toHaveValue('ML-DSA-44');
    await expect(page.getByTestId('encoded-token')).toHaveAttribute('data-token', /^eyJ[\w-]+\.[\w-]+\.[\w-]{3000,}$/, { timeout: 20_000 });

    await page.getByTestId('share-button').click();
    const withoutKey = await page.getByTestId('share-url').inputValue();
    expect(fragmentOf(withoutKey).has('signingKey')).toBe(false);
    await page.getByTestId('share-include-key').check();
    await expect(page.getByTestId('share-key-warning')).toContainText('Anyone holding this link can sign tokens with this key');
    await expect(page.getByTestId('share-key-warning')).toContainText('It has not been copied');
    await expect(page.getByTestId('share-contents')).toContainText('a private key: anyone holding the link can sign tokens with it');
    await expect(page.getByTestId('share-contents')).not.toContainText('a public key');
    const link = await page.getByTestId('share-url').inputValue();
    expect(JSON.parse(fragmentOf(link).get('signingKey') ?? '{}')).toEqual(JSON.parse(privateJwk));
    expect(await readClipboard(context)).not.toBe(link);
  });

  test('a public key can be shared without the forgery warning', async ({ page }) => {
    const { ec } = keyPairs();
    const token = signWith('ES256', ec.privateKey, { sub: 'public-key-share', iat: now });
    const pem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await page.goto('./#' + new URLSearchParams({ token, key: pem }).toString());
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-include-key').check();
    await expect(page.getByTestId('share-contents')).toContainText('public key');
    await expect(page.getByTestId('share-key-warning')).toHaveCount(0);
    expect(fragmentOf(await page.getByTestId('share-url').inputValue()).get('key')).toBe(pem);
  });

  test('the link follows later edits, and a link over 32 KB gets a warning', async ({ page }) => {
    await page.goto('./');
    await waitForMonaco(page, 'token-input');
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-too-long')).toHaveCount(0);
    const big = hs256({ sub: 'big', blob: 'x'.repeat(30_000) }, 'secret');
    await fillEditor(page, 'token-input', big);
    await expect(page.getByTestId('share-url')).toHaveValue(new RegExp(big.slice(-40).replace(/[-]/g, '\\-') + '$'));
    await expect(page.getByTestId('share-too-long')).toContainText(/KB/);
  });

  test('an encoder link carries header, payload and algorithm, its key only when ticked, and reopens the same signed token', async ({ page, context }) => {
    const secret = 'encoder-share-secret-0123456789abcdef';
    await page.goto('./');
    await page.getByTestId('mode-encode').click();
    await waitForMonaco(page, 'encoder-payload');
    await page.getByTestId('encoder-alg').selectOption('HS384');
    await fillEditor(page, 'encoder-header', JSON.stringify({ alg: 'HS384', typ: 'JWT' }));
    await fillEditor(page, 'encoder-payload', JSON.stringify({ sub: 'encoder-share', iat: now }));
    await fillEditor(page, 'encoder-key', secret);
    const encoded = page.getByTestId('encoded-token');
    await expect(encoded).toHaveAttribute('data-token', /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const token = await encoded.getAttribute('data-token');

    await page.getByTestId('share-button').click();
    const withoutKey = fragmentOf(await page.getByTestId('share-url').inputValue());
    expect(withoutKey.get('mode')).toBe('encode');
    expect(withoutKey.get('alg')).toBe('HS384');
    expect(JSON.parse(withoutKey.get('payload') ?? '{}')).toEqual({ sub: 'encoder-share', iat: now });
    expect(withoutKey.has('signingKey')).toBe(false);
    expect(withoutKey.has('key')).toBe(false);
    expect([...withoutKey.values()].some((value) => value.includes(secret))).toBe(false);

    await page.getByTestId('share-include-key').check();
    await expect(page.getByTestId('share-key-warning')).toContainText(/forge/);
    const link = await page.getByTestId('share-url').inputValue();
    expect(fragmentOf(link).get('signingKey')).toBe(secret);

    const other = await context.newPage();
    await other.goto(link);
    await waitForMonaco(other, 'encoder-payload');
    await expect(other.getByTestId('encoder-alg')).toHaveValue('HS384');
    await expect(other.getByTestId('encoded-token')).toHaveAttribute('data-token', token ?? '');
    await other.close();
  });
  test('opening a link never shows the sample token first: the views wait, with a notice, until the link is read', async ({ page }) => {
    const releaseScripts = await holdPageScripts(page);
    // A token too long to be painted before the scripts run (over 64 KB; smaller ones are: first-paint.spec.ts).
    const token = hs256({ sub: 'opened-by-link', linked_claim: 'from the link', padding: 'x'.repeat(70_000) }, 'link-secret');
    await page.goto('./#' + new URLSearchParams({ token }).toString(), { waitUntil: 'domcontentloaded' });
    await expect(page.getByTestId('link-opening')).toBeVisible();
    await expect(page.getByTestId('link-opening')).toHaveText('Opening the link…');
    // The prerendered sample is in the page but not shown.
    await expect(page.locator('[data-testid="claim-row"][data-claim="email"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="claim-row"][data-claim="email"]')).toBeHidden();

    releaseScripts();
    await expect(page.locator('[data-testid="claim-row"][data-claim="linked_claim"]')).toBeVisible();
    await expect(page.getByTestId('link-opening')).toBeHidden();
    await expect(page.locator('[data-testid="claim-row"][data-claim="email"]')).toHaveCount(0);

    // A visit without a link shows the sample at once, and never the notice.
    await page.goto('./', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('[data-testid="claim-row"][data-claim="email"]')).toBeVisible();
    await expect(page.getByTestId('link-opening')).toBeHidden();
  });

  test('a credential in the query in any case or shape holds the views back too, until the page has read it', async ({ page }) => {
    const releaseScripts = await holdPageScripts(page);
    const token = hs256({ sub: 'from-the-query', query_claim: 'read' }, 'query-secret');
    for (const query of [`?Token=${token}`, `?foo=${token}`, '?Client_Secret=x']) {
      await page.goto('./' + query, { waitUntil: 'domcontentloaded' });
      await expect(page.getByTestId('link-opening'), query).toBeVisible();
      await expect(page.locator('[data-testid="claim-row"][data-claim="email"]')).toBeHidden();
    }
    // Harmless parameters are no link: the sample shows at once.
    await page.goto('./?lang=ja&utm_source=x', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('[data-testid="claim-row"][data-claim="email"]')).toBeVisible();
    await expect(page.getByTestId('link-opening')).toBeHidden();

    await page.goto('./?Token=' + token, { waitUntil: 'domcontentloaded' });
    releaseScripts();
    await expect(page.locator('[data-testid="claim-row"][data-claim="query_claim"]')).toBeVisible();
    await expect(page.getByTestId('link-opening')).toBeHidden();
    expect(new URL(page.url()).search).toBe('');
  });
});
