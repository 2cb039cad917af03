// Names a character so that a message shows it unambiguously, even when it is invisible.

import { t } from './messages';

// Message IDs, not text: the name is looked up in the active language when a message is made.
const NAMED: Record<number, Parameters<typeof t>[0]> = {
  0x09: 'token.charTab',
  0x0a: 'token.charLineBreak',
  0x0d: 'token.charCarriageReturn',
  0x20: 'token.charSpace',
  0xa0: 'token.charNoBreakSpace',
  0xfeff: 'token.charByteOrderMark',
  0x200b: 'token.charZeroWidthSpace',
  0x200c: 'token.charZeroWidthNonJoiner',
  0x200d: 'token.charZeroWidthJoiner',
  0x2060: 'token.charWordJoiner',
  0x2026: 'token.charEllipsis',
};

function hex(codePoint: number): string {
  return 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
}

/** The code point at `index`, with how many UTF-16 units it takes (2 for astral characters). */
export function codePointAt(text: string, index: number): { codePoint: number; units: number } {
  const codePoint = text.codePointAt(index) ?? 0;
  return { codePoint, units: codePoint > 0xffff ? 2 : 1 };
}

/** "'+'", "a space", "a line break", "U+0007", "'é' (U+00E9)". */
export function describeCodePoint(codePoint: number): string {
  const named = NAMED[codePoint];
  if (named) return t(named);
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return t('token.charControl', { code: hex(codePoint) });
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return t('token.charLoneSurrogate', { code: hex(codePoint) });
  const char = String.fromCodePoint(codePoint);
  if (codePoint < 0x7f) return `'${char}'`;
  return `'${char}' (${hex(codePoint)})`;
}

export function isWhitespaceCodePoint(codePoint: number): boolean {
  return (
    codePoint === 0x20 ||
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    codePoint === 0x0b ||
    codePoint === 0x0c ||
    codePoint === 0xa0 ||
    codePoint === 0xfeff ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0x3000 ||
    codePoint === 0x1680 ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    (codePoint >= 0x2000 && codePoint <= 0x200d) ||
    codePoint === 0x2060
  );
}
