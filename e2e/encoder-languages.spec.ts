import type { Page } from '@playwright/test';
import { test, expect, waitForMonaco, fillEditor } from './fixtures';

// The encoder, the key tools and the token lab speak the language chosen in the header,
// at once and without a reload; English comes back the same way.

async function choose(page: Page, language: string) {
  await page.getByTestId('language-select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('in Japanese the encoder, its errors, its time helpers and the key tools are Japanese, and English returns', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('mode-encode').click();
  await waitForMonaco(page, 'encoder-payload');
  await choose(page, 'ja');

  await test.step('headings, labels and the status of the key', async () => {
    await expect(page.locator('#encoder-key-heading')).toHaveText('アルゴリズムと鍵');
    await expect(page.locator('#encoder-output-heading')).toHaveText('エンコードされたトークン');
    await expect(page.getByTestId('encoder-open-decoder')).toHaveText('デコーダーで開く');
    await expect(page.getByRole('group', { name: '時刻ヘルパー' })).toBeVisible();
  });

  await test.step('a broken payload is reported in Japanese, with its line and column', async () => {
    await fillEditor(page, 'encoder-payload', '{"sub": ');
    await expect(page.getByTestId('encoder-payload-error')).toContainText('ペイロードが有効な JSON ではありません。1 行');
    await expect(page.getByTestId('encoded-token')).toContainText('まだ署名できません。');
    await fillEditor(page, 'encoder-payload', '{"sub": "ja", "exp": 4102444800}');
    await expect(page.getByTestId('encoder-times')).toContainText('2100-01-01');
  });

  await test.step('a span the time helpers cannot read says so in Japanese', async () => {
    await page.getByTestId('encoder-exp-custom').fill('3 fortnights');
    await page.getByTestId('encoder-exp-custom').press('Enter');
    await expect(page.getByText('"fortnights" は単位ではありません。')).toBeVisible();
  });

  await test.step('the key tools generate a secret and say so in Japanese', async () => {
    await page.getByTestId('keytools-open').click();
    await expect(page.locator('#keytools-heading')).toHaveText('鍵ツール');
    await page.getByTestId('keygen-kind').selectOption('HS256');
    await page.getByTestId('keygen-run').click();
    await expect(page.getByTestId('keygen-status')).toContainText('をブラウザー内で');
    await page.getByTestId('keytools-close').click();
  });

  await test.step('back to English without a reload', async () => {
    await choose(page, 'en');
    await expect(page.locator('#encoder-key-heading')).toHaveText('Algorithm and key');
    await expect(page.getByTestId('encoder-open-decoder')).toHaveText('Open in decoder');
  });
});

test('in German the token lab tabs and notices are German, and the encoder fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('./');
  await waitForMonaco(page, 'token-input');
  await choose(page, 'de');
  await expect(page.getByRole('tab', { name: 'Vergleichen' })).toBeVisible();
  await page.getByRole('tab', { name: 'Prüfer testen' }).click();
  await expect(page.getByTestId('attack-notice')).toContainText('Zum Testen eigener Prüfer.');
  await page.getByRole('tab', { name: 'Im eigenen Code verwenden' }).click();
  await expect(page.getByTestId('snippet').first()).toBeVisible();
  await expect(page.getByLabel('Token und Geheimnis in die Beispiele aufnehmen')).toBeVisible();

  await page.getByTestId('mode-encode').click();
  await waitForMonaco(page, 'encoder-payload');
  await page.getByTestId('encoder-output').selectOption('nested');
  await expect(page.locator('#encoder-make-heading')).toHaveText('Signieren oder verschlüsseln');
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways, 'the German encoder scrolls sideways at 375 px by').toBeLessThanOrEqual(0);
});
