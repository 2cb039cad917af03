import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { hs256 } from './tokens';

// Blocked script downloads are logged by the browser; blocking them keeps the first view still while it is compared.
test.use({ allowConsoleErrors: [/Failed to load resource/] });

const SCRIPTS = /\/_next\/static\/chunks\/.*\.js(\?.*)?$/;
const STYLESHEETS = /\/_next\/static\/.*\.css(\?.*)?$/;
const WHOLE_SHEET = 'link[rel="stylesheet"][data-precedence]';

/** How every element of the page looks: its box, and the computed styles a reader would see change. */
function lookOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const properties = [
      'display', 'position', 'visibility', 'opacity', 'color', 'background-color', 'font-family', 'font-size', 'font-weight',
      'line-height', 'letter-spacing', 'text-transform', 'text-align', 'white-space', 'margin', 'padding', 'border-width',
      'border-style', 'border-color', 'border-radius', 'box-shadow', 'outline-style', 'gap', 'grid-template-columns',
      'flex-direction', 'justify-content', 'align-items', 'overflow', 'color-scheme', 'cursor',
    ];
    return [...document.querySelectorAll('html, body, body *')]
      .filter((element) => !['SCRIPT', 'STYLE', 'LINK'].includes(element.tagName))
      .map((element, index) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const where = [box.x, box.y, box.width, box.height].map((value) => Math.round(value * 100) / 100).join(',');
        return `${index} ${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''} ${where} ${properties.map((name) => style.getPropertyValue(name)).join('|')}`;
      });
  });
}

/** Layout shifts, recorded from the start of each document. */
/** Records every layout shift with what moved, as "value: element (from → to)". */
async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: { value: number; moved: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => {
        const shift = entry as unknown as { value: number; sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
        const moved = (shift.sources ?? []).map(
          (source) => `${source.node instanceof Element ? source.node.outerHTML.slice(0, 80) : source.node?.nodeName} (${Math.round(source.previousRect.width)}×${Math.round(source.previousRect.height)} at ${Math.round(source.previousRect.x)},${Math.round(source.previousRect.y)} → ${Math.round(source.currentRect.width)}×${Math.round(source.currentRect.height)} at ${Math.round(source.currentRect.x)},${Math.round(source.currentRect.y)})`,
        );
        shifts.push({ value: shift.value, moved });
      }),
    ).observe({ type: 'layout-shift', buffered: true });
  });
}

// Chromium now and then sizes a native <select> a few pixels differently on a later
// layout, with no script and no stylesheet change (seen: a layout shift of 0.0001).
// A rule missing from the inlined part moves whole blocks, far above this; and the
// computed styles of every element are compared as well.
const SHIFT_TOLERANCE = 0.001;

const token = hs256({ sub: 'first-view-css', iat: 1_700_000_000, exp: 4_100_000_000 }, 'first-view-secret');
const VIEWS = [
  { name: 'home', url: './' },
  { name: 'privacy page', url: './privacy/' },
  { name: 'share link (painted by the inline preview)', url: './#' + new URLSearchParams({ token }) },
];
const LOOKS = [
  { name: 'light, wide', colorScheme: 'light' as const, viewport: { width: 1280, height: 900 } },
  { name: 'dark, phone', colorScheme: 'dark' as const, viewport: { width: 390, height: 844 } },
];

for (const look of LOOKS) {
  test(`first views (${look.name}) paint before the whole stylesheet arrives, and look the same before, with and after it`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(look.viewport);
    await page.emulateMedia({ colorScheme: look.colorScheme });
    await recordLayoutShifts(page);
    await page.route(SCRIPTS, (route) => route.abort());
    for (const view of VIEWS) {
      await test.step(view.name, async () => {
        let release: () => void = () => {};
        const released = new Promise<void>((resolve) => (release = resolve));
        await page.route(STYLESHEETS, async (route) => {
          await released;
          await route.continue();
        });
        await page.goto('about:blank');
        await page.goto(view.url, { waitUntil: 'domcontentloaded' });
        // Painted while the stylesheet is still held.
        await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)).toBe(1);
        await expect(page.locator(WHOLE_SHEET)).toHaveAttribute('media', 'print');
        expect(await page.evaluate((selector) => document.querySelector(selector)?.previousElementSibling?.tagName, WHOLE_SHEET)).toBe('STYLE');
        if (view.url.includes('#')) await expect(page.locator('[data-boot-claim="sub"]')).toContainText('first-view-css');
        if (look.colorScheme === 'dark') expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
        const inlineOnly = await lookOf(page);

        // Only what the whole sheet's arrival moves counts here: a first paint made while the
        // HTML was still being parsed can show part of a row before the rest of it arrives,
        // which is the page load's own layout shift (the bench reports it, within 0.01).
        await page.evaluate(() => {
          (window as unknown as { __shifts: unknown[] }).__shifts.length = 0;
        });
        release();
        await expect(page.locator(WHOLE_SHEET)).toHaveAttribute('media', 'all');
        await page.waitForFunction((selector) => {
          const link = document.querySelector<HTMLLinkElement>(selector);
          return link?.sheet != null && [...document.styleSheets].includes(link.sheet) && link.sheet.cssRules.length > 0;
        }, WHOLE_SHEET);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        expect(await lookOf(page), 'with the whole sheet applied').toEqual(inlineOnly);
        const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; moved: string[] }[] }).__shifts);
        const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
        expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThanOrEqual(SHIFT_TOLERANCE);

        // The whole sheet alone (the inlined part taken away) looks the same too.
        await page.evaluate((selector) => document.querySelector(selector)?.previousElementSibling?.remove(), WHOLE_SHEET);
        expect(await lookOf(page), 'with the whole sheet alone').toEqual(inlineOnly);
        await page.unroute(STYLESHEETS);
      });
    }
  });
}

test('the page inlines less than the whole sheet, and applies the whole sheet only after its first frame', async ({ page, request }) => {
  await page.addInitScript(() => {
    const timing = { firstFrameAt: 0, appliedAt: 0 };
    (window as unknown as { __timing: typeof timing }).__timing = timing;
    requestAnimationFrame(() => (timing.firstFrameAt = performance.now()));
    new MutationObserver(() => {
      const link = document.querySelector('link[rel="stylesheet"][data-precedence]');
      if (link?.getAttribute('media') === 'all' && !timing.appliedAt) timing.appliedAt = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['media'] });
  });
  await page.goto('./');
  await expect(page.locator(WHOLE_SHEET)).toHaveAttribute('media', 'all');
  const timing = await page.evaluate(() => (window as unknown as { __timing: { firstFrameAt: number; appliedAt: number } }).__timing);
  expect(timing.firstFrameAt).toBeGreaterThan(0);
  expect(timing.appliedAt).toBeGreaterThanOrEqual(timing.firstFrameAt);

  const href = await page.locator(WHOLE_SHEET).getAttribute('href');
  const whole = await (await request.get(new URL(href ?? '', page.url()).href)).text();
  const inlined = await page.evaluate((selector) => document.querySelector(selector)?.previousElementSibling?.textContent ?? '', WHOLE_SHEET);
  expect(inlined.length).toBeGreaterThan(1_000);
  expect(inlined.length).toBeLessThan(whole.length * 0.75);
});
