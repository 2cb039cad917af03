import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { test, expect, waitForMonaco, fillEditor } from './fixtures';
import { b64url, hs256 } from './tokens';

/**
 * Share links made by an attacker: extreme numbers in every time claim, deep
 * nesting, long strings, prototype names, control and bidi characters,
 * thousands of claims. The page must keep answering, show no page error and no
 * failed pane, and still decode a good token afterwards. The `watch` fixture
 * fails the test on any console error or uncaught exception.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? 20261201);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 30);

const TIME_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time', 'updated_at', 'toe', 'last_login_at', 'expires_time'];
/** JSON text, written raw so 1e400 and -0 reach the page as typed. */
const EXTREME_NUMBERS = [
  '1e20', '-1e20', '1e400', '-1e400', '-0', '-0.0', '9007199254740993', '-9007199254740993', '1.7976931348623157e308',
  '8640000000000', '8640000000001', '1e15', '1e16', '8.64e18', '1e-400', '0.0000001', '123456789012345678901234567890',
  '"NaN"', '"Infinity"', '"-0"', '"1e400"', '"2026-13-45T99:99:99Z"', 'null', 'true', '[]', '{}', '[1e400]',
];
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__'];
const ODD_CHARACTERS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\ufeff', '\u2028', '\ud800', '\udfff', '</script>', '"', '\\', '[a](https://evil.example)'];

const text = (alphabet: string[], maxLength = 40) => fc.array(fc.constantFrom(...alphabet, 'a', 'Z', ' ', '/'), { maxLength }).map((parts) => parts.join(''));
const jsonString = (value: string) => JSON.stringify(value);

/** One shallow member of a claims set or header, as JSON text. */
const shallowMember = fc.oneof(
  fc.tuple(fc.constantFrom(...TIME_CLAIMS), fc.constantFrom(...EXTREME_NUMBERS)).map(([name, value]) => `${jsonString(name)}:${value}`),
  fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom(...EXTREME_NUMBERS, '"x"', '{"exp":1}')).map(([name, value]) => `${jsonString(name)}:${value}`),
  fc.tuple(text(ODD_CHARACTERS), text(ODD_CHARACTERS)).map(([name, value]) => `${jsonString(name)}:${jsonString(value)}`),
);

/** One member of a claims set, as JSON text: shallow, nested up to 30,000 deep, or very long. */
const member = fc.oneof(
  shallowMember,
  fc.tuple(fc.constantFrom('[', '{"a":'), fc.integer({ min: 100, max: 30_000 })).map(([open, depth]) => `"deep":${open.repeat(depth)}${(open === '[' ? ']' : '}').repeat(depth)}`),
  fc.tuple(fc.constantFrom('a', '/', '.', ' ', '\\"', 'a@.'), fc.integer({ min: 1_000, max: 60_000 })).map(([unit, count]) => `"long":"a@${unit.repeat(count)} "`),
  fc.constantFrom('"iss":"https://a' + '/'.repeat(50_000) + 'a"', '"email":"a@' + '.'.repeat(50_000) + ' "', '"aud":["' + '/'.repeat(20_000) + '"]'),
);

