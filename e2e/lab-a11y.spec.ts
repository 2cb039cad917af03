import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const TABS = ['Compare', 'Test your verifier', 'Use in your code'];

/** Serious or critical axe violations in the token lab, in the light theme and in the dark. */
async function labAxeProblems(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    const results = await new AxeBuilder({ page }).include('section[aria-labelledby="lab-heading"]').analyze();
    for (const violation of results.violations) {
      if (violation.impact === 'serious' || violation.impact === 'critical') found.push(`${theme}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

test('at 375 px the token lab has no serious axe violations, and every attack token can be reached and scrolled from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  for (const name of TABS) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    if (name === 'Test your verifier') await expect(page.getByTestId('attack-variant').first()).toBeVisible();
    if (name === 'Use in your code') await expect(page.getByTestId('snippet').first()).toBeVisible();
    expect(await labAxeProblems(page), `the "${name}" tab`).toEqual([]);
  }

  await test.step('a scrolling attack token takes the focus, is named, and scrolls with the arrow keys', async () => {
    await page.getByRole('tab', { name: 'Test your verifier' }).click();
    // The embedded-key variant carries a whole public key in its header: always long enough to scroll.
    const variant = page.locator('[data-testid="attack-variant"][data-attack="jwk-injection"]').first();
    const box = variant.getByRole('group', { name: /^Token:/ });
    await expect(box).toHaveCount(1);
    const scrolls = await box.evaluate((element) => element.scrollHeight > element.clientHeight);
    expect(scrolls, 'the jwk-injection token is long enough to scroll at 375 px').toBe(true);
    await box.focus();
    await expect(box).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect.poll(() => box.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  });
});

test('the token lab tabs follow the WAI-ARIA tabs pattern: arrow keys, Home and End, and each tab controls a tabpanel in the page', async ({ page }) => {
  await page.goto('./');
  const tabs = page.getByRole('tablist', { name: 'Token lab' }).getByRole('tab');
  await expect(tabs).toHaveCount(TABS.length);

  /** The selected tab is the focused one, the only one in the tab order, and its panel is shown. */
  const expectSelected = async (name: string) => {
    const tab = page.getByRole('tab', { name });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(tab).toBeFocused();
    await expect(tab).toHaveAttribute('tabindex', '0');
    for (const other of TABS.filter((label) => label !== name)) {
      await expect(page.getByRole('tab', { name: other })).toHaveAttribute('aria-selected', 'false');
      await expect(page.getByRole('tab', { name: other })).toHaveAttribute('tabindex', '-1');
    }
    await expect(page.getByRole('tabpanel', { name })).toBeVisible();
  };

  /** Every tab's aria-controls names a tabpanel that is in the page and is labelled by that tab. */
  const expectPanelsControlled = async () => {
    for (const tab of await tabs.all()) {
      const controls = await tab.getAttribute('aria-controls');
      const tabId = await tab.getAttribute('id');
      expect(controls, `aria-controls of ${tabId}`).toBeTruthy();
      const panel = page.locator(`[id="${controls}"]`);
      await expect(panel, `the element ${controls} that ${tabId} controls`).toHaveCount(1);
      await expect(panel).toHaveAttribute('role', 'tabpanel');
      await expect(panel).toHaveAttribute('aria-labelledby', tabId!);
    }
  };

  await page.getByRole('tab', { name: 'Compare' }).focus();
  await expectSelected('Compare');
  await expectPanelsControlled();

  await page.keyboard.press('ArrowRight');
  await expectSelected('Test your verifier');
  await expectPanelsControlled();
  await page.keyboard.press('End');
  await expectSelected('Use in your code');
  await page.keyboard.press('ArrowRight');
  await expectSelected('Compare');
  await page.keyboard.press('ArrowLeft');
  await expectSelected('Use in your code');
  await page.keyboard.press('Home');
  await expectSelected('Compare');
  await page.keyboard.press('End');
  await expectSelected('Use in your code');
  await expectPanelsControlled();

  // Tab leaves the tab list for the selected panel's content, not the next tab.
  await page.keyboard.press('Tab');
  await expect(page.locator('[role="tab"]:focus')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.closest('[role="tabpanel"]')?.id)).toBe(await page.getByRole('tab', { name: 'Use in your code' }).getAttribute('aria-controls'));
});
