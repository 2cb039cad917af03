import { createHash, generateKeyPairSync } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, waitForMonaco, fillEditor } from './fixtures';
import { signWith } from './tokens';

const now = Math.floor(Date.now() / 1000);
const accessToken = 'SlAV32hkKG';
const atHash = createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const idToken = signWith('ES256', privateKey, {
  iss: 'https://op.example.com',
  sub: '24400320',
  aud: 's6BhdRkqt3',
  nonce: 'n-0S6_WzA2Mj',
  exp: now + 600,
  iat: now - 60,
  at_hash: atHash,
});

test('a pasted ID token is checked against the nonce and client ID the user enters', async ({ page }) => {
  await page.goto('./');
  await waitForMonaco(page, 'token-input');
  await fillEditor(page, 'token-input', idToken);
  const check = (name: string) => page.locator(`[data-testid="oidc-check"][data-check="${name}"]`);

  // Nothing entered yet: unchecked, saying what to enter.
  await expect(check('nonce')).toHaveAttribute('data-state', 'unchecked');
  await expect(check('nonce')).toContainText('enter the nonce');
  await expect(check('exp')).toHaveAttribute('data-state', 'pass');

  await page.getByTestId('oidc-expected-nonce').fill('n-0S6_WzA2Mj');
  await page.getByTestId('oidc-expected-client-id').fill('s6BhdRkqt3');
  await expect(check('nonce')).toHaveAttribute('data-state', 'pass');
  await expect(check('aud')).toHaveAttribute('data-state', 'pass');

  await page.getByTestId('oidc-expected-nonce').fill('another-nonce');
  await expect(check('nonce')).toHaveAttribute('data-state', 'fail');

  await page.getByTestId('oidc-expected-nonce').fill('');
  await expect(check('nonce')).toHaveAttribute('data-state', 'unchecked');

  // The access token binds through at_hash, hashed in the page.
  await page.getByTestId('oidc-access-token').fill(accessToken);
  await expect(check('at_hash')).toHaveAttribute('data-state', 'pass');
  await page.getByTestId('oidc-access-token').fill(`${accessToken}x`);
  await expect(check('at_hash')).toHaveAttribute('data-state', 'fail');

  // Labelled, reachable from the keyboard, and readable in both themes.
  await page.getByLabel('Your client ID (aud, azp)').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('oidc-expected-nonce')).toBeFocused();
  await page.keyboard.type('n-0S6_WzA2Mj');
  await expect(check('nonce')).toHaveAttribute('data-state', 'pass');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('section[aria-labelledby="oidc-heading"]').analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${colorScheme}: ${violation.id}`)).toEqual([]);
  }

  // Credentials typed for the checks never go into a share link.
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#.*token=/);
  expect(await page.getByTestId('share-url').inputValue()).not.toContain(accessToken);
});
