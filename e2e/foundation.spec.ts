import AxeBuilder from '@axe-core/playwright';
import { test, expect, waitForMonaco, fillEditor } from './fixtures';

test.describe('the page shell', () => {
  test('the decoder page loads without console errors and Monaco comes from our origin', async ({ page, watch, baseURL }) => {
    await page.goto('./');
    await expect(page.getByRole('link', { name: /JWT Workbench/ })).toBeVisible();
    await expect(page.getByTestId('mode-decode')).toHaveAttribute('aria-pressed', 'true');
    await waitForMonaco(page, 'token-input');
    const origin = new URL(baseURL!).origin;
    const workerOrScript = watch.requests.filter((request) => /\.js(\?|$)/.test(request.url));
    expect(workerOrScript.length).toBeGreaterThan(0);
    for (const request of workerOrScript) expect(new URL(request.url).origin).toBe(origin);
  });

  test('the Monaco token editor accepts typed text', async ({ page }) => {
    await page.goto('./');
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', 'abc.def');
    await page.keyboard.type('.ghi');
    await expect(page.getByTestId('token-input').locator('.view-lines')).toContainText('abc.def.ghi');
  });

  test('the theme control switches and the choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('./');
    const html = page.locator('html');
    await expect(html).not.toHaveClass(/dark/);
    await page.getByTestId('theme-dark').click();
    await expect(html).toHaveClass(/dark/);
    await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(html).toHaveClass(/dark/);
    await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('theme-system').click();
    await expect(html).not.toHaveClass(/dark/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveClass(/dark/);
  });

  test('the page works at phone width without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('./');
    await waitForMonaco(page, 'token-input');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByTestId('mode-encode')).toBeVisible();
    await page.getByTestId('mode-encode').click();
    await expect(page.getByTestId('mode-encode')).toHaveAttribute('aria-pressed', 'true');
  });

  test('the footer explains the privacy guarantee and links to the details', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('contentinfo')).toContainText('Tokens never leave your browser');
    await page.getByRole('link', { name: 'How to check this yourself' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('never leave your browser');
  });
});

test.describe('accessibility', () => {
  for (const view of ['decode', 'encode'] as const) {
    test(`the ${view} view has no serious or critical axe violations, in the light theme and in the dark`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto('./');
      await page.getByTestId(`mode-${view}`).click();
      if (view === 'decode') await waitForMonaco(page, 'token-input');
      // The theme follows the system while "System" is chosen: one page, both themes.
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${theme}: ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
        expect(serious).toEqual([]);
      }
    });
  }
});
