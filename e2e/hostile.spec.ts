import { createHash, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { test, expect, waitForMonaco, fillEditor, type PageWatch } from './fixtures';
import { b64url, hs256, signWith } from './tokens';
import loop from '../lib/chain/fixtures/loop.json' with { type: 'json' };

/**
 * Share links made by an attacker: extreme numbers in every time claim, deep
 * nesting, long strings, prototype names, control and bidi characters,
 * thousands of claims. The page must keep answering, show no page error and no
 * failed pane, and still decode a good token afterwards. The `watch` fixture
 * fails the test on any console error or uncaught exception.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? 20261201);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 16);

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
    test.setTimeout(180_000);
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

/**
 * Every other way in: SD-JWT presentations, DPoP proofs, x5c chains with a
 * trust anchor, JWS/JWE JSON, encoder links and the token lab, each fed
 * markup, prototype names, wrong types, truncation and huge values. After each
 * case: no uncaught error, no failed or blank pane, nothing injected, no panel
 * left "Checking…", and the page answers at once.
 */

/** Markup that would leave a trace if it were ever parsed as HTML (CSP also forbids running it). */
const MARKUP = '<img src="x" data-hostile onerror="window.__hostile=1"><script data-hostile>window.__hostile=1</script><b data-hostile>bold</b>';
/** How long a trivial round trip through the page's event loop may take. */
const ANSWER_MS = 3_000;
const SECRET = 'a-long-enough-secret-for-hs256-0123';

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');
function disclosure(parts: unknown[]): { text: string; digest: string } {
  const text = b64url(JSON.stringify(parts));
  return { text, digest: digest(text) };
}

function sdJwt(claims: Record<string, unknown>, disclosures: string[], tail = '~'): string {
  return `${hs256(claims, SECRET, { alg: 'HS256', typ: 'dc+sd-jwt' })}~${disclosures.join('~')}${disclosures.length > 0 ? tail : ''}`;
}

const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const holderJwk = (() => {
  const { kty, crv, x, y } = holder.publicKey.export({ format: 'jwk' });
  return { kty, crv, x, y };
})();
function dpop(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  return signWith('ES256', holder.privateKey, claims, { typ: 'dpop+jwt', jwk: holderJwk, ...header });
}

type View = 'decoder' | 'encoder';
interface EntryCase {
  name: string;
  /** The link's fragment. */
  hash: string;
  view: View;
  /** What this input must show besides the generic checks. */
  then?: (page: Page) => Promise<void>;
}

const html = disclosure(['salt-1', 'given_name', MARKUP]);
const proto = disclosure(['salt-2', '__proto__', { polluted: true }]);
const ctor = disclosure(['salt-3', 'constructor', 'toString']);
const element = disclosure(['salt-4', { toString: MARKUP }]);
const wrongTypes = disclosure([1, 2, 3]);
const notJson = b64url('["salt", "name", ');

const now = Math.floor(Date.now() / 1000);
const token = (header: Record<string, unknown>, claims: string) => `${b64url(JSON.stringify(header))}.${b64url(claims)}.c2ln`;

const CASES: EntryCase[] = [
  // SD-JWT presentations.
  {
    name: 'SD-JWT: markup, prototype names and wrong types in disclosures',
    hash: new URLSearchParams({ token: sdJwt({ iss: MARKUP, _sd: [html.digest, proto.digest, ctor.digest, 'AAAA', 5], _sd_alg: 'sha-256', toString: MARKUP, '...': [{ '...': element.digest }] }, [html.text, proto.text, ctor.text, element.text, wrongTypes.text, notJson, 'not base64 !']) }).toString(),
    view: 'decoder',
    then: async (page) => {
      await expect(page.getByTestId('sd-claims')).toBeVisible();
      await expect(page.getByTestId('sd-problem').first()).toBeVisible();
      expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    },
  },
  {
    name: 'SD-JWT: _sd_alg "toString" is not a supported hash',
    hash: new URLSearchParams({ token: sdJwt({ iss: 'https://issuer.example', _sd: [html.digest], _sd_alg: 'toString' }, [html.text]) }).toString(),
    view: 'decoder',
    then: async (page) => {
      await expect(page.getByTestId('sd-problem').filter({ hasText: 'toString' })).toBeVisible();
    },
  },
  {
    name: 'SD-JWT: 100,000 "~" parts',
    hash: new URLSearchParams({ token: sdJwt({ iss: 'https://issuer.example', _sd_alg: 'sha-256' }, [html.text], '~'.repeat(100_000)) }).toString(),
    view: 'decoder',
    then: async (page) => {
      // However the parts are reported, the page does not draw one element each.
      expect(await page.getByTestId('disclosure').count()).toBeLessThan(1_000);
    },
  },
  {
    name: 'SD-JWT: truncated in the middle of a disclosure',
    hash: new URLSearchParams({ token: sdJwt({ _sd: [html.digest], _sd_alg: 'sha-256' }, [html.text.slice(0, 17)], '') }).toString(),
    view: 'decoder',
  },
  // DPoP proofs.
  {
    name: 'DPoP: markup in htm/htu, wrong types, prototype names',
    hash: new URLSearchParams({ token: dpop({ jti: 5, htm: MARKUP, htu: 'javascript:alert(1)', iat: String(now), ath: ['x'], ['__proto__']: { admin: true }, constructor: 1 }) }).toString(),
    view: 'decoder',
    then: async (page) => {
      await expect(page.getByTestId('dpop-status')).toBeVisible();
    },
  },
  {
    name: 'DPoP: iat 1e13',
    hash: new URLSearchParams({ token: dpop({ jti: 'j', htm: 'GET', htu: 'https://api.example.com/', iat: 1e13 }) }).toString(),
    view: 'decoder',
    then: async (page) => {
      await expect(page.getByTestId('dpop-status')).not.toHaveAttribute('data-state', 'valid');
    },
  },
  {
    name: 'DPoP: a jwk header of prototype names and an array',
    hash: new URLSearchParams({ token: dpop({ jti: 'j', htm: 'GET', htu: 'https://api.example.com/', iat: now }, { jwk: { kty: '__proto__', crv: 'constructor', x: ['a'], toString: MARKUP } }) }).toString(),
    view: 'decoder',
    then: async (page) => {
      await expect(page.getByTestId('dpop-status')).not.toHaveAttribute('data-state', 'valid');
    },
  },
  // x5c headers.
  {
    name: 'x5c: markup, numbers and a string instead of an array',
    hash: new URLSearchParams({ token: token({ alg: 'ES256', x5c: [MARKUP, 5, { toString: 'x' }] }, '{"sub":"x5c"}') }).toString(),
    view: 'decoder',
    then: async (page) => {
      await expect(page.getByTestId('chain-error')).toContainText('x5c[0]');
    },
  },
  {
    name: 'x5c: eleven copies of a certificate',
    hash: new URLSearchParams({ token: token({ alg: 'ES256', x5c: Array.from({ length: 11 }, () => certificateOf(loop.tokens.pair)) }, '{}') }).toString(),
    view: 'decoder',
    then: async (page) => {
      await expect(page.getByTestId('chain-error')).toContainText('Stopped: the chain has 11 certificates');
    },
  },
  // JSON serializations.
  {
    name: 'JWS JSON: wrong types in every member',
    hash: new URLSearchParams({ token: JSON.stringify({ payload: MARKUP, signatures: [{ protected: 123, header: [MARKUP], signature: {} }, null, 'x'] }) }).toString(),
    view: 'decoder',
  },
  {
    name: 'JWS JSON: flattened, with prototype names and a markup header',
    hash: new URLSearchParams({ token: `{"__proto__":{"polluted":1},"payload":"${b64url(`{"name":${JSON.stringify(MARKUP)}}`)}","protected":"${b64url('{"alg":"HS256","constructor":1}')}","header":{"kid":${JSON.stringify(MARKUP)}},"signature":"AA"}` }).toString(),
    view: 'decoder',
  },
  {
    name: 'JWS JSON: truncated',
    hash: new URLSearchParams({ token: `{"payload":"e30","signatures":[{"protected":"${b64url('{"alg":"HS256"}')}","signature":"AA"` }).toString(),
    view: 'decoder',
  },
  {
    name: 'JWE JSON: recipients of wrong types and prototype-named algorithms',
    hash: new URLSearchParams({ token: JSON.stringify({ protected: b64url('{"enc":"A256GCM","toString":1}'), recipients: [{ header: { alg: '__proto__' }, encrypted_key: 5 }, [], null], iv: 1, ciphertext: [MARKUP], tag: {} }) }).toString(),
    view: 'decoder',
  },
  {
    name: 'JWE JSON: a huge ciphertext and markup in the unprotected header',
    hash: new URLSearchParams({ token: JSON.stringify({ protected: b64url('{"enc":"A256GCM"}'), unprotected: { alg: 'dir', kid: MARKUP }, iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'A'.repeat(300_000), tag: 'AAAAAAAAAAAAAAAAAAAAAA' }) }).toString(),
    view: 'decoder',
  },
  // Encoder links.
  {
    name: 'encoder: markup, prototype names and huge values in the payload',
    hash: new URLSearchParams({ mode: 'encode', payload: JSON.stringify({ name: MARKUP, ['__proto__']: { alg: 'none' }, constructor: { prototype: 1 }, toString: 'x', big: 'a'.repeat(200_000), iat: 1e13 }) }).toString(),
    view: 'encoder',
  },
  {
    name: 'encoder: a payload that is not JSON, and a header that is an array',
    hash: new URLSearchParams({ mode: 'encode', header: '["HS256"]', payload: '{"sub": "x", ' }).toString(),
    view: 'encoder',
  },
  {
    name: 'encoder: numbers as strings and an alg named toString',
    hash: new URLSearchParams({ mode: 'encode', header: '{"alg":"toString","typ":5}', payload: '{"exp":"1e400","iat":"NaN","nbf":[1],"aud":{"__proto__":1}}', alg: 'toString' }).toString(),
    view: 'encoder',
  },
];

/** Generated cases: hostile members put where each entry path reads them. */
const ENTRY_RUNS = Number(process.env.HOSTILE_ENTRY_RUNS ?? 10);
const hostileValue = fc.constantFrom<unknown>(MARKUP, 'a'.repeat(100_000), '1e400', '12', ['x', 1], { toString: MARKUP }, JSON.parse('{"__proto__":{"polluted":1}}'), null, 1e13, -0, true, `\u202e${MARKUP}`);
const hostileName = fc.constantFrom(...PROTOTYPE_NAMES, 'sub', 'nonce', 'aud', 'htm', 'htu', 'jti', MARKUP);
const hostileMembers = fc.array(fc.tuple(hostileName, hostileValue), { minLength: 1, maxLength: 4 }).map((pairs) => Object.fromEntries(pairs) as Record<string, unknown>);
const generatedCase = fc.tuple(fc.constantFrom('sd-jwt', 'dpop', 'jws-json', 'jwe-json', 'encode'), hostileMembers, hostileName, hostileValue).map(([kind, members, name, value]): EntryCase => {
  const label = `${kind} ${JSON.stringify(members).slice(0, 80)}`;
  switch (kind) {
    case 'sd-jwt': {
      const item = disclosure(['salt', name, value]);
      return { name: label, view: 'decoder', hash: new URLSearchParams({ token: sdJwt({ iss: 'https://issuer.example', ...members, _sd: [item.digest], _sd_alg: 'sha-256' }, [item.text]) }).toString() };
    }
    case 'dpop':
      // iat stays an ordinary time here: an extreme iat has its own case above.
      return { name: label, view: 'decoder', hash: new URLSearchParams({ token: dpop({ jti: 'j', htm: 'GET', htu: 'https://api.example.com/', ...members, iat: now }) }).toString() };
    case 'jws-json':
      return { name: label, view: 'decoder', hash: new URLSearchParams({ token: JSON.stringify({ payload: b64url(JSON.stringify(members)), protected: b64url(JSON.stringify({ alg: 'HS256', [name]: value })), header: members, signature: 'AA' }) }).toString() };
    case 'jwe-json':
      return { name: label, view: 'decoder', hash: new URLSearchParams({ token: JSON.stringify({ protected: b64url(JSON.stringify({ enc: 'A256GCM', [name]: value })), unprotected: { alg: 'dir', ...members }, iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA' }) }).toString() };
    default:
      return { name: label, view: 'encoder', hash: new URLSearchParams({ mode: 'encode', payload: JSON.stringify(members), header: JSON.stringify({ alg: 'HS256', [name]: value }) }).toString() };
  }
});

/** The first certificate of a token's x5c. */
function certificateOf(jwt: string): string {
  return (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()) as { x5c: string[] }).x5c[0]!;
}

async function expectHealthy(page: Page, watch: PageWatch, name: string, view: View) {
  // The page answers: a round trip through its event loop.
  const start = Date.now();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(Date.now() - start, `${name}: the page answered`).toBeLessThan(ANSWER_MS);
  // Not blank: the decoded view or a located error (the encoder: its editors).
  if (view === 'decoder') {
    const shown = page.getByTestId('decoded-header').or(page.getByTestId('decoded-payload')).or(page.getByTestId('token-error'));
    await expect(shown.first(), `${name}: decoded or located error`).toBeVisible({ timeout: 20_000 });
  } else {
    await expect(page.getByTestId('encoder-payload'), `${name}: the encoder`).toBeVisible({ timeout: 20_000 });
  }
  await expect(page.locator('main').getByText(/[Cc]hecking…/), `${name}: no panel left checking`).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('pane-error'), `${name}: no failed pane`).toHaveCount(0);
  const injected = await page.evaluate(() => ({ ran: (window as unknown as { __hostile?: unknown }).__hostile ?? null, elements: document.querySelectorAll('[data-hostile], img[src="x"]').length }));
  expect(injected, `${name}: nothing injected`).toEqual({ ran: null, elements: 0 });
  expect(watch.consoleErrors, `${name}: console errors`).toEqual([]);
  expect(watch.cspViolations, `${name}: CSP violations`).toEqual([]);
}

test.describe('hostile input on every entry path', () => {
  test('SD-JWT, DPoP, x5c, JSON serializations, encoder links and the token lab', async ({ page, watch }) => {
    test.setTimeout(240_000);
    await page.goto('./');
    await waitForMonaco(page, 'token-input');
    // Every case runs; the failures are listed together at the end, each with what broke.
    const failures: string[] = [];
    const failed = async (name: string, error: unknown) => {
      const what = error instanceof Error ? error.message.split('\n')[0]!.replace(`${name}: `, '') : String(error);
      failures.push(`${name}: ${what}${watch.consoleErrors.length > 0 ? ` (console: ${watch.consoleErrors[0]!.slice(0, 160)})` : ''}`);
      watch.consoleErrors.length = 0;
      // A fresh page, so the next case is not judged by what this one left behind.
      await page.goto('./');
      await waitForMonaco(page, 'token-input');
    };

    const generated = fc.sample(generatedCase, { seed: SEED, numRuns: ENTRY_RUNS }).map((entry, index) => ({ ...entry, name: `generated ${index + 1} (seed ${SEED}): ${entry.name}` }));
    for (const entry of [...CASES, ...generated]) {
      await test.step(entry.name, async () => {
        try {
          await openHash(page, entry.hash);
          await expectHealthy(page, watch, entry.name, entry.view);
          await entry.then?.(page);
        } catch (error) {
          await failed(entry.name, error);
        }
      });
    }

    await test.step('x5c: two certificates that cross-sign each other, with a trust anchor', async () => {
      const name = 'x5c loop with a trust anchor';
      try {
        await openHash(page, new URLSearchParams({ token: loop.tokens.pair }).toString());
        await expect(page.getByTestId('chain-cert')).toHaveCount(2, { timeout: 20_000 });
        await page.getByTestId('trust-anchor').fill(loop.anchorPem);
        const verdict = page.getByRole('status').getByTestId('chain-status');
        await expect(verdict).toHaveAttribute('data-state', 'invalid', { timeout: 10_000 });
        await expect(verdict).toContainText('Stopped: the certificates go round in a loop (certificate 1 → certificate 2 → certificate 1)');
        await expectHealthy(page, watch, name, 'decoder');
        // The editors still take typing.
        await fillEditor(page, 'key-input', 'still typing');
        await expect(page.getByTestId('key-input')).toContainText('still typing');
        await page.getByTestId('trust-anchor').fill('');
      } catch (error) {
        await failed(name, error);
      }
    });

    await test.step('token lab: compare, verifier tests and snippets on a hostile token', async () => {
      const name = 'token lab';
      try {
        const hostile = hs256({ sub: MARKUP, ['__proto__']: { x: 1 }, constructor: MARKUP, exp: '1e400', aud: [{ toString: 1 }] }, SECRET, { alg: 'HS256', kid: MARKUP, jku: 'javascript:alert(1)', x5u: MARKUP });
        await openHash(page, new URLSearchParams({ token: hostile, key: SECRET }).toString());
        await page.getByTestId('lab-tab-compare').click();
        await waitForMonaco(page, 'compare-input');
        await fillEditor(page, 'compare-input', token({ alg: '__proto__', kid: MARKUP }, '{"sub":1e400,"toString":{}}'));
        await expect(page.getByTestId('diff-row').first()).toBeVisible();
        await expect(page.getByTestId('compare-keys')).not.toContainText('checking…', { timeout: 15_000 });
        await expectHealthy(page, watch, `${name}: compare`, 'decoder');
        await page.getByTestId('lab-tab-attacks').click();
        await expect(page.getByTestId('attack-variant').or(page.getByTestId('attack-error')).first()).toBeVisible({ timeout: 20_000 });
        await expectHealthy(page, watch, `${name}: verifier tests`, 'decoder');
        await page.getByTestId('lab-tab-snippets').click();
        await expect(page.getByTestId('snippet').first()).toBeVisible({ timeout: 20_000 });
        await expectHealthy(page, watch, `${name}: snippets`, 'decoder');
      } catch (error) {
        await failed(name, error);
      }
    });

    expect(failures).toEqual([]);
  });
});
