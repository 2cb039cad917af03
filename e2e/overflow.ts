import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// At phone width nothing may scroll sideways: not the page, and no box or line of
// text past the right edge of the screen. Content may run wider than the screen only
// inside a box that scrolls or clips it and that itself fits.

export interface Overflow {
  /** How far the page itself scrolls sideways, in CSS pixels. */
  page: number;
  /** Boxes and lines of text that reach past the right edge, described. */
  past: string[];
}

/** Measures, in the page, everything that reaches past the viewport's right edge. */
export async function overflowOf(page: Page): Promise<Overflow> {
  // Layout settles after fonts and late panels: measure a settled page.
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const root = document.documentElement;
    const edge = Math.min(root.clientWidth, window.innerWidth);
    const TOLERANCE = 0.5;
    /** The nearest ancestor (below <body>) that scrolls or clips sideways. */
    const clipperOf = (start: Element | null): Element | null => {
      for (let element = start; element && element !== document.body && element !== root; element = element.parentElement) {
        const overflowX = getComputedStyle(element).overflowX;
        if (overflowX !== 'visible') return element;
      }
      return null;
    };
    const describe = (element: Element, right: number, text?: string): string => {
      const testId = element.closest('[data-testid]')?.getAttribute('data-testid');
      const classes = typeof element.className === 'string' ? element.className.split(/\s+/).slice(0, 6).join('.') : '';
      const what = text !== undefined ? `text "${text.trim().slice(0, 40)}" in <${element.tagName.toLowerCase()}>` : `<${element.tagName.toLowerCase()}${classes ? '.' + classes : ''}>`;
      return `${what}${testId ? ` (within [data-testid="${testId}"])` : ''} reaches ${Math.round(right)} px, past ${edge} px`;
    };
    /** A rectangle past the edge is fine only when an ancestor clips it and that ancestor fits. */
    const escapes = (owner: Element, rect: DOMRect, selfClips: boolean): boolean => {
      if (rect.width === 0 || rect.height === 0 || rect.right <= edge + TOLERANCE) return false;
      const clipper = clipperOf(selfClips ? owner.parentElement : owner);
      return !clipper || clipper.getBoundingClientRect().right > edge + TOLERANCE;
    };
    const past: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      // An element is measured by its own box, which a clipping ancestor may hide; its own overflow clips only its content.
      if (escapes(element, rect, true)) past.push(describe(element, rect.right));
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement) continue;
      range.selectNodeContents(node);
      // One rectangle per line: a long unbroken word is found even in a paragraph that otherwise fits.
      for (const rect of Array.from(range.getClientRects())) {
        if (escapes(node.parentElement, rect, false)) {
          past.push(describe(node.parentElement, rect.right, node.textContent));
          break;
        }
      }
    }
    return { page: root.scrollWidth - edge, past };
  });
}

export async function expectNoSidewaysScroll(page: Page, where: string) {
  const overflow = await overflowOf(page);
  // Soft: every view and mode of a test is measured, and each one that overflows is reported.
  expect.soft(overflow.past, `${where}: what reaches past the right edge at 375 px`).toEqual([]);
  expect.soft(overflow.page, `${where}: the page scrolls sideways by`).toBeLessThanOrEqual(0);
}
