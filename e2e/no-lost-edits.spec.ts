import { createHmac } from 'node:crypto';
import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { decoderLink, hs256 } from './tokens';

// Issue 10, point 10: no edit is ever lost. The CPU is slowed down four times
// (as on a busy machine or a cheap laptop), and each editor is typed into
// right after an action that re-renders it: a link opening, Monaco taking
// over from the plain text box, a mode switch, an algorithm change, a key
// change. What was typed must be exactly what is decoded or signed.
test.describe.configure({ timeout: 180_000 });
// Monaco's suggest widget, when a new word starts while its completions are still being
// computed, throws this from an event handler (microsoft/vscode#170075) under quick typing
// on a slow CPU; it does not touch the text, which is what these tests check.
test.use({ allowConsoleErrors: [/^uncaught: Cannot read properties of undefined \(reading 'getItemsByProvider'\)/] });

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** Selects all in the editor and types `text` a few characters at a time, as a quick typist would. */
async function typeInto(page: Page, testId: string, text: string, { chunk = 3 } = {}) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('ControlOrMeta+A');
  for (let at = 0; at < text.length; at += chunk) await page.keyboard.insertText(text.slice(at, at + chunk));
}

/** Where the keyboard's text goes now: the editor's plain text box, its Monaco, or somewhere else. */
function focusedPart(page: Page, testId: string): Promise<'plain' | 'monaco' | 'elsewhere'> {
  return page.evaluate((id) => {
    const focused = document.activeElement;
    const editor = document.querySelector(`[data-testid="${id}"]`);
    if (!focused || !editor?.contains(focused)) return 'elsewhere';
    if (focused.closest('.monaco-editor')) return 'monaco';
    return focused instanceof HTMLTextAreaElement ? 'plain' : 'elsewhere';
  }, testId);
}

/**
 * Holds back Monaco's code (the chunk that draws its editors) until `release`: the
 * editors stay plain text boxes meanwhile. Routing also turns the HTTP cache off,
 * so a page opened again loads Monaco again.
 */
async function holdMonaco(page: Page) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  const inFlight = new Set<Promise<void>>();
  const handler = (route: Route) => {
    const handled = (async () => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('native-edit-context')) {
        held++;
        await released;
      }
      await route.fulfill({ response, body });
    })();
    inFlight.add(handled);
    return handled.finally(() => inFlight.delete(handled));
  };
  await page.route(CHUNKS, handler);
  return {
    release,
    held: () => held,
    /** Lets everything through, and stops routing once each held request is answered. */
    stop: async () => {
      release();
      await Promise.allSettled([...inFlight]);
      await page.unroute(CHUNKS, handler);
    },
  };
}

const CHUNKS = /\/_next\/static\/chunks\/.*\.js(\?.*)?$/;

/**
 * Which part of the editor received each chunk of typing: a chunk counts as received
 * by a part only when the focus was there both before and after it was typed.
 * `afterChunk` runs after each chunk, with its index.
 */
async function typeRecordingReceivers(page: Page, testId: string, text: string, chunk: number, afterChunk: (index: number) => void) {
  const editor = page.getByTestId(testId);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  const focus = [await focusedPart(page, testId)];
  for (let at = 0; at < text.length; at += chunk) {
    await page.keyboard.insertText(text.slice(at, at + chunk));
    focus.push(await focusedPart(page, testId));
    afterChunk(at / chunk);
  }
  return focus.slice(1).map((after, index) => (after === focus[index] ? after : 'during-switch'));
}

/**
 * Opens the page with `open` while Monaco's code is held back, types the first
 * chunks into the plain text box, lets Monaco load, and goes on typing while it
 * takes over. A round of typing counts only when it proves the point: the plain
 * text box received some chunks and Monaco received later ones, and no chunk went
 * anywhere else. Otherwise (Monaco came only after the last chunk) the page is
 * opened again and typed again; the test fails if no round spans the takeover.
 */
