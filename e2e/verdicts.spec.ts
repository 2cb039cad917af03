import { createHash, generateKeyPairSync } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect as baseExpect, fillEditor, waitForMonaco } from './fixtures';
import { b64url, decoderLink, ecJwkOf as jwkOf, ecThumbprint as thumbprint, hs256, signWith } from './tokens';
import sdVectors from '../lib/sdjwt/vectors/sdjwt-vectors.json';

// Verification code and WebCrypto load on demand; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

const dpopCheck = (page: Page, id: string) => page.locator(`[data-testid="dpop-check"][data-check="${id}"]`);

test('a DPoP proof: signature-status gives the verdict of its own jwk, and each headline says what was and was not checked', async ({ page }) => {
  const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const server = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Math.floor(Date.now() / 1000);
  const accessToken = signWith('ES256', server.privateKey, { sub: 'u1', iat: now, exp: now + 600, cnf: { jkt: thumbprint(holder.publicKey) } }, { typ: 'at+jwt' });
  const claims = { jti: 'proof-1', htm: 'GET', htu: 'https://api.example.com/resource', iat: now, ath: createHash('sha256').update(accessToken).digest('base64url') };
  const proof = signWith('ES256', holder.privateKey, claims, { typ: 'dpop+jwt', jwk: jwkOf(holder.publicKey) });
  await page.goto(decoderLink({ token: proof }));
  const status = page.getByTestId('signature-status');
  const dpop = page.getByTestId('dpop-status');

  await test.step('with no key pasted, the proof is verified with its own header jwk, in words that say what that proves', async () => {
    await expect(status).toHaveAttribute('data-state', 'valid');
    await expect(status).toContainText("the proof's own jwk header");
    await expect(status).toContainText('says nothing about who the sender is');
    await expect(status).not.toContainText('No key yet');
  });

  await test.step('the DPoP verdict is "valid as far as checked" until the request and the access token are given', async () => {
    await expect(dpop).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('dpop-headline')).toHaveText('DPoP proof valid as far as checked');
    await expect(page.getByTestId('dpop-unchecked')).toContainText('htm against the request method; htu against the request URL; ath and cnf.jkt against the access token');
    await page.getByTestId('dpop-method').fill('GET');
    await page.getByTestId('dpop-url').fill('https://api.example.com/resource');
    await page.getByTestId('dpop-access-token').fill(accessToken);
    await expect(dpopCheck(page, 'jkt')).toHaveAttribute('data-state', 'pass');
    await expect(page.getByTestId('dpop-headline')).toHaveText('DPoP proof valid');
    await expect(page.getByTestId('dpop-unchecked')).toHaveCount(0);
  });

  await test.step('a proof signed with another key than its jwk: signature-status is invalid', async () => {
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', signWith('ES256', other.privateKey, claims, { typ: 'dpop+jwt', jwk: jwkOf(holder.publicKey) }));
    await expect(status).toHaveAttribute('data-state', 'invalid');
    await expect(status).toContainText("does not verify with the public key in the proof's own jwk header");
    await expect(dpop).toHaveAttribute('data-state', 'invalid');
  });
});

test('DPoP freshness is judged as of the "check as of" time, to the second; an iat beyond any date is a verdict, not an endless "Checking…"', async ({ page }) => {
  const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const at = '2026-06-01T12:00:04Z';
  const atSeconds = Date.parse(at) / 1000;
  // 60 s ahead of `at` is within the allowed clock skew; 64 s ahead of a time rounded down to 5 s is not.
  const proof = (iat: number) => signWith('ES256', holder.privateKey, { jti: 'j', htm: 'GET', htu: 'https://api.example.com/r', iat }, { typ: 'dpop+jwt', jwk: jwkOf(holder.publicKey) });
  await page.goto(decoderLink({ token: proof(atSeconds + 60), at }));

  await expect(page.getByTestId('dpop-status')).toHaveAttribute('data-state', 'valid');
  await expect(dpopCheck(page, 'iat')).toHaveAttribute('data-state', 'pass');
  await expect(dpopCheck(page, 'iat')).toContainText('as of 2026-06-01T12:00:04.000Z');
  await expect(page.getByTestId('dpop-headline')).toContainText('(as of 2026-06-01T12:00:04.000Z)');

  await waitForMonaco(page, 'token-input');
  await fillEditor(page, 'token-input', proof(1e13));
  await expect(page.getByTestId('dpop-status')).toHaveAttribute('data-state', 'invalid');
  await expect(dpopCheck(page, 'iat')).toHaveAttribute('data-state', 'fail');
  await expect(dpopCheck(page, 'iat')).toContainText('beyond any date');
});

