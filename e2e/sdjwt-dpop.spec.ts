import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect as baseExpect, fillEditor, waitForMonaco } from './fixtures';
import { decoderLink, ecJwkOf as jwkOf, ecThumbprint as thumbprint, signWith } from './tokens';
import sdVectors from '../lib/sdjwt/vectors/sdjwt-vectors.json';

// The SD-JWT code and WebCrypto load on demand; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

/** Serious or critical axe violations inside one section, in the light theme and in the dark. */
async function axeProblems(page: Page, headingId: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    const results = await new AxeBuilder({ page }).include(`section[aria-labelledby="${headingId}"]`).analyze();
    for (const violation of results.violations) {
      if (violation.impact === 'serious' || violation.impact === 'critical') found.push(`${theme}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function claimsShown(page: Page): Promise<unknown> {
  return JSON.parse((await page.getByTestId('sd-claims').textContent()) ?? 'null');
}

test('an SD-JWT presentation: parts coloured, disclosures matched, claims processed, key binding verified, problems located', async ({ page }) => {
  const vector = sdVectors.cases['subset-sha256-kb'];
  await page.goto(decoderLink({ token: vector.sdJwt, key: JSON.stringify(vector.issuerPublicJwk) }));

  await test.step('the issuer signature verifies like any JWS, and the token is not an error', async () => {
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('token-error')).toHaveCount(0);
    await waitForMonaco(page, 'token-input');
    // The disclosures and key binding JWT come last: show the end of the token.
    await page.getByTestId('token-input').click();
    await page.keyboard.press('ControlOrMeta+End');
    await expect(page.getByTestId('token-input').locator('.seg-disclosure').first()).toBeVisible();
    await expect(page.getByTestId('token-input').locator('.seg-keyBinding').first()).toBeVisible();
  });

  await test.step('each disclosure is decoded and matched, array elements included', async () => {
    const disclosures = page.getByTestId('disclosure');
    await expect(disclosures).toHaveCount(4);
    await expect(disclosures.nth(0)).toHaveAttribute('data-claim', 'given_name');
    await expect(disclosures.nth(2)).toHaveAttribute('data-claim', '');
    await expect(disclosures.nth(2)).toContainText('"FR"');
    for (let i = 0; i < 4; i++) await expect(disclosures.nth(i)).toHaveAttribute('data-state', 'matched');
    await expect(page.getByTestId('sd-undisclosed')).toHaveAttribute('data-count', String(vector.undisclosedDigests));
  });

  await test.step('the verifier sees the claims the reference implementation computed, disclosed ones marked', async () => {
    await expect.poll(() => claimsShown(page)).toEqual(vector.expectedClaims);
    await expect(page.getByTestId('sd-disclosed-path')).toHaveText(['$.address.locality', '$.nationalities[0]', '$.given_name', '$.place_of_birth']);
    await expect(page.locator('[data-testid="claim-row"][data-claim="_sd"]')).toContainText('Selective Disclosure Digests');
    await expect(page.locator('[data-testid="claim-row"][data-claim="vct"]')).toContainText('Verifiable Credential Type');
    await expect(page.getByTestId('typ-meaning')).toContainText('SD-JWT VC');
    await page.getByTestId('vc-type-metadata').locator('summary').click();
    await expect(page.getByTestId('vc-type-metadata').getByText('schema, schema_uri, schema_uri#integrity')).toBeVisible();
  });

  await test.step('the key binding JWT verifies with cnf.jwk and shows aud, nonce and iat', async () => {
    const kb = page.getByTestId('kb-status');
    await expect(kb).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('kb-aud')).toHaveText('"https://verifier.example.org"');
    await expect(page.getByTestId('kb-nonce')).toHaveText('"n-0S6_WzA2Mj"');
    await expect(page.getByTestId('kb-iat')).toContainText('2026-01-01T00:05:00.000Z');
  });

  await test.step('dropping a disclosure breaks sd_hash; a wrong key binding signature is invalid', async () => {
    const parts = vector.sdJwt.split('~');
    parts.splice(2, 1);
    await fillEditor(page, 'token-input', parts.join('~'));
    await expect(page.getByTestId('disclosure')).toHaveCount(3);
    await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'invalid');
    await expect(page.getByTestId('kb-status')).toContainText('sd_hash');
    await fillEditor(page, 'token-input', sdVectors.cases['kb-wrong-key'].sdJwt);
    await expect(page.getByTestId('disclosure')).toHaveCount(1);
    await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'invalid');
  });

  await test.step('problems are named and located: unmatched, repeated digest, reserved names, malformed', async () => {
    await fillEditor(page, 'token-input', sdVectors.problems.sdJwt);
    const disclosures = page.getByTestId('disclosure');
    await expect(disclosures).toHaveCount(6);
    await expect(page.locator('[data-testid="disclosure"][data-claim="a"]')).toHaveAttribute('data-state', 'matched');
    await expect(page.locator('[data-testid="disclosure"][data-claim="b"]')).toHaveAttribute('data-state', 'unmatched');
    const problems = page.getByTestId('sd-problem');
    await expect(problems.filter({ hasText: 'appears twice' })).toHaveCount(1);
    await expect(problems.filter({ hasText: 'reserved name' })).toHaveCount(2);
    await expect(problems.filter({ hasText: /Disclosure 4 \("b"\).*appears nowhere.*characters \d+–\d+ of the input/ })).toHaveCount(1);
    await expect(problems.filter({ hasText: 'Disclosure 6 is malformed' })).toHaveCount(1);
    await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'unverified');
    expect(await axeProblems(page, 'sdjwt-heading')).toEqual([]);
  });
});

test('the encoder issues an SD-JWT and presentations of chosen disclosures, with and without key binding, that decode back', async ({ page }) => {
  await page.goto('./');
  const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let presentation = '';
  let bound = '';

  await test.step('claims ticked as selectively disclosable become disclosures; a presentation leaves some out', async () => {
    await page.getByTestId('mode-encode').click();
    await waitForMonaco(page, 'encoder-payload');
    await fillEditor(page, 'encoder-payload', JSON.stringify({ iss: 'https://issuer.example', given_name: 'Erika', family_name: 'Mustermann', age: 42 }));
    await page.getByTestId('sdjwt-issuer-toggle').click();
    await page.locator('[data-testid="sd-select"][data-claim="given_name"]').check();
    await page.locator('[data-testid="sd-select"][data-claim="family_name"]').check();
    await expect(page.locator('[data-testid="sd-select"][data-claim="iss"]')).toHaveCount(0);
    await expect(page.getByTestId('sdjwt-issued')).toHaveAttribute('data-token', /^[\w-]+\.[\w-]+\.[\w-]+~[\w-]+~[\w-]+~$/);
    await page.locator('[data-testid="sd-present"][data-claim="family_name"]').uncheck();
    await expect(page.getByTestId('sdjwt-presentation')).toHaveAttribute('data-token', /^[\w-]+\.[\w-]+\.[\w-]+~[\w-]+~$/);
    presentation = (await page.getByTestId('sdjwt-presentation').getAttribute('data-token'))!;
  });

  await test.step('with a holder key the credential is bound to it (cnf.jwk) and the presentation ends with a key binding JWT', async () => {
    await page.getByTestId('sd-holder-key').fill(JSON.stringify(holder.privateKey.export({ format: 'jwk' })));
    await page.getByTestId('sd-kb-nonce').fill('nonce-42');
    await expect(page.getByTestId('sdjwt-presentation')).toHaveAttribute('data-token', /^[\w-]+\.[\w-]+\.[\w-]+~[\w-]+~[\w-]+\.[\w-]+\.[\w-]+$/);
    bound = (await page.getByTestId('sdjwt-presentation').getAttribute('data-token'))!;
  });

  await test.step('the decoder matches the disclosure and shows the claims; the key binding JWT verifies', async () => {
    await page.getByTestId('mode-decode').click();
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', presentation);
    await expect(page.getByTestId('disclosure')).toHaveCount(1);
    await expect(page.getByTestId('disclosure')).toHaveAttribute('data-claim', 'given_name');
    await expect(page.getByTestId('disclosure')).toHaveAttribute('data-state', 'matched');
    await expect(page.getByTestId('sd-undisclosed')).toHaveAttribute('data-count', '1');
    await expect.poll(() => claimsShown(page)).toEqual({ iss: 'https://issuer.example', given_name: 'Erika', age: 42 });
    await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'unverified');

    await fillEditor(page, 'token-input', bound);
    await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('kb-nonce')).toHaveText('"nonce-42"');
    await expect(page.getByTestId('disclosure')).toHaveAttribute('data-state', 'matched');
  });
});

// DPoP proofs are made here with Node's crypto at the current time, so the freshness check passes.
test('a DPoP proof is verified with its own key and checked against the access token beside it', async ({ page }) => {
  const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const server = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Math.floor(Date.now() / 1000);
  const accessToken = (key: KeyObject) =>
    signWith('ES256', server.privateKey, { iss: 'https://as.example.com', sub: 'u1', iat: now, exp: now + 600, cnf: { jkt: thumbprint(key) } }, { typ: 'at+jwt' });
  const boundToHolder = accessToken(holder.publicKey);
  const ath = createHash('sha256').update(boundToHolder).digest('base64url');
  const proof = signWith('ES256', holder.privateKey, { jti: 'proof-1', htm: 'GET', htu: 'https://api.example.com/resource', iat: now, ath }, { typ: 'dpop+jwt', jwk: jwkOf(holder.publicKey) });
  await page.goto(decoderLink({ token: proof }));

  await test.step('the proof verifies with the jwk in its header, and the page says what that proves', async () => {
    const status = page.getByTestId('dpop-status');
    await expect(status).toHaveAttribute('data-state', 'valid');
    await expect(page.locator('[data-testid="dpop-check"][data-check="signature"]')).toHaveAttribute('data-state', 'pass');
    await expect(page.getByText('proves that whoever sent it holds that key')).toBeVisible();
    await expect(page.locator('[data-testid="dpop-check"][data-check="iat"]')).toHaveAttribute('data-state', 'pass');
    await expect(page.locator('[data-testid="dpop-check"][data-check="jti"]')).toHaveAttribute('data-state', 'pass');
    await expect(page.locator('[data-testid="dpop-check"][data-check="ath"]')).toHaveAttribute('data-state', 'info');
    await expect(page.getByTestId('typ-meaning')).toContainText('DPoP proof');
  });

  await test.step('with the access token pasted beside it, ath and cnf.jkt are checked', async () => {
    await page.getByTestId('dpop-access-token').fill(boundToHolder);
    await expect(page.locator('[data-testid="dpop-check"][data-check="ath"]')).toHaveAttribute('data-state', 'pass');
    await expect(page.locator('[data-testid="dpop-check"][data-check="jkt"]')).toHaveAttribute('data-state', 'pass');
    await expect(page.getByTestId('dpop-status')).toHaveAttribute('data-state', 'valid');
  });

  await test.step('a token bound to another key, and a request that does not match, are rejected', async () => {
    await page.getByTestId('dpop-access-token').fill(accessToken(other.publicKey));
    await expect(page.locator('[data-testid="dpop-check"][data-check="jkt"]')).toHaveAttribute('data-state', 'fail');
    await expect(page.locator('[data-testid="dpop-check"][data-check="ath"]')).toHaveAttribute('data-state', 'fail');
    await expect(page.getByTestId('dpop-status')).toHaveAttribute('data-state', 'invalid');
    await page.getByTestId('dpop-access-token').fill(boundToHolder);
    await page.getByTestId('dpop-method').fill('POST');
    await page.getByTestId('dpop-url').fill('https://api.example.com/resource?page=2');
    await expect(page.locator('[data-testid="dpop-check"][data-check="htm"]')).toHaveAttribute('data-state', 'fail');
    await expect(page.locator('[data-testid="dpop-check"][data-check="htu"]')).toHaveAttribute('data-state', 'pass');
    await expect(page.getByTestId('dpop-status')).toHaveAttribute('data-state', 'invalid');
    expect(await axeProblems(page, 'dpop-heading')).toEqual([]);
  });

  await test.step('an ordinary JWT shows neither panel', async () => {
    await fillEditor(page, 'token-input', boundToHolder);
    await expect(page.getByTestId('decoded-payload')).toContainText('as.example.com');
    await expect(page.getByTestId('dpop-status')).toHaveCount(0);
    await expect(page.getByTestId('disclosure')).toHaveCount(0);
  });
});
