// Names a character so that a message shows it unambiguously, even when it is invisible.

const NAMED: Record<number, string> = {
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0d: 'a carriage return',
  0x20: 'a space',
  0xa0: 'a no-break space (U+00A0)',
  0xfeff: 'a byte order mark (U+FEFF)',
  0x200b: 'a zero-width space (U+200B)',
  0x200c: 'a zero-width non-joiner (U+200C)',
  0x200d: 'a zero-width joiner (U+200D)',
  0x2060: 'a word joiner (U+2060)',
  0x2026: "an ellipsis '…' (U+2026)",
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
  if (named) return named;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return `the control character ${hex(codePoint)}`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `a lone surrogate ${hex(codePoint)}`;
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
