import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripPastedInput } from './normalise';

describe('stripPastedInput', () => {
  it('only ever removes characters from the ends', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('', ' ', '\n', '"', "'", '`', 'Bearer ', 'Authorization: '), (middle, wrap) => {
        const raw = wrap + middle + (wrap.startsWith('B') || wrap.startsWith('A') ? '' : wrap);
        const { start, end } = stripPastedInput(raw);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeGreaterThanOrEqual(start);
        expect(end).toBeLessThanOrEqual(raw.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a clean token alone', () => {
    expect(stripPastedInput('a.b.c')).toEqual({ start: 0, end: 5, stripped: [] });
  });

  it('removes a whole Authorization header line with quotes inside', () => {
    const raw = '  Authorization: Bearer "a.b.c"  ';
    const { start, end, stripped } = stripPastedInput(raw);
    expect(raw.slice(start, end)).toBe('a.b.c');
    expect(stripped).toEqual(['surrounding whitespace', "the 'Authorization: ' header name", "the 'Bearer ' prefix", 'surrounding quotes']);
  });

  it('keeps whitespace inside the token', () => {
    const raw = ' a.b c.d ';
    const { start, end } = stripPastedInput(raw);
    expect(raw.slice(start, end)).toBe('a.b c.d');
  });

  it('does not take a word that merely starts with bearer for the prefix', () => {
    expect(stripPastedInput('bearerish.x.y').stripped).toEqual([]);
  });
});