test('a compact JWS with a detached payload: signature-status gives its one signature’s verdict', async ({ page }) => {
  const secret = 'detached-secret-for-the-test-0123456789';
  const content = '{"amount":"42.00"}';
  const [header, , signature] = hs256(JSON.parse(content) as object, secret).split('.');
  const token = `${header}..${signature}`;
  await page.goto(decoderLink({ token, key: secret }));
  const status = page.getByTestId('signature-status');

  await expect(page.getByTestId('jws-signature')).toHaveCount(1);
  await expect(status).toHaveAttribute('data-state', 'unverified');
  await expect(status).toContainText('Paste that content');
  // hs256 signs the JSON as JSON.stringify writes it, which is `content` here.
  expect(b64url(content)).toBe(b64url(JSON.stringify(JSON.parse(content))));
  await page.getByTestId('detached-payload').fill(content);
  await expect(status).toHaveAttribute('data-state', 'valid');
  await expect(status).not.toContainText('see the signatures listed');
  await page.getByTestId('detached-payload').fill(`${content} `);
  await expect(status).toHaveAttribute('data-state', 'invalid');
});

/** Every change of signature-status, as (data-state, title) pairs, recorded by the page itself at each DOM mutation. */
async function recordStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const records: { state: string | null; title: string; busy: string | null }[] = [];
    (window as unknown as { __statusRecords: typeof records }).__statusRecords = records;
    let last = '';
    const take = () => {
      const element = document.querySelector('[data-testid="signature-status"]');
      if (!element) return;
      const record = { state: element.getAttribute('data-state'), title: element.querySelector('p')?.textContent ?? '', busy: element.getAttribute('aria-busy') };
      const text = JSON.stringify(record);
      if (text !== last) records.push(record);
      last = text;
    };
    take();
    new MutationObserver(take).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

async function takeRecords(page: Page): Promise<{ state: string | null; title: string; busy: string | null }[]> {
  return page.evaluate(() => {
    const holder = window as unknown as { __statusRecords: { state: string | null; title: string; busy: string | null }[] };
    return holder.__statusRecords.splice(0);
  });
}

const TITLE_OF_STATE: Record<string, RegExp> = {
  valid: /^✓ (Signature verified|Decrypted)$/,
  invalid: /^✗ (Invalid signature|Decryption failed)$/,
  unverified: /^○ (Not verified|Checking…)$/,
  error: /^! (Cannot verify|Key confusion: signature not checked)$/,
};

