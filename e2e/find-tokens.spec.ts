import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, waitForMonaco } from './fixtures';
import { b64url, hs256 } from './tokens';

const now = Math.floor(Date.now() / 1000);

/** A compact JWE of five parts (its contents are never decrypted here). */
function jwe(): string {
  return [b64url(JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid: 'session-key' })), '', b64url(randomBytes(12)), b64url(randomBytes(48)), b64url(randomBytes(16))].join('.');
}

/** Pastes text into the token editor from the clipboard, as a user does. */
async function pasteIntoEditor(page: Page, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.getByTestId('token-input').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

async function openDecoder(page: Page) {
  await page.goto('./');
  await waitForMonaco(page, 'token-input');
}

test.describe('tokens found in pasted text', () => {
  const bearer = hs256({ sub: 'bearer-user', iat: now }, 'request-secret');
  const session = jwe();
  const request = [
    'GET /api/orders HTTP/1.1',
    'Host: shop.example',
    `Authorization: Bearer ${bearer}`,
    `Cookie: theme=dark; session=${session}`,
    'Accept: application/json',
    '',
  ].join('\r\n');

  test('a raw HTTP request: every token is listed with where it was found, the first is opened, another can be picked', async ({ page }) => {
    await openDecoder(page);
    await pasteIntoEditor(page, request);

    const found = page.getByTestId('found-token');
    await expect(found).toHaveCount(2);
    await expect(page.getByRole('status').filter({ hasText: 'Found 2 tokens in the pasted text' })).toBeVisible();
    await expect(found.nth(0)).toHaveAttribute('data-token', bearer);
    await expect(found.nth(0)).toHaveAttribute('data-source', 'Authorization header (Bearer), line 3');
    await expect(found.nth(1)).toHaveAttribute('data-token', session);
    await expect(found.nth(1)).toHaveAttribute('data-source', 'cookie session, line 4');

    // The first is opened: decoded, and pressed in the list.
    await expect(found.nth(0)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "bearer-user"');
    await expect(page.getByTestId('token-error')).toHaveCount(0);

    await found.nth(1).click();
    await expect(found.nth(1)).toHaveAttribute('aria-pressed', 'true');
    await expect(found.nth(0)).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('decoded-header')).toContainText('"kid": "session-key"');
    await expect(page.getByTestId('decoded-payload')).toHaveCount(0);
    // The paste itself stays in the editor: the list is still there, and the first can be opened again.
    await expect(found).toHaveCount(2);
    await found.nth(0).click();
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "bearer-user"');
  });

  test('a share link made while a found token is open carries exactly that token', async ({ page }) => {
    await openDecoder(page);
    await pasteIntoEditor(page, request);
    await expect(page.getByTestId('found-token')).toHaveCount(2);
    await page.getByTestId('found-token').nth(1).click();
    await expect(page.getByTestId('decoded-header')).toContainText('"kid": "session-key"');

    await page.getByTestId('share-button').click();
    const link = await page.getByTestId('share-url').inputValue();
    const fragment = new URLSearchParams(new URL(link).hash.slice(1));
    expect(fragment.get('token')).toBe(session);
    expect(link).not.toContain('theme');
    expect(link).not.toContain(bearer);
  });

  test('a HAR file chosen with the file picker: the token in a response body is found with its entry URL', async ({ page }) => {
    await openDecoder(page);
    const accessToken = hs256({ sub: 'har-user', scope: 'orders', iat: now }, 'har-secret');
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          {
            request: { method: 'GET', url: 'https://shop.example/', headers: [], queryString: [], cookies: [] },
            response: { status: 200, headers: [], cookies: [], content: { mimeType: 'text/html', text: '<p>hello</p>' } },
          },
          {
            request: { method: 'POST', url: 'https://login.example/oauth/token', headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], queryString: [], cookies: [] },
            response: {
              status: 200,
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              cookies: [],
              content: { mimeType: 'application/json', text: JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 300 }) },
            },
          },
        ],
      },
    };
    await page.getByLabel('Open a file…').setInputFiles({ name: 'shop.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(har)) });

    const found = page.getByTestId('found-token');
    await expect(found).toHaveCount(1);
    await expect(found).toHaveAttribute('data-token', accessToken);
    const source = await found.getAttribute('data-source');
    expect(source).toContain('https://login.example/oauth/token');
    expect(source).toContain('response');
    expect(source).toContain('$.access_token');
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "har-user"');
    await expect(page.getByRole('status').filter({ hasText: 'Opened shop.har' })).toBeVisible();
  });

  test('a log file dropped on the editor is read in the page and searched; the drag shows an outline', async ({ page }) => {
    await openDecoder(page);
    const token = hs256({ sub: 'dropped-user', iat: now }, 'drop-secret');
    const editor = page.getByTestId('token-input');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'app.log', { type: 'text/plain' }));
      return transfer;
    }, `10:00:01 DEBUG calling upstream\n10:00:02 DEBUG sent header Authorization: Bearer ${token}\n`);
    await editor.dispatchEvent('dragenter', { dataTransfer });
    await editor.dispatchEvent('dragover', { dataTransfer });
    await expect(page.locator('.outline-dashed')).toHaveCount(1);
    await editor.dispatchEvent('drop', { dataTransfer });
    await expect(page.locator('.outline-dashed')).toHaveCount(0);

    const found = page.getByTestId('found-token');
    await expect(found).toHaveCount(1);
    await expect(found).toHaveAttribute('data-source', 'line 2');
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "dropped-user"');
    await expect(page.getByRole('status').filter({ hasText: 'Opened app.log' })).toBeVisible();
  });

  test('a large log (over 200 KB) is searched between frames, and a search for text since changed gives way to the new one', async ({ page }) => {
    await openDecoder(page);
    const early = hs256({ sub: 'early-user', iat: now }, 'log-secret');
    const late = hs256({ sub: 'late-user', iat: now }, 'log-secret');
    const filler = Array.from({ length: 4000 }, (_, index) => `2026-12-04T10:00:${String(index % 60).padStart(2, '0')}Z INFO worker ${index} handled a request in 12 ms`).join('\n');
    expect(filler.length).toBeGreaterThan(200_000);
    await pasteIntoEditor(page, `${filler}\nDEBUG token=${early}\n`);
    // Pasted again at once: only the tokens of the text now in the editor are listed.
    await pasteIntoEditor(page, `${filler}\nDEBUG token=${late}\n`);
    const found = page.getByTestId('found-token');
    await expect(found).toHaveCount(1, { timeout: 20_000 });
    await expect(found).toHaveAttribute('data-token', late);
    await expect(found).toHaveAttribute('data-source', 'line 4001');
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "late-user"');
  });

  test('a HAR too large for the editor is listed from the file, and the token picked goes into the editor alone', async ({ page }) => {
    await openDecoder(page);
    const filler = 'x'.repeat(4000);
    const tokens = Array.from({ length: 300 }, (_, index) => hs256({ sub: `big-har-user-${index}`, iat: now }, 'big-har-secret'));
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: tokens.map((token, index) => ({
          request: { method: 'GET', url: `https://api.example/items/${index}`, headers: [{ name: 'Authorization', value: `Bearer ${token}` }], queryString: [], cookies: [] },
          response: { status: 200, headers: [], cookies: [], content: { mimeType: 'text/plain', text: filler } },
        })),
      },
    };
    const buffer = Buffer.from(JSON.stringify(har));
    expect(buffer.length).toBeGreaterThan(1_000_000);
    await page.getByLabel('Open a file…').setInputFiles({ name: 'big.har', mimeType: 'application/json', buffer });

    const found = page.getByTestId('found-token');
    await expect(found).toHaveCount(300);
    await expect(page.getByRole('status').filter({ hasText: 'Found 300 tokens in big.har' })).toBeVisible();
    // The editor holds the first token alone, not the 1.2 MB file.
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "big-har-user-0"');
    expect((await page.getByTestId('token-input').innerText()).length).toBeLessThan(1000);
    await found.nth(7).click();
    await expect(found.nth(7)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "big-har-user-7"');
    await page.getByRole('button', { name: 'Close the file' }).click();
    await expect(found).toHaveCount(0);
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "big-har-user-7"');
  });

  test('a file over 50 MB is refused with a clear message, and the editor keeps its text', async ({ page }) => {
    await openDecoder(page);
    await expect(page.getByTestId('decoded-payload')).toContainText('Ada Lovelace');
    const editor = page.getByTestId('token-input');
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(51 * 1024 * 1024)], 'huge.har'));
      return transfer;
    });
    await editor.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByRole('alert').filter({ hasText: 'huge.har is 51 MB: files up to 50 MB can be opened here.' })).toBeVisible();
    await expect(page.getByTestId('decoded-payload')).toContainText('Ada Lovelace');
  });

  test('a token cut short in a log line is listed as truncated, with where it was cut, and what can be decoded is', async ({ page }) => {
    await openDecoder(page);
    const token = hs256({ sub: 'log-user', email: 'someone@example.com', iat: now }, 'log-secret');
    const [header, payload] = token.split('.');
    const cut = `${header}.${payload!.slice(0, 30)}`;
    await pasteIntoEditor(page, `2026-12-04T10:00:00.000Z INFO request handled token=${cut}`);

    const found = page.getByTestId('found-token');
    await expect(found).toHaveCount(1);
    await expect(found).toHaveAttribute('data-token', cut);
    await expect(found).toHaveAttribute('data-truncated', '');
    await expect(found).toContainText(`Truncated: cut short in the payload, after character ${cut.length}.`);
    // Opened: the header is decoded, the payload is shown up to the cut, and the decoder's own message says where it stops.
    await expect(page.getByTestId('decoded-header')).toContainText('"alg": "HS256"');
    await expect(page.getByText(`The opened token was cut short in the payload, after character ${cut.length}`)).toBeVisible();
    await expect(page.getByText('{"sub":"log-user","e')).toBeVisible();
    await expect(page.getByTestId('token-error')).toContainText('cut short');
  });
});