async function typeAcrossTakeover(page: Page, testId: string, text: string, open: () => Promise<void>) {
  const rounds: string[] = [];
  for (let round = 0; round < 4; round++) {
    const hold = await holdMonaco(page);
    await open();
    const receivers = await typeRecordingReceivers(page, testId, text, 2, (index) => {
      if (index === 1) hold.release();
    });
    await hold.stop();
    expect(hold.held(), 'Monaco’s code was held back while typing began').toBeGreaterThan(0);
    expect(receivers.filter((receiver) => receiver === 'elsewhere'), `${testId}: chunks typed while the editor did not have the focus`).toEqual([]);
    const firstPlain = receivers.indexOf('plain');
    const lastMonaco = receivers.lastIndexOf('monaco');
    if (firstPlain !== -1 && lastMonaco > firstPlain) return;
    // Told as runs, e.g. "plain×12, during-switch×1, monaco×40".
    const runs = receivers.reduce<[string, number][]>((list, receiver) => {
      const last = list[list.length - 1];
      if (last && last[0] === receiver) last[1]++;
      else list.push([receiver, 1]);
      return list;
    }, []);
    rounds.push(runs.map(([receiver, count]) => `${receiver}×${count}`).join(', '));
  }
  throw new Error(`${testId}: no round of typing went first into the plain text box and then into Monaco:\n${rounds.join('\n')}`);
}

function payloadOf(token: string): unknown {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
}

function headerOf(token: string): unknown {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
}

function hmacVerifies(token: string, secret: string, hash: 'sha256' | 'sha384'): boolean {
  const [header, payload, signature] = token.split('.');
  return createHmac(hash, secret).update(`${header}.${payload}`).digest('base64url') === signature;
}

/** Waits until the encoder's token is signed and passes `fits`; a failure shows what the page signed instead. */
async function expectSigned(page: Page, fits: (token: string) => boolean, message: string) {
  const output = page.getByTestId('encoded-token');
  await expect
    .poll(
      async () => {
        const state = await output.getAttribute('data-state');
        const token = (await output.getAttribute('data-token')) ?? '';
        let fitting = false;
        try {
          fitting = state === 'signed' && fits(token);
        } catch {
          // A token that cannot be read does not fit.
        }
        if (fitting) return 'signed as typed';
        const typedPayload = await page.getByTestId('encoder-payload').evaluate((editor) =>
          editor instanceof HTMLElement && editor.dataset.editor === 'plain'
            ? `(plain) ${editor.querySelector('textarea')?.value ?? ''}`
            : `(monaco) ${editor.querySelector('.view-lines')?.textContent ?? ''}`,
        );
        return `state ${state}, token ${token.slice(0, 200)}, payload editor shows ${typedPayload.slice(0, 200)}`;
      },
      { message, timeout: 20_000 },
    )
    .toBe('signed as typed');
}

async function expectDecoded(page: Page, payload: object, state: 'valid' | 'invalid' | 'unverified') {
  await expect
    .poll(async () => {
      try {
        return JSON.parse((await page.getByTestId('decoded-payload').textContent()) ?? '');
      } catch {
        // Say what the page shows instead: a lost keystroke shows up as a token that cannot be decoded.
        return (await page.getByTestId('token-error').allTextContents()).join(' ') || null;
      }
    }, { timeout: 20_000 })
    .toEqual(payload);
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', state, { timeout: 20_000 });
}

test('decoder: what is typed after a link opens, while Monaco takes over, and after a key change is what is decoded', async ({ page }) => {
  await throttle(page);
  const fromLink = hs256({ sub: 'from-the-link' }, 'link-secret');
  const typed = hs256({ sub: 'typed-1', n: 1 }, 'typed-secret');

  await test.step('typing into the token box as soon as a link has opened, across the Monaco takeover', async () => {
    await typeAcrossTakeover(page, 'token-input', typed, async () => {
      await page.goto('about:blank');
      await page.goto(decoderLink({ token: fromLink, key: 'link-secret' }));
      await expect(page.getByTestId('decoded-payload')).toContainText('from-the-link');
    });
    await expectDecoded(page, { sub: 'typed-1', n: 1 }, 'invalid');
  });

  await test.step('typing the token right after changing the key', async () => {
    await typeInto(page, 'key-input', 'typed-secret');
    const next = hs256({ sub: 'typed-2', n: 2 }, 'typed-secret');
    await typeInto(page, 'token-input', next);
    await expectDecoded(page, { sub: 'typed-2', n: 2 }, 'valid');
  });

  await test.step('typing the key right after another link opens in the same page', async () => {
    const other = hs256({ sub: 'second-link' }, 'second-secret');
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, new URL(decoderLink({ token: other }), 'http://x/').hash);
    await expect(page.getByTestId('decoded-payload')).toContainText('second-link');
    await typeInto(page, 'key-input', 'second-secret');
    await expectDecoded(page, { sub: 'second-link' }, 'valid');
  });
});

