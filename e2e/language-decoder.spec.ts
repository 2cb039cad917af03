import type { Page } from '@playwright/test';
import { test, expect as baseExpect } from './fixtures';
import { decoderLink, hs256 } from './tokens';

// Crypto, Monaco and a language's catalog load lazily; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
const now = Math.floor(Date.now() / 1000);

async function choose(page: Page, language: string) {
  await page.getByTestId('language-select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** How far the page scrolls sideways (0 when nothing overflows). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('a broken token: its located error, the verdict and the view are in Japanese once chosen, without a reload', async ({ page }) => {
  await page.goto(decoderLink({ token: 'eyJhbGciOiJIUzI1NiJ9.e30' }));
  await expect(page.getByTestId('token-error')).toHaveText(
    "2 segments: a JWS has 3, a JWE has 5. The signature segment is missing; was the token cut short? (Even an unsecured token ends with a '.')",
  );
  await choose(page, 'ja');
  await expect(page.getByTestId('token-error')).toHaveText(
    'セグメントが 2 つです。JWS は 3 つ、JWE は 5 つです。署名セグメントがありません。トークンが途中で切れていませんか？（保護されていないトークンも \'.\' で終わります）',
  );
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('signature-status')).toContainText('検証できません');
  await expect(page.getByTestId('signature-message')).toHaveText('トークンをデコードできないため、署名を確認できません。');
  await expect(page.getByRole('heading', { name: 'エンコードされたトークン' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '署名を検証' })).toBeVisible();
  await expect(page.getByText('JWKS を取得')).toBeVisible();
});

test('a wrong key: the verdict lib/jws worded is worded again in German, then in English again, and nothing scrolls sideways at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 900 });
  const token = hs256({ sub: 'alice', iat: now - 60, exp: now + 3600 }, 'the-right-secret-of-32-bytes-ok!');
  await page.goto(decoderLink({ token, key: 'a-wrong-secret-of-32-bytes-long!' }));
  const status = page.getByTestId('signature-status');
  await expect(status).toHaveAttribute('data-state', 'invalid');
  await expect(page.getByTestId('signature-message')).toContainText('The signature does not match');

  await choose(page, 'de');
  await expect(status).toHaveAttribute('data-state', 'invalid');
  await expect(status).toContainText('Ungültige Signatur');
  await expect(page.getByTestId('signature-message')).toContainText('Die Signatur passt nicht zu');
  await expect(page.getByTestId('key-format')).toContainText('Erkannt:');
  await expect(page.getByRole('heading', { name: 'Signatur prüfen' })).toBeVisible();
  await expect(page.getByTestId('check-as-of-note')).toHaveText(
    'Ablauf, nbf, Ausstellungszeit und Höchstalter, relative Zeiten und die Gültigkeit von Zertifikaten werden zum jetzigen Zeitpunkt beurteilt.',
  );
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

  await choose(page, 'en');
  await expect(status).toContainText('Invalid signature');
  await expect(page.getByTestId('signature-message')).toContainText('The signature does not match');
  await expect(page.getByRole('heading', { name: 'Verify signature' })).toBeVisible();
});

test('the empty state, the JWKS fetcher and the check-as-of note place their code and emphasis where French puts them', async ({ page }) => {
  await page.goto('./');
  await choose(page, 'fr');
  await page.getByRole('button', { name: 'Effacer' }).click();
  await expect(page.getByText('Collez un jeton pour voir ce qu’il contient.')).toBeVisible();
  const empty = page.getByText(/^Un JWT, tout JWS ou JWE/);
  await expect(empty).toHaveText('Un JWT, tout JWS ou JWE, une valeur Bearer … ou une ligne d’en-tête Authorization: entière. Il est décodé ici, dans votre navigateur.');
  await expect(empty.locator('code')).toHaveText(['Bearer …', 'Authorization:']);

  const token = hs256({ iss: 'https://issuer.example', sub: 'x' }, 'the-right-secret-of-32-bytes-ok!');
  await page.goto(decoderLink({ token, at: '2030-01-02T03:04:05Z' }));
  await expect(page.getByTestId('check-as-of-note')).toHaveText(
    'Évalué à la date du 2030-01-02T03:04:05Z (UTC), pas maintenant : expiration, nbf, émission, âge maximal, temps relatifs et validité des certificats. Les liens de partage portent cette date.',
  );
  await expect(page.getByTestId('check-as-of-note').locator('strong')).toHaveText('Évalué à la date du 2030-01-02T03:04:05Z');
  await expect(page.getByTestId('jwks-panel')).toContainText('émetteur https://issuer.example : ses métadonnées OpenID ou OAuth, puis son jwks_uri');
  await expect(page.getByTestId('jwks-panel').locator('code')).toHaveText('https://issuer.example');
});