test('signature-status: state and text always agree, and a verdict is never shown for an older token or key (6× slower CPU, 100 KB RS256)', async ({ page }) => {
  test.setTimeout(180_000);
  const signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherSigner = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = signer.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const big = (seed: string) => ({ sub: seed, iat: 1767225600, data: 'x'.repeat(75_000) });
  const token = signWith('RS256', signer.privateKey, big('first'));
  const foreign = signWith('RS256', otherSigner.privateKey, big('second'));
  expect(token.length).toBeGreaterThan(100_000);
  await page.goto('./');
  await waitForMonaco(page, 'token-input');
  await waitForMonaco(page, 'key-input');
  await fillEditor(page, 'key-input', publicPem);
  await fillEditor(page, 'token-input', token);
  const status = page.getByTestId('signature-status');
  await expect(status).toHaveAttribute('data-state', 'valid');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  try {
    await recordStatus(page);
    const check = (records: Awaited<ReturnType<typeof takeRecords>>, what: string) => {
      for (const record of records) expect(record.title, `${what}: the text of data-state="${record.state}"`).toMatch(TITLE_OF_STATE[record.state ?? ''] ?? /^$/);
      expect(records.filter((record) => record.state === 'valid'), `${what}: a "valid" shown while the new input was not verified`).toEqual([]);
    };

    for (let round = 0; round < 2; round++) {
      await takeRecords(page);
      // A key that is not a key: an error, never the older key's "valid".
      await fillEditor(page, 'key-input', 'not-a-key');
      await expect(status).toHaveAttribute('data-state', 'error');
      check(await takeRecords(page), 'after the key changed');

      await fillEditor(page, 'key-input', publicPem);
      await expect(status).toHaveAttribute('data-state', 'valid');
      await takeRecords(page);
      // Another token, signed with another key: invalid, never the older token's "valid".
      await fillEditor(page, 'token-input', foreign);
      await expect(status).toHaveAttribute('data-state', 'invalid');
      check(await takeRecords(page), 'after the token changed');

      await fillEditor(page, 'token-input', token);
      await expect(status).toHaveAttribute('data-state', 'valid');
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
});

test('the key binding: checked as of the "check as of" time, against the aud, nonce and age given, and valid only "as far as checked" without them', async ({ page }) => {
  const vector = sdVectors.cases['full-sha256-kb'];
  // Its key binding JWT: aud https://verifier.example.org, nonce n-0S6_WzA2Mj, iat 2026-01-01T00:05:00Z.
  await page.goto(decoderLink({ token: vector.sdJwt, key: JSON.stringify(vector.issuerPublicJwk), at: '2026-01-01T00:00:00Z' }));
  const kb = page.getByTestId('kb-status');

  await test.step('as of five minutes before its iat, the key binding JWT comes from the future', async () => {
    await expect(kb).toHaveAttribute('data-state', 'invalid');
    await expect(kb).toContainText('in the future as of 2026-01-01T00:00:00.000Z');
  });

  await test.step('as of a minute after its iat: valid as far as checked, saying what was not', async () => {
    await page.goto('about:blank');
    await page.goto(decoderLink({ token: vector.sdJwt, key: JSON.stringify(vector.issuerPublicJwk), at: '2026-01-01T00:06:00Z' }));
    await expect(kb).toHaveAttribute('data-state', 'valid');
    await expect(kb).toContainText('Key binding valid as far as checked');
    await expect(kb).toContainText('Not checked: aud against the expected audience; nonce against the expected nonce; iat against a maximum age');
  });

  await test.step('with the expected aud, nonce and a maximum age it is fully checked; a wrong nonce or a stale iat is rejected', async () => {
    await page.getByTestId('kb-expected-aud').fill('https://verifier.example.org');
    await page.getByTestId('kb-expected-nonce').fill('n-0S6_WzA2Mj');
    await page.getByTestId('kb-max-age').fill('300');
    await expect(kb).toContainText('Key binding verified');
    await expect(kb).toHaveAttribute('data-state', 'valid');
    await page.getByTestId('kb-max-age').fill('30');
    await expect(kb).toHaveAttribute('data-state', 'invalid');
    await expect(kb).toContainText('older than the 30 s allowed');
    await page.getByTestId('kb-max-age').fill('300');
    await page.getByTestId('kb-expected-nonce').fill('a-replayed-nonce');
    await expect(kb).toHaveAttribute('data-state', 'invalid');
    await expect(kb).toContainText('not the expected "a-replayed-nonce"');
  });
});

test('the key binding verdict is announced: its live region is on the page, empty, before the verdict fills it', async ({ page }) => {
  // Records every live region that enters the page already holding a key binding verdict (it would not be announced).
  await page.addInitScript(() => {
    const filled: string[] = [];
    (window as unknown as { __filledLiveRegions: string[] }).__filledLiveRegions = filled;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const verdict of [node, ...node.querySelectorAll('*')].filter((element) => element.getAttribute('data-testid') === 'kb-status')) {
            const region = verdict.closest('[aria-live]');
            if (!region || node.contains(region)) filled.push(verdict.textContent ?? '');
          }
        }
      }
    }).observe(document, { subtree: true, childList: true });
  });
  const vector = sdVectors.cases['full-sha256-kb'];
  await page.goto(decoderLink({ token: vector.sdJwt, key: JSON.stringify(vector.issuerPublicJwk) }));
  await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'valid');
  await waitForMonaco(page, 'token-input');
  await fillEditor(page, 'token-input', sdVectors.cases['kb-wrong-key'].sdJwt);
  await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'invalid');
  expect(await page.evaluate(() => (window as unknown as { __filledLiveRegions: string[] }).__filledLiveRegions)).toEqual([]);
});

