import { generateKeyPairSync } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect as baseExpect, fillEditor, waitForMonaco } from './fixtures';
import { decoderLink, ecJwkOf as jwkOf, signWith } from './tokens';
import sdVectors from '../lib/sdjwt/vectors/sdjwt-vectors.json' with { type: 'json' };
import chain from '../lib/chain/fixtures/chain.json' with { type: 'json' };
import json from '../lib/jws/fixtures/json/json-vectors.json' with { type: 'json' };

// The SD-JWT, X.509 and catalog code load on demand; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

/** Chooses a language in the header's menu, the way a visitor does: the page changes in place. */
async function choose(page: Page, language: string) {
  await page.getByTestId('language-select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** The page must not scroll sideways (a long word in a narrow box would make it). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

test('the SD-JWT panel, its disclosures and its key binding verdict follow the language chosen, without a reload', async ({ page }) => {
  const vector = sdVectors.cases['subset-sha256-kb'];
  await page.goto(decoderLink({ token: vector.sdJwt, key: JSON.stringify(vector.issuerPublicJwk) }));
  await expect(page.getByTestId('kb-status')).toContainText('Key binding valid as far as checked');
  await page.evaluate(() => Object.assign(window, { sameVisit: true }));

  await choose(page, 'ja');
  await expect(page.locator('#sdjwt-heading')).toHaveText('SD-JWT VC: 選択的開示');
  await expect(page.getByTestId('sd-summary')).toContainText('開示 4 件、4 件一致');
  await expect(page.getByTestId('disclosure').first()).toContainText('で一致');
  await expect(page.getByTestId('kb-status')).toContainText('確認した範囲ではキーバインディングは有効です');
  await expect(page.getByTestId('kb-status')).toContainText('未確認: 期待する対象者との aud の照合');
  await expect(page.getByTestId('kb-check').first()).toContainText('署名が cnf.jwk で検証できる');
  await expect(page.getByText('検証者がキーバインディングに期待する値')).toBeVisible();
  // The key binding's time: the ISO form, and beside it the date as Japanese write it.
  await expect(page.getByTestId('kb-iat')).toContainText(/2026-01-01T00:05:00\.000Z; 2026\/01\/0\d \d+:\d\d:00/);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await scrollsSideways(page)).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });

  await choose(page, 'en');
  await expect(page.getByTestId('kb-status')).toContainText('Key binding valid as far as checked');
  await expect(page.getByTestId('sd-summary')).toContainText('4 disclosures, 4 matched');
  expect(await page.evaluate(() => (window as unknown as { sameVisit?: boolean }).sameVisit)).toBe(true);
});

test('a DPoP proof is judged in German, and the panel fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Math.floor(Date.now() / 1000);
  const proof = signWith('ES256', holder.privateKey, { jti: 'proof-1', htm: 'GET', htu: 'https://api.example.com/resource', iat: now }, { typ: 'dpop+jwt', jwk: jwkOf(holder.publicKey) });
  await page.goto(decoderLink({ token: proof }));
  await expect(page.getByTestId('dpop-status')).toHaveAttribute('data-state', 'valid');

  await choose(page, 'de');
  await expect(page.locator('#dpop-heading')).toHaveText('DPoP-Nachweis');
  await expect(page.getByTestId('dpop-headline')).toHaveText('DPoP-Nachweis gültig, soweit geprüft');
  await expect(page.getByTestId('dpop-unchecked')).toHaveText(
    'Nicht geprüft: htm gegen die Anfragemethode; htu gegen die Anfrage-URL; ath und cnf.jkt gegen das Zugriffstoken. Füllen Sie die Felder oben aus, um das zu prüfen.',
  );
  await expect(page.locator('[data-testid="dpop-check"][data-check="jti"]')).toContainText('der Server muss ein bereits gesehenes jti ablehnen');
  await page.getByTestId('dpop-method').fill('POST');
  await expect(page.locator('[data-testid="dpop-check"][data-check="htm"]')).toContainText('htm ist "GET", die Anfrage ist aber POST');
  await expect(page.getByTestId('dpop-headline')).toHaveText('DPoP-Nachweis abgelehnt');
  expect(await scrollsSideways(page)).toBe(false);
});

