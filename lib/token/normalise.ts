// People paste tokens with whatever surrounded them: whitespace, quotes from code or JSON,
// a "Bearer " scheme, a whole "Authorization:" header line. We peel those off the ends only,
// so the token stays a contiguous slice of the input and every offset maps back to it.

import { isWhitespaceCodePoint } from './describe-char';
import { t } from './messages';

export interface StrippedInput {
  /** Where the token starts and ends (exclusive) in the raw input. */
  start: number;
  end: number;
  /** What was removed, in words, in the order it was removed; each kind once. */
  stripped: string[];
}


const AUTHORIZATION = /authorization[ \t]*:[ \t]*/iy;
const BEARER = /bearer[ \t\r\n]+/iy;
const QUOTES = new Set([0x22, 0x27, 0x60]); // " ' `

export function stripPastedInput(raw: string): StrippedInput {
  let start = 0;
  let end = raw.length;
  const stripped: string[] = [];
  const note = (what: string) => {
    if (!stripped.includes(what)) stripped.push(what);
  };

  // Peel until nothing changes: the layers come in any order ("  'Bearer x'  ", "Authorization: Bearer x").
  for (let changed = true; changed; ) {
    changed = false;

    const before = end - start;
    while (start < end && isWhitespaceCodePoint(raw.charCodeAt(start))) start++;
    while (end > start && isWhitespaceCodePoint(raw.charCodeAt(end - 1))) end--;
    if (end - start !== before) {
      note(t('token.strippedWhitespace'));
      changed = true;
    }

    AUTHORIZATION.lastIndex = start;
    if (AUTHORIZATION.exec(raw) && AUTHORIZATION.lastIndex <= end) {
      start = AUTHORIZATION.lastIndex;
      note(t('token.strippedAuthorization'));
      changed = true;
      continue;
    }

    BEARER.lastIndex = start;
    if (BEARER.exec(raw) && BEARER.lastIndex < end) {
      start = BEARER.lastIndex;
      note(t('token.strippedBearer'));
      changed = true;
      continue;
    }

    const first = raw.charCodeAt(start);
    if (end - start >= 2 && QUOTES.has(first) && raw.charCodeAt(end - 1) === first) {
      start++;
      end--;
      note(t('token.strippedQuotes'));
      changed = true;
    }
  }
  return { start, end, stripped };
}