test('encoder: what is typed after a mode switch, an algorithm change and a key change is what is signed', async ({ page }) => {
  await throttle(page);
  const first = { sub: 'typed-after-switch', n: 1 };
  await test.step('typing the payload right after switching to the encoder', async () => {
    await page.goto('./');
    await expect(page.getByTestId('token-input')).toBeVisible();
    await page.getByTestId('mode-encode').click();
    await typeInto(page, 'encoder-payload', JSON.stringify(first));
    await expectSigned(page, (token) => JSON.stringify(payloadOf(token)) === JSON.stringify(first), 'the typed payload is signed');
  });

  // By the time the decoder is switched away from, Monaco has often loaded already: a link
  // that opens the encoder shows its editors as plain text boxes first.
  const fromLink = { sub: 'typed-as-monaco-takes-over', note: 'long enough to be still typing when Monaco arrives', n: 1 };
  await test.step('typing the payload as soon as a link opens the encoder, across the Monaco takeover', async () => {
    await typeAcrossTakeover(page, 'encoder-payload', JSON.stringify(fromLink), async () => {
      await page.goto('about:blank');
      await page.goto('./#mode=encode');
      await expect(page.getByTestId('encoder-payload')).toBeVisible();
    });
    await expectSigned(page, (token) => JSON.stringify(payloadOf(token)) === JSON.stringify(fromLink), 'the payload typed across the takeover is signed');
  });

  await test.step('typing the key right after it, then the payload right after the key', async () => {
    await typeInto(page, 'encoder-key', 'first-typed-secret');
    const second = { sub: 'after-key', n: 2 };
    await typeInto(page, 'encoder-payload', JSON.stringify(second));
    await expectSigned(
      page,
      (token) => JSON.stringify(payloadOf(token)) === JSON.stringify(second) && hmacVerifies(token, 'first-typed-secret', 'sha256'),
      'the typed payload, signed with the typed key',
    );
  });

  await test.step('typing the payload and the header right after an algorithm change', async () => {
    await page.getByTestId('encoder-alg').selectOption('HS384');
    const third = { sub: 'after-alg', n: 3 };
    await typeInto(page, 'encoder-payload', JSON.stringify(third));
    await expectSigned(
      page,
      (token) => JSON.stringify(payloadOf(token)) === JSON.stringify(third) && hmacVerifies(token, 'first-typed-secret', 'sha384'),
      'the payload typed after the algorithm change, signed with HS384',
    );
    await page.getByTestId('encoder-alg').selectOption('HS256');
    const header = { alg: 'HS256', typ: 'JWT', kid: 'typed-kid' };
    await typeInto(page, 'encoder-header', JSON.stringify(header));
    await expectSigned(
      page,
      (token) => JSON.stringify(headerOf(token)) === JSON.stringify(header) && hmacVerifies(token, 'first-typed-secret', 'sha256'),
      'the header typed after the algorithm change',
    );
  });

  await test.step('switching to the decoder and back, then typing the payload at once', async () => {
    await page.getByTestId('mode-decode').click();
    await expect(page.getByTestId('token-input')).toBeVisible();
    await page.getByTestId('mode-encode').click();
    const fourth = { sub: 'after-switching-back', n: 4 };
    await typeInto(page, 'encoder-payload', JSON.stringify(fourth));
    await expectSigned(
      page,
      (token) => JSON.stringify(payloadOf(token)) === JSON.stringify(fourth) && hmacVerifies(token, 'first-typed-secret', 'sha256'),
      'the payload typed after switching back',
    );
  });
});
