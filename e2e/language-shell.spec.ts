import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { hs256 } from './tokens';

const now = Math.floor(Date.now() / 1000);

/** How far the page scrolls sideways (0 when nothing overflows). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function choose(page: Page, language: string) {
  await page.getByTestId('language-select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('the shell, the share panel and the footer follow the language chosen, without a reload', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('mode-decode')).toHaveText('Decoder');
  await choose(page, 'ja');
  await expect(page.getByTestId('mode-decode')).toHaveText('デコーダー');
  await expect(page.getByTestId('mode-flow')).toHaveText('トークンを取得');
  await expect(page.getByTestId('theme-dark')).toContainText('ダーク');
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('title', 'ダークテーマ');
  await expect(page.getByRole('contentinfo')).toContainText('トークンがブラウザーの外に出ることはありません。');
  await expect(page.getByRole('contentinfo').locator('code')).toHaveText('#');
  await expect(page).toHaveTitle('JWT Workbench: ブラウザー内で JSON Web Token をデコード、検証、署名');
  await expect(page.getByTestId('decoded-payload').getByRole('button').first()).toHaveAttribute('aria-label', /^1 行目から \d+ 行目までを折りたたむ$/);
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-button')).toHaveText('共有');
  await expect(page.getByTestId('share-include-key').locator('xpath=..')).toHaveText('鍵を含める');
  await expect(page.getByTestId('share-contents')).toHaveText('リンクに含まれるもの: トークン。これらは # の後ろに保持され、ブラウザーがサーバーに送ることはありません。');
  await expect(page.getByRole('dialog', { name: '共有リンク' })).toBeVisible();

  // And back: English exactly as before.
  await choose(page, 'en');
  await expect(page.getByTestId('share-contents')).toHaveText('The link contains the token. It keeps them after the #, which browsers never send to a server.');
  await expect(page.getByTestId('mode-decode')).toHaveText('Decoder');
  await expect(page).toHaveTitle('JWT Workbench: decode, verify and sign JSON Web Tokens in your browser');
});

test('a link’s clean-up notice is worded in the visit’s language, even though it is found before that language has loaded', async ({ page }) => {
  const token = hs256({ sub: 'query' }, 'secret');
  await page.goto(`./?token=${token}#lang=fr`);
  await expect(page.getByTestId('link-notice')).toContainText('Cette adresse contenait « token » dans sa chaîne de requête');
  await expect(page.getByTestId('link-notice').getByRole('button')).toHaveText('Fermer');
});

test('the privacy page is read in the visit’s language, and says the language choice is remembered', async ({ page }) => {
  await page.goto('./privacy/#lang=de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warum Ihre Tokens nie Ihren Browser verlassen');
  await expect(page.getByRole('main')).toContainText('Nur Ihre Wahl von Farbschema und Sprache wird gespeichert.');
  await expect(page.getByRole('main').locator('code').first()).toHaveText('#');
  await expect(page).toHaveTitle('Warum Tokens nie Ihren Browser verlassen · JWT Workbench');
  await page.getByRole('link', { name: 'Zurück zum Debugger' }).click();
  await expect(page.getByTestId('mode-decode')).toHaveText('Decoder');
  await expect(page.getByTestId('mode-flow')).toHaveText('Token holen');
});

test('a link opened in another language: the preview speaks it at first paint and stays until the view can show itself in it', async ({ page }) => {
  const token = hs256({ sub: 'painted', iat: now - 120, exp: now + 3600 }, 'secret');
  // Hold the Japanese catalog (the only script holding its words) until the test lets it go.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  await page.route(/\/_next\/static\/chunks\/.*\.js(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('トークンを取得')) {
      held = true;
      await released;
    }
    await route.fulfill({ response, body });
  });
  await page.goto('./#' + new URLSearchParams({ token, lang: 'ja' }), { waitUntil: 'domcontentloaded' });
  const preview = page.locator('[data-link-preview]');
  await expect(preview.getByRole('heading', { name: 'エンコードされたトークン' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'クレームの説明' })).toBeVisible();
  await expect(preview.locator('[lang="ja"]')).toHaveCount(1);
  await expect(preview.locator('[data-boot-claim="iat"]')).toContainText('2 分前に発行');
  // React has read the link (the mark is gone) while the catalog is held: the preview is still what is seen.
  await expect(page.locator('html')).not.toHaveAttribute('data-opening-link');
  await expect.poll(() => held).toBe(true);
  await expect(preview.locator('[data-boot-part="token"]')).toBeVisible();
  await expect(preview.locator('[data-boot-part="token"]')).toHaveText(token);
  release();
  await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toBeVisible();
  await expect(preview.locator('[data-boot-part="token"]')).toHaveCount(0);
  await expect(page.getByTestId('mode-decode')).toHaveText('デコーダー');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('getting a token, in German, at phone width: every label translated and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('./#lang=de');
  await expect(page.getByTestId('mode-flow')).toHaveText('Token holen');
  await page.getByTestId('mode-flow').click();
  await expect(page.getByText('Aussteller-URL')).toBeVisible();
  await expect(page.getByTestId('flow-start')).toHaveText('Beim Anbieter anmelden');
  await expect(page.getByTestId('flow-response-type').locator('option').first()).toHaveText('Autorisierungscode (code): Tokens vom Token-Endpunkt');
  await expect(page.getByRole('heading', { name: 'HTTP-Protokoll' })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.getByTestId('mode-decode').click();
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-contents')).toContainText('Der Link enthält');
  expect(await sidewaysOverflow(page)).toBe(0);
});
