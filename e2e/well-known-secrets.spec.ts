import { randomBytes } from 'node:crypto';
import { test, expect, waitForMonaco, fillEditor } from './fixtures';
import { hs256 } from './tokens';

// Turbopack starts every module worker through one bootstrap script; its `#params` name the chunks it loads.
const WORKER = /\/turbopack-worker-[^/]*\.js#params=/;

/** The chunks a worker started by Turbopack loads, other than Turbopack's own runtime. */
function workerChunks(url: string): string[] {
  const params: unknown = JSON.parse(decodeURIComponent(url.slice(url.indexOf('#params=') + '#params='.length)));
  const chunks = Array.isArray(params) && Array.isArray(params[0]) ? (params[0] as unknown[]) : [];
  return chunks.filter((chunk): chunk is string => typeof chunk === 'string' && !/\/turbopack-[^/]*\.js$/.test(chunk));
}

test.describe('well-known secrets', () => {
  test('a token signed with a listed secret is named, a listed key is noted, a random secret is not', async ({ page, watch }) => {
    const workersStarted: string[] = [];
    page.on('worker', (worker) => workersStarted.push(worker.url()));
    const secretWorkers = () => workersStarted.filter((url) => WORKER.test(url));
    const now = Math.floor(Date.now() / 1000);
    const randomSecret = randomBytes(32).toString('base64url');
    const verifies = page.locator('[data-finding="well-known-secret-verifies"]');
    const listed = page.locator('[data-finding="well-known-secret"]');
    const findings = page.getByTestId('findings');

    await test.step('with a key given, the worker is not loaded and no note appears', async () => {
      const token = hs256({ sub: 'random', iat: now }, randomSecret);
      await page.goto(`./#token=${token}&key=${encodeURIComponent(randomSecret)}`);
      await waitForMonaco(page, 'token-input');
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(findings).toHaveAttribute('data-secret-trial', 'idle');
      await expect(verifies).toHaveCount(0);
      await expect(listed).toHaveCount(0);
      expect(secretWorkers()).toEqual([]);
    });

    await test.step('no key: the token verifies with a listed secret, named in the note; its button fills the key', async () => {
      const requestedBefore = watch.requests.map((request) => request.url);
      const token = hs256({ sub: 'tutorial', iat: now }, 'your-256-bit-secret');
      await page.goto(`./#token=${token}`);
      await expect(verifies).toContainText('This token verifies with the well-known secret “your-256-bit-secret”');
      await expect(verifies).toContainText(/well-known secret/);
      // The trial ran in a worker started only now, whose code the page had not fetched before.
      expect(secretWorkers()).toHaveLength(1);
      const chunks = workerChunks(secretWorkers()[0]!);
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) expect(requestedBefore.some((url) => url.endsWith(chunk)), chunk).toBe(false);
      await page.getByTestId('use-well-known-secret').click();
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(listed).toContainText('This secret is on the list of well-known secrets');
      await expect(verifies).toHaveCount(0);
    });

    await test.step('a listed key pasted for another token is on the list', async () => {
      await fillEditor(page, 'token-input', hs256({ sub: 'other', iat: now }, 'keyboard cat'));
      await fillEditor(page, 'key-input', 'secret');
      await expect(listed).toContainText('on the list of well-known secrets');
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'invalid');
      await fillEditor(page, 'key-input', 'keyboard cat');
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(listed).toBeVisible();
    });

    await test.step('a token signed with a random 32-byte secret, no key: the trial ends with no note', async () => {
      await fillEditor(page, 'key-input', '');
      await fillEditor(page, 'token-input', hs256({ sub: 'strong', iat: now }, randomSecret));
      await expect(findings).toHaveAttribute('data-secret-trial', 'done');
      await expect(verifies).toHaveCount(0);
      await expect(listed).toHaveCount(0);
      // The same machinery still finds a listed secret right after.
      await fillEditor(page, 'token-input', hs256({ sub: 'again', iat: now }, 'changeme'));
      await expect(verifies).toContainText('“changeme”');
    });
  });
});
