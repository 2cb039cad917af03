import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface PageWatch {
  /** Every request the page made, in order. */
  requests: { url: string; method: string; postData: string | null }[];
  consoleErrors: string[];
  cspViolations: string[];
}

interface TestFixtures {
  watch: PageWatch;
  allowConsoleErrors: RegExp[];
  allowedOrigins: string[];
  /**
   * `test.use({ sharedPage: true })`: the test gets its worker's one page, kept
   * open from test to test with Monaco loaded, instead of a fresh browser
   * context and page. The test starts by opening a link (`page.goto('./#token=…')`):
   * on the page the previous test left, only the fragment changes, so the app
   * opens the link without reloading (as when a user pastes a link into the
   * address bar); a `page.goto` to another path, or without a fragment, loads
   * afresh. Requests, console and CSP are watched per test as usual. For tests
   * whose state a link sets entirely; a test about privacy, offline use, a
   * first visit or anything a previous test could leave behind (theme, panels,
   * the encoder) keeps its own context, and so does a test that uses `context`.
   */
  sharedPage: boolean;
}

/**
 * Every test gets a page that records what it did, and fails afterwards if
 * a request went to another origin, the console showed an error, or the
 * Content-Security-Policy was violated.
 */
export const test = base.extend<TestFixtures, { workerPage: { page: Page | null } }>({
  sharedPage: [false, { option: true }],
  // Made on first use only, closed with the worker.
  workerPage: [
    async ({}, use) => {
      const holder: { page: Page | null } = { page: null };
      await use(holder);
      await holder.page?.context().close();
    },
    { scope: 'worker' },
  ],
  // Not built on Playwright's page fixture, so a shared-page test opens no page of its own.
  page: async ({ context, sharedPage, workerPage, browser }, use) => {
    if (!sharedPage) return use(await context.newPage());
    if (!workerPage.page || workerPage.page.isClosed()) {
      await workerPage.page?.context().close();
      workerPage.page = await newSharedPage(browser);
    }
    await use(workerPage.page);
  },
  allowConsoleErrors: [[], { option: true }],
  /** Other origins a test deliberately talks to (e.g. a local JWKS server the user asked to fetch from). */
  allowedOrigins: [[], { option: true }],
  // auto: every test is watched, whether or not it asks for the record.
  watch: [
    async ({ page, baseURL, allowConsoleErrors, allowedOrigins }, use) => {
      const watch: PageWatch = { requests: [], consoleErrors: [], cspViolations: [] };
      const origin = new URL(baseURL ?? 'http://127.0.0.1:3100/').origin;
      const stop = await watchPage(page, watch);
      await use(watch);
      stop();

      const foreign = watch.requests.filter((request) => !sameOrigin(request.url, origin) && !allowedOrigins.some((allowed) => sameOrigin(request.url, allowed)));
      expect(foreign.map((request) => request.url), 'requests to other origins').toEqual([]);
      expect(watch.cspViolations, 'Content-Security-Policy violations').toEqual([]);
      const unexpected = watch.consoleErrors.filter((message) => !allowConsoleErrors.some((pattern) => pattern.test(message)));
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

// The watch each page reports CSP violations to (a page's exposed function cannot be replaced).
const cspTargets = new WeakMap<Page, { watch: PageWatch | null }>();

/** Records what the page does into `watch`, until the returned function is called. */
export async function watchPage(page: Page, watch: PageWatch): Promise<() => void> {
  const onRequest = (request: import('@playwright/test').Request) => {
    watch.requests.push({ url: request.url(), method: request.method(), postData: request.postData() });
  };
  const onConsole = (message: import('@playwright/test').ConsoleMessage) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  };
  const onPageError = (error: Error) => watch.consoleErrors.push(`uncaught: ${error.message}`);
  page.on('request', onRequest);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  let target = cspTargets.get(page);
  if (!target) {
    target = { watch };
    cspTargets.set(page, target);
    const forward = target;
    // Violations are reported as DOM events; forward them to the test. Awaited,
    // so a test that never touches the page cannot end before this is set up.
    await page.exposeFunction('__reportCspViolation', (text: string) => forward.watch?.cspViolations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
        report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
  }
  target.watch = watch;
  return () => {
    page.off('request', onRequest);
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    if (target.watch === watch) target.watch = null;
  };
}

/** The shared page's context: made as playwright.config.ts makes each test's own. */
async function newSharedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100/',
    permissions: ['clipboard-read', 'clipboard-write'],
    serviceWorkers: 'block',
  });
  return context.newPage();
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
