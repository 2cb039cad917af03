import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, waitForMonaco } from './fixtures';
import { decoderLink, hs256 } from './tokens';
import { expectNoSidewaysScroll } from './overflow';

// The workbench in each of its eight languages, at phone width: it opens in the
// browser's language (and so does a shared link), every view speaks it, the menu
// switches without a reload and keeps what was typed, and nothing overflows.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 375, height: 812 } });

const MESSAGES = path.join(__dirname, '..', 'lib', 'i18n', 'messages');

/** A language's messages, all parts together. */
function catalogOf(locale: string): Record<string, string> {
  const dir = path.join(MESSAGES, locale);
  return Object.assign({}, ...readdirSync(dir).map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, string>));
}

const english = catalogOf('en');

/** What `locale` writes for the English message `text` (a message without arguments). */
function say(locale: string, text: string): string {
  const id = Object.keys(english).find((key) => english[key] === text);
  if (!id) throw new Error(`No message says "${text}" in English`);
  return catalogOf(locale)[id] ?? text;
}

/**
 * Browser languages that must open each of ours (a region or script tag, as browsers
 * send them), each in a time zone of its own: the page is prerendered in English at
 * UTC, and nothing the reader's language or clock changes may break its hydration.
 */
const BROWSERS = {
  ja: { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' },
  'zh-Hans': { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
  ko: { locale: 'ko-KR', timezoneId: 'Asia/Seoul' },
  es: { locale: 'es-ES', timezoneId: 'Europe/Madrid' },
  'pt-BR': { locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' },
  de: { locale: 'de-DE', timezoneId: 'Europe/Berlin' },
  fr: { locale: 'fr-FR', timezoneId: 'America/Montreal' },
} as const;

/**
 * English left on screen: visible text and accessible names (aria-label, title,
 * placeholder) with words no other of our languages writes. Code, tokens, keys, editors
 * and the language menu (each language named in itself) are not the page's words.
 */
async function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ENGLISH = /(^|[^\p{L}])(the|and|with|this|that|is|are|not|for|from|which|your|you|has|have|cannot|should|must)(?=$|[^\p{L}])/iu;
    const SKIP = '[translate="no"], code, pre, kbd, samp, textarea, input, select, script, style, svg, .monaco-editor, [data-token]';
    const visible = (element: Element) => {
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && style.display !== 'none' && (element as HTMLElement).offsetParent !== null;
    };
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || !text || parent.closest(SKIP) || !visible(parent)) continue;
      if (ENGLISH.test(text)) found.add(text.slice(0, 120));
    }
    for (const element of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (element.closest('.monaco-editor, [translate="no"] [translate="no"]')) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value && ENGLISH.test(value)) found.add(`${name}="${value.slice(0, 120)}"`);
      }
    }
    return [...found];
  });
}

async function expectAxeClean(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect.soft(results.violations.map((violation) => `${where}: ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

/** Checks one view as the reader sees it: their language, no English, fits the phone, axe-clean. */
async function expectViewIn(page: Page, locale: string, where: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).not.toHaveAttribute('data-language-pending', '');
  expect.soft(await englishLeft(page), `${where}: English left in the ${locale} page`).toEqual([]);
  await expectNoSidewaysScroll(page, `${where} (${locale})`);
  await expectAxeClean(page, `${where} (${locale})`);
}

for (const [locale, { locale: browserLocale, timezoneId }] of Object.entries(BROWSERS)) {
  test.describe(`${locale}`, () => {
    test.use({ locale: browserLocale, timezoneId });

    test(`a ${browserLocale} browser: a shared link opens in ${locale}, every view speaks it, the menu switches without a reload and keeps the token and key`, async ({ page }) => {
      const token = hs256({ sub: 'user-42', name: 'Taro', iat: 1_700_000_000 }, 'typed-secret');
      await page.goto(decoderLink({ token, key: 'typed-secret' }));
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(page.getByTestId('language-select')).toHaveValue(locale);
      await expect(page.getByTestId('mode-decode')).toHaveText(say(locale, 'Decoder'));
      await waitForMonaco(page, 'token-input');
      await expectViewIn(page, locale, 'decoder');

      // No reload: a mark left on the window survives every switch.
      await page.evaluate(() => Object.assign(window, { languageTestMark: true }));

      await page.getByTestId('mode-encode').click();
      await expect(page.getByTestId('encoded-token')).toHaveAttribute('data-state', 'signed');
      await expectViewIn(page, locale, 'encoder');

      await page.getByTestId('mode-flow').click();
      await expect(page.getByTestId('flow-issuer')).toBeVisible();
      await expectViewIn(page, locale, 'get a token');

      await page.getByTestId('mode-decode').click();
      await page.getByTestId('language-select').selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByTestId('mode-decode')).toHaveText('Decoder');
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(page.getByTestId('decoded-payload')).toContainText('user-42');

      await page.getByTestId('language-select').selectOption(locale);
      await expect(page.getByTestId('mode-decode')).toHaveText(say(locale, 'Decoder'));
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(page.getByTestId('decoded-payload')).toContainText('user-42');
      expect(await page.evaluate(() => (window as { languageTestMark?: boolean }).languageTestMark)).toBe(true);
      await expectViewIn(page, locale, 'decoder after switching back');
    });

    test(`${locale}: the choice is remembered, a link's lang wins over it, and the privacy page speaks it too`, async ({ page }) => {
      await page.goto('./');
      const other = locale === 'de' ? 'fr' : 'de';
      await page.getByTestId('language-select').selectOption(other);
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      expect(await page.evaluate(() => Object.entries(localStorage))).toEqual([['jwt-workbench-language', other]]);

      await page.goto('./privacy/');
      await expect(page.getByTestId('language-select')).toHaveValue(other);
      await expectViewIn(page, other, 'privacy page');

      await page.goto(`./#lang=${encodeURIComponent(locale)}`);
      await expect(page.getByTestId('mode-decode')).toHaveText(say(locale, 'Decoder'));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
    });
  });
}

test('an English browser opens in English, with nothing hidden while waiting for another language', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).not.toHaveAttribute('data-language-pending', '');
  await expect(page.getByTestId('language-select')).toHaveValue('en');
  await expect(page.getByTestId('mode-decode')).toHaveText('Decoder');
});

test('a language picked while the page is still starting is not lost: the menu waits, disabled, until the page can hear it', async ({ page }) => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The page's scripts are held back: the prerendered page is on screen, React is not running yet.
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  await expect(page.getByTestId('language-select')).toBeDisabled();
  release();
  await page.getByTestId('language-select').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('mode-decode')).toHaveText(say('ko', 'Decoder'));
});