test('at 375 px the SD-JWT view does not scroll sideways, even with a long sd_hash in a failed key binding check', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const vector = sdVectors.cases['kb-wrong-sd-hash'];
  await page.goto(decoderLink({ token: vector.sdJwt }));
  await expect(page.getByTestId('kb-status')).toHaveAttribute('data-state', 'invalid');
  await expect(page.getByTestId('kb-status')).toContainText(vector.sdHash);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('an SD-JWT with 100,000 "~" parts: the first 200 disclosures are drawn and the rest counted, all of them judged', async ({ page }) => {
  test.setTimeout(120_000);
  const issuerJwt = sdVectors.cases['full-sha256-kb'].issuerJwt;
  const sdJwt = `${issuerJwt}${'~'.repeat(100_000)}`;
  await page.goto('./');
  await waitForMonaco(page, 'token-input');
  await fillEditor(page, 'token-input', sdJwt);
  await expect(page.getByTestId('sd-summary')).toContainText('99999 disclosures, 0 matched', { timeout: 60_000 });
  await expect(page.getByTestId('disclosure')).toHaveCount(200);
  await expect(page.getByTestId('sd-problem')).toHaveCount(200);
  await expect(page.locator('[data-testid="sd-more"]').first()).toHaveAttribute('data-count', String(99_999 - 200));
});

test.describe('the link preview', () => {
  // The page's scripts are held back so the painted preview can be read; the browser logs the aborted loads.
  test.use({ allowConsoleErrors: [/Failed to load resource/] });

  test('a share link with "at" is previewed before the scripts run as of that time, read exactly as the app reads it', async ({ page }) => {
    const SCRIPTS = /\/_next\/static\/chunks\/.*\.js(\?.*)?$/;
    await page.route(SCRIPTS, (route) => route.abort());
    const exp = Date.parse('2026-01-01T01:00:00Z') / 1000;
    const token = hs256({ sub: 'as-of', exp }, 'preview-secret');
    const preview = page.locator('[data-link-preview]');

    // Without a zone the app reads UTC (Date.parse would read local time); an English date is not an `at` at all.
    await page.goto('./#' + new URLSearchParams({ token, at: '2026-01-01T00:00:00' }), { waitUntil: 'load' });
    await expect(preview.locator('[data-boot-part="as-of"]')).toHaveText('Judged as of 2026-01-01T00:00:00Z (UTC), not now.');
    await expect(preview.locator('[data-boot-claim="exp"]')).toContainText('valid for 1 more hour');

    await page.goto('about:blank');
    await page.goto('./#' + new URLSearchParams({ token, at: 'Jan 1 2026 00:00 GMT' }), { waitUntil: 'load' });
    await expect(preview.locator('[data-boot-part="payload"]')).toBeVisible();
    await expect(preview.locator('[data-boot-part="as-of"]')).toHaveCount(0);
    await expect(preview.locator('[data-boot-claim="exp"]')).toContainText('expired');
    await page.unroute(SCRIPTS);
  });
});
