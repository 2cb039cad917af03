import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export interface PageWatch {
  /** Every request the page made, in order. */
  requests: { url: string; method: string; postData: string | null }[];
  consoleErrors: string[];
  cspViolations: string[];
}

/**
 * Every test gets a page that records what it did, and fails afterwards if
 * a request went to another origin, the console showed an error, or the
 * Content-Security-Policy was violated.
 */
export const test = base.extend<{ watch: PageWatch; allowConsoleErrors: RegExp[]; allowedOrigins: string[] }>({
  allowConsoleErrors: [[], { option: true }],
  /** Other origins a test deliberately talks to (e.g. a local JWKS server the user asked to fetch from). */
  allowedOrigins: [[], { option: true }],
  // auto: every test is watched, whether or not it asks for the record.
  watch: [
    async ({ page, baseURL, allowConsoleErrors, allowedOrigins }, use) => {
      const watch: PageWatch = { requests: [], consoleErrors: [], cspViolations: [] };
      const origin = new URL(baseURL ?? 'http://127.0.0.1:3100/').origin;
      await watchPage(page, watch);
      await use(watch);

      const foreign = watch.requests.filter((request) => !sameOrigin(request.url, origin) && !allowedOrigins.some((allowed) => sameOrigin(request.url, allowed)));
      expect(foreign.map((request) => request.url), 'requests to other origins').toEqual([]);
      expect(watch.cspViolations, 'Content-Security-Policy violations').toEqual([]);
      const unexpected = watch.consoleErrors.filter((message) => !allowConsoleErrors.some((pattern) => pattern.test(message)));
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export async function watchPage(page: Page, watch: PageWatch) {
  page.on('request', (request) => {
    watch.requests.push({ url: request.url(), method: request.method(), postData: request.postData() });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(`uncaught: ${error.message}`));
  // Violations are reported as DOM events; forward them to the test. Awaited,
  // so a test that never touches the page cannot end before this is set up.
  await page.exposeFunction('__reportCspViolation', (text: string) => watch.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

function sameOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Waits until the editor with this test id has become Monaco. */
export async function waitForMonaco(page: Page, testId: string) {
  // Monaco arrives after the page is interactive; on a busy machine that can take a while.
  await expect(page.getByTestId(testId)).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  await expect(page.getByTestId(testId).locator('.monaco-editor')).toBeVisible();
}

/** Fills an editor the way the automation contract describes: click, select all, insert (or paste long text). */
export async function fillEditor(page: Page, testId: string, text: string) {
  const editor = page.getByTestId(testId);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  if (text.length > 2000) {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await page.keyboard.press('ControlOrMeta+V');
  } else if (text === '') {
    await page.keyboard.press('Delete');
  } else {
    await page.keyboard.insertText(text);
  }
}

/** What the clipboard holds, read as a user would: by pasting into a blank page of the same browser. */
export async function readClipboard(context: BrowserContext): Promise<string> {
  const blank = await context.newPage();
  await blank.setContent('<textarea id="paste" aria-label="paste"></textarea>');
  await blank.locator('#paste').focus();
  await blank.keyboard.press('ControlOrMeta+V');
  const text = await blank.locator('#paste').inputValue();
  await blank.close();
  return text;
}

export { expect };