test('the certificate chain verdict and each certificate read in French', async ({ page }) => {
  await page.goto(decoderLink({ token: chain.tokens.good, key: chain.leafPem }));
  const certs = page.getByTestId('chain-cert');
  await expect(certs).toHaveCount(2);

  await choose(page, 'fr');
  await expect(page.locator('#chain-heading')).toHaveText('Chaîne de certificats');
  await expect(page.getByTestId('chain-status')).toHaveText(
    'La chaîne est cohérente, mais elle ne se termine pas par un certificat de confiance : collez le certificat racine comme ancre de confiance, ou marquez le certificat du haut comme approuvé.',
  );
  await expect(certs.nth(0)).toContainText('non approuvé');
  await expect(certs.nth(0)).toContainText('feuille');
  await expect(page.getByTestId('chain-thumbprint').first()).toContainText('correspond au certificat feuille.');
  await page.getByTestId('trust-anchor').click();
  await page.keyboard.insertText(chain.rootPem);
  await expect(certs).toHaveCount(3);
  await expect(page.getByTestId('chain-status')).toContainText('Le chemin de la feuille jusqu’à un certificat de confiance est valide au');
  await expect(certs.nth(2)).toContainText('racine de confiance (parmi vos ancres)');
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await scrollsSideways(page)).toBe(false);
});

test('a JSON-serialized JWS and the encoder’s JSON output in Spanish and Portuguese', async ({ page }) => {
  await page.goto(decoderLink({ token: JSON.stringify(json.general, null, 2), key: JSON.stringify(json.jwks) }));
  const signatures = page.getByTestId('jws-signature');
  await expect(signatures).toHaveCount(2);

  await choose(page, 'es');
  await expect(page.locator('#json-serialization-heading')).toHaveText('JWS, serialización JSON general');
  await expect(signatures.nth(0)).toContainText('Firma 1: RS256 (kid "rsa-1") — verificada');
  await expect(signatures.nth(0).locator('summary')).toHaveText('Encabezados');

  await choose(page, 'pt-BR');
  await page.getByTestId('mode-encode').click();
  await page.getByTestId('encoder-alg').selectOption('ES256');
  await waitForMonaco(page, 'encoder-key');
  await fillEditor(page, 'encoder-key', JSON.stringify(json.ecPrivateJwk));
  await expect(page.getByTestId('encoded-token')).toHaveAttribute('data-token', /^eyJ/);
  await expect(page.getByTestId('encoder-form').locator('option')).toHaveText(['Somente compacto', 'JSON achatado (RFC 7515 §7.2.2)', 'JSON geral (RFC 7515 §7.2.1)']);
  await page.getByTestId('encoder-form').selectOption('general');
  await expect(page.getByRole('button', { name: 'Copiar o JSON geral' })).toBeVisible();
});

test('the SD-JWT issuer speaks the language chosen; an issued SD-JWT is kept when the language changes, an error is worded again', async ({ page }) => {
  await page.goto('./');
  await choose(page, 'pt-BR');
  await page.getByTestId('mode-encode').click();
  await waitForMonaco(page, 'encoder-payload');
  await fillEditor(page, 'encoder-payload', JSON.stringify({ iss: 'https://issuer.example', given_name: 'Erika', age: 42 }));
  await page.getByTestId('sdjwt-issuer-toggle').click();
  await expect(page.getByText('Declarações divulgáveis seletivamente')).toBeVisible();
  await page.locator('[data-testid="sd-select"][data-claim="given_name"]').check();
  const issued = page.getByTestId('sdjwt-issued');
  await expect(issued).toHaveAttribute('data-token', /~[\w-]+~$/);
  const token = await issued.getAttribute('data-token');

  await choose(page, 'fr');
  await expect(page.getByText('Revendications divulgables de façon sélective')).toBeVisible();
  await expect(page.getByText('SD-JWT tel qu’émis (toutes les divulgations, sans liaison de clé)')).toBeVisible();
  expect(await issued.getAttribute('data-token')).toBe(token);

  await page.getByTestId('sd-holder-key').fill('not a key');
  await expect(page.getByRole('alert').filter({ hasText: 'La clé du détenteur doit être une clé privée (PEM ou JWK)' })).toBeVisible();
  await choose(page, 'de');
  await expect(page.getByRole('alert').filter({ hasText: 'Der Schlüssel des Inhabers muss ein privater Schlüssel sein (PEM oder JWK)' })).toBeVisible();
});
