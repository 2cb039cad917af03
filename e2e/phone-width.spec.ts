import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { test, expect, waitForMonaco } from './fixtures';
import { decoderLink, signWith } from './tokens';
import { expectNoSidewaysScroll } from './overflow';
import chain from '../lib/chain/fixtures/chain.json' with { type: 'json' };
import json from '../lib/jws/fixtures/json/json-vectors.json' with { type: 'json' };
import sdVectors from '../lib/sdjwt/vectors/sdjwt-vectors.json' with { type: 'json' };

// At phone width nothing may scroll sideways: not the page, and no box or line of
// text past the right edge of the screen, in any view or mode. Content may run
// wider than the screen only inside a box that scrolls or clips it and that itself fits.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 375, height: 812 } });

function jwkOf(key: KeyObject) {
  return key.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; y: string };
}

test('the decoder with the sample token, and its token lab tabs', async ({ page }) => {
  await page.goto('./');
  await waitForMonaco(page, 'token-input');
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
  await expectNoSidewaysScroll(page, 'decoder, sample token');

  await page.getByRole('tab', { name: 'Compare' }).click();
  await waitForMonaco(page, 'compare-input');
  await expectNoSidewaysScroll(page, 'token lab, Compare');
  await page.getByRole('tab', { name: 'Test your verifier' }).click();
  await expect(page.getByTestId('attack-variant').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'token lab, Test your verifier');
  await page.getByRole('tab', { name: 'Use in your code' }).click();
  await expect(page.getByTestId('snippet').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'token lab, Use in your code');
});

test('the decoder with tokens found in a pasted request, one of them cut short', async ({ page }) => {
  const bearer = signWith('ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, { sub: 'phone-user', iss: 'https://a-rather-long-issuer-name.example.com/tenants/phone' });
  const cut = bearer.slice(0, bearer.indexOf('.') + 25);
  const paste = ['POST /a/rather/long/path/to/the/resource/being/requested HTTP/1.1', 'Host: api.example.com', `Authorization: Bearer ${bearer}`, `X-Debug: upstream said token=${cut}`, ''].join('\n');
  await page.goto(decoderLink({ token: paste }));
  await expect(page.getByTestId('found-token')).toHaveCount(2);
  await page.getByTestId('found-token').nth(1).click();
  await expect(page.getByText('The opened token was cut short')).toBeVisible();
  await expectNoSidewaysScroll(page, 'decoder, found tokens');
});

test('the decoder with an SD-JWT and its key binding', async ({ page }) => {
  const vector = sdVectors.cases['subset-sha256-kb'];
  await page.goto(decoderLink({ token: vector.sdJwt, key: JSON.stringify(vector.issuerPublicJwk) }));
  await expect(page.getByTestId('disclosure').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'valid', { timeout: 20_000 });
  await expectNoSidewaysScroll(page, 'decoder, SD-JWT');
});

test('the decoder with a DPoP proof', async ({ page }) => {
  const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ath = createHash('sha256').update('an-access-token').digest('base64url');
  const proof = signWith(
    'ES256',
    holder.privateKey,
    { jti: 'proof-at-phone-width', htm: 'GET', htu: 'https://api.example.com/a/rather/long/path/to/the/resource/being/requested', iat: Math.floor(Date.now() / 1000), ath },
    { typ: 'dpop+jwt', jwk: jwkOf(holder.publicKey) },
  );
  await page.goto(decoderLink({ token: proof }));
  await expect(page.getByTestId('dpop-status')).toHaveAttribute('data-state', 'valid', { timeout: 20_000 });
  await expectNoSidewaysScroll(page, 'decoder, DPoP proof');
});

test('the decoder with an ID token and its checks filled in', async ({ page }) => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const idToken = signWith('RS256', privateKey, {
    iss: 'https://login.example.com/a/rather/long/tenant/path/that/does/not/break/easily/v2.0',
    sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
    aud: ['s6BhdRkqt3-a-long-client-identifier-without-spaces', 'https://api.example.com'],
    nonce: 'n-0S6_WzA2Mj',
    exp: now + 600,
    iat: now - 60,
    at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q',
  });
  await page.goto(decoderLink({ token: idToken }));
  await expect(page.getByTestId('oidc-check').first()).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('oidc-expected-nonce').fill('a-nonce-that-is-long-and-does-not-match-the-one-in-the-token-at-all');
  await page.getByTestId('oidc-access-token').fill('eyJhbGciOiJSUzI1NiJ9.a-long-access-token-without-any-spaces-in-it-at-all-whatsoever');
  await expect(page.locator('[data-testid="oidc-check"][data-check="at_hash"]')).toHaveAttribute('data-state', 'fail');
  await expectNoSidewaysScroll(page, 'decoder, ID token checks');
});

