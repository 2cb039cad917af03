// The finder reads attacker-controlled text: its time must grow linearly with it, whatever
// the text. Long runs of the characters its rules look at are the usual way to make a
// backtracking pattern or a rescanning loop quadratic.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growth } from '@/lib/format/linear-time';
import { findTokens } from './index';

const fill = (prefix: string, unit: string, suffix = '') => (size: number) => prefix + unit.repeat(Math.ceil(size / unit.length)) + suffix;

const CASES: [name: string, make: (size: number) => string][] = [
  ['dots', fill('', '.')],
  ['dashes', fill('', '-')],
  ['equals signs', fill('', '=')],
  ['tildes', fill('', '~')],
  ['a header then dots', fill('eyJhbGciOiJIUzI1NiJ9', '.')],
  ['a header then tildes', fill('eyJhbGciOiJIUzI1NiJ9.e30.', '~')],
  ['a JWS then empty disclosures', fill('eyJhbGciOiJub25lIn0.e30.~', 'a~')],
  ['thousands of segments', fill('eyJhbGciOiJIUzI1NiJ9', '.a')],
  ['headers glued together', fill('', 'eyJhbGciOiJIUzI1NiJ9.')],
  ['header-like noise', fill('', 'eyJ.')],
  ['percent escapes in a query', fill('https://a/?t=', '%7')],
  ['ampersands in a fragment', fill('https://a/#', '&a=')],
  ['URL schemes', fill('', 'a://')],
  ['URLs in fragments in URLs…', fill('', 'https://a/#x=')],
  ['URLs in queries in URLs…', fill('', 'https://a/?x=', '#y')],
  ['a cookie of semicolons', fill('Cookie: ', '; a=')],
  ['Authorization with spaces', fill('Authorization: Bearer', ' ', 'x')],
  ['unclosed JSON arrays', fill('', '[')],
  ['unclosed JSON strings', fill('{"a":"', '\\"')],
  ['JSON keys', fill('{', '"a":1,', '"b":2')],
  ['a curl command of quotes', fill('curl ', `'"`)],
  ['a curl command of backslashes', fill("curl $'", '\\x')],
  ['a curl command of options', fill('curl ', '-H ')],
  ['an HTTP message of colons', fill('GET / HTTP/1.1\n', ':')],
  ['log lines', fill('', 'Authorization:\n')],
];

describe('linear time on 1 MB of adversarial text', () => {
  it.each(CASES)('%s', (_name, make) => {
    const measured = growth(make, (text) => findTokens(text));
    expect(measured.large, JSON.stringify(measured)).toBeLessThan(measured.bound);
  }, 60_000);

  it('any mixture of long runs of . - = ~ and base64url finishes quickly', () => {
    const piece = fc.tuple(fc.constantFrom('.', '-', '=', '~', 'e', 'eyJ', 'A', '%', '&', ';', ':', '"', '\\', ' ', '\n'), fc.integer({ min: 1, max: 20_000 }));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const text = pieces.map(([unit, count]) => unit.repeat(count)).join('');
        const began = performance.now();
        findTokens(text);
        // About 2 ms on an idle machine for the longest input (160 K characters); linear growth stays far below this.
        expect(performance.now() - began).toBeLessThan(2_000);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