const claimsText = fc.oneof(
  { weight: 4, arbitrary: fc.array(member, { minLength: 1, maxLength: 6 }).map((members) => `{${members.join(',')}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 6_000 }).map((count) => `{${Array.from({ length: count }, (_, i) => `"c${i}_at":${1_700_000_000 + i}`).join(',')}}`) },
  { weight: 1, arbitrary: fc.constantFrom('[]', '1e400', '"just text"', '', '\ufeff{}', 'null', '{"a":1,"a":2}') },
);

const headerText = fc
  .tuple(fc.constantFrom('"HS256"', '"none"', ...PROTOTYPE_NAMES.map(jsonString), '5', 'null', '["HS256"]', undefined), fc.option(fc.constantFrom(...PROTOTYPE_NAMES, '../../dev/null', "' or 1=1 --", '\u202eevil')), fc.option(shallowMember))
  .map(([alg, kid, extra]) => [alg === undefined ? null : `"alg":${alg}`, kid === null ? null : `"kid":${jsonString(kid)}`, extra].filter((part) => part !== null));

const KEYS = ['', 'secret', '{"keys":[{"kty":"oct","kid":"__proto__","k":"c2VjcmV0"}]}', `-----BEGIN PUBLIC KEY-----\nProc-Type: x${' '.repeat(20_000)}y\n-----END PUBLIC KEY-----`, '{"kty":"constructor"}'];

async function openHash(page: Page, hash: string) {
  await page.evaluate((value) => {
    window.location.hash = value;
  }, hash);
}

test.describe('hostile links', () => {
  test('extreme, deep, long and prototype-named tokens never take the page down', async ({ page, watch }) => {
    test.setTimeout(420_000);
    await page.goto('./');
    await waitForMonaco(page, 'token-input');

    await test.step('exp 1e20, an overflowed iat and -0 are shown raw with a note', async () => {
      await openHash(page, `token=${b64url('{"alg":"HS256"}')}.${b64url('{"exp":1e20,"iat":1e400,"nbf":-0,"auth_time":-1e20}')}.c2ln`);
      await expect(page.locator('[data-testid="claim-row"][data-claim="exp"]')).toContainText('100000000000000000000');
      await expect(page.locator('[data-testid="claim-row"][data-claim="exp"]')).toContainText('beyond any date');
      await expect(page.locator('[data-testid="claim-row"][data-claim="iat"]')).toContainText('Infinity');
      await expect(page.locator('[data-testid="claim-row"][data-claim="nbf"]')).toContainText('-0');
      await expect(page.getByTestId('token-warning').filter({ hasText: '1e400' })).toBeVisible();
      await expect(page.getByTestId('token-warning').filter({ hasText: 'negative zero' })).toBeVisible();
      await expect(page.getByTestId('pane-error')).toHaveCount(0);
    });

    await test.step('alg "toString" is not an HMAC; a token without alg gets a token-warning', async () => {
      await openHash(page, `token=${b64url('{"alg":"toString","kid":"__proto__"}')}.${b64url('{"sub":"x","exp":1}')}.c2ln`);
      await expect(page.locator('[data-finding="expired"]')).toBeVisible();
      await expect(page.locator('[data-finding="hmac-shared-secret"]')).toHaveCount(0);
      await openHash(page, `token=${b64url('{"typ":"JWT"}')}.${b64url('[1]')}.c2ln`);
      await expect(page.getByTestId('token-warning')).toHaveCount(2);
      await expect(page.getByTestId('token-warning').first()).toContainText('alg');
    });

    await test.step('the encoder reads exp 1e20 and iat 1e15 without failing', async () => {
      await openHash(page, `mode=encode&payload=${encodeURIComponent('{"exp":1e20,"iat":1e15,"nbf":-1e20}')}`);
      await expect(page.getByTestId('encoder-times')).toContainText('beyond the range of dates');
      await expect(page.getByTestId('pane-error')).toHaveCount(0);
    });

    await test.step(`generated links (seed ${SEED}, ${RUNS} runs)`, async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(headerText, claimsText, fc.constantFrom(...KEYS), async (headerMembers, claims, key) => {
          run++;
          const marker = `run-${run}`;
          const header = `{${[...headerMembers, `"x-run":"${marker}"`].join(',')}}`;
          const token = `${b64url(header)}.${b64url(claims)}.c2ln`;
          const params = new URLSearchParams({ token });
          if (key) params.set('key', key);
          await openHash(page, params.toString());
          // The page answers: the new header is on screen, no pane failed, and no error reached the console.
          await expect(page.getByTestId('decoded-header')).toContainText(marker, { timeout: 20_000 });
          await expect(page.getByTestId('pane-error')).toHaveCount(0);
          expect(watch.consoleErrors, `console errors for header ${header.slice(0, 200)} and claims ${claims.slice(0, 200)}`).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });

    await test.step('a good token pasted afterwards decodes and verifies', async () => {
      const token = hs256({ sub: 'after-the-storm', exp: Math.floor(Date.now() / 1000) + 600 }, 'a-long-enough-secret-for-hs256-0123');
      await fillEditor(page, 'token-input', token);
      await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "after-the-storm"');
      await fillEditor(page, 'key-input', 'a-long-enough-secret-for-hs256-0123');
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(page.getByTestId('token-warning')).toHaveCount(0);
    });
  });
});