test('the decoder with a JWS in general JSON serialization', async ({ page }) => {
  await page.goto(decoderLink({ token: JSON.stringify(json.general, null, 2), key: JSON.stringify(json.jwks) }));
  await expect(page.getByTestId('jws-signature')).toHaveCount(2);
  await expect(page.getByTestId('jws-signature').nth(1)).toHaveAttribute('data-state', 'valid');
  await expectNoSidewaysScroll(page, 'decoder, JWS JSON serialization');
});

test('the decoder with an x5c chain and its root as trust anchor', async ({ page }) => {
  await page.goto(decoderLink({ token: chain.tokens.good, key: chain.leafPem }));
  await expect(page.getByTestId('chain-cert')).toHaveCount(2);
  await expectNoSidewaysScroll(page, 'decoder, x5c chain, untrusted');
  await page.getByTestId('trust-anchor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(chain.rootPem);
  await expect(page.getByTestId('chain-cert')).toHaveCount(3);
  await expectNoSidewaysScroll(page, 'decoder, x5c chain, trusted');
});

test('the encoder making a JWS, a JWE and a nested JWT', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('mode-encode').click();
  await waitForMonaco(page, 'encoder-payload');
  await expect(page.getByTestId('encoded-token')).toHaveAttribute('data-state', /signed|error/);
  await expectNoSidewaysScroll(page, 'encoder, JWS');
  for (const output of ['jwe', 'nested'] as const) {
    await page.getByTestId('encoder-output').selectOption(output);
    await expect(page.getByTestId('encoder-jwe-alg')).toBeVisible();
    await expectNoSidewaysScroll(page, `encoder, ${output}`);
    // Each kind of recipient key shows its own controls (the iteration count, the secret's encoding).
    for (const alg of ['PBES2-HS256+A128KW', 'A256KW']) {
      await page.getByTestId('encoder-jwe-alg').selectOption(alg);
      await expectNoSidewaysScroll(page, `encoder, ${output} with ${alg}`);
    }
    await page.getByTestId('encoder-jwe-alg').selectOption('RSA-OAEP-256');
  }
});

test('the key tools, the share panel and the privacy page', async ({ page }) => {
  await page.goto('./');
  await waitForMonaco(page, 'token-input');

  await test.step('the key tools with a generated pair', async () => {
    await page.getByTestId('keytools-open').click();
    await page.getByTestId('keygen-kind').selectOption('RSA-2048');
    await page.getByTestId('keygen-run').click();
    await expect(page.getByTestId('keygen-public-pem')).toHaveValue(/BEGIN PUBLIC KEY/, { timeout: 30_000 });
    await expectNoSidewaysScroll(page, 'key tools');
    await page.getByTestId('keytools-close').click();
  });

  await test.step('the share panel, open', async () => {
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-url')).toHaveValue(/#/);
    await expectNoSidewaysScroll(page, 'share panel');
  });

  await test.step('the privacy page', async () => {
    await page.goto('./privacy/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, 'privacy page');
  });
});

test('getting a token: its set-up, with a link that fills it', async ({ page }) => {
  await page.goto(`./#mode=flow&issuer=${encodeURIComponent('https://login.example.com/realms/a-rather-long-realm-name-for-a-phone')}&clientId=a-long-client-identifier-0123456789&scope=openid`);
  await expect(page.getByTestId('flow-redirect-uri')).toBeVisible();
  await expect(page.getByTestId('flow-issuer')).toHaveValue(/a-rather-long-realm-name/);
  await expectNoSidewaysScroll(page, 'getting a token, set-up');
});
