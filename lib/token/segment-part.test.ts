import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { lineAndColumn, spanOfByte, spanOfEmptySegment, spanOfSegment } from './segment-part';

describe('spanOfByte', () => {
  it('marks the characters that encode the byte, starting with the one holding its first bit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(200), fc.nat(), (bytes, start, pick) => {
        const text = encodeBase64url(bytes);
        const byteIndex = pick % bytes.length;
        const { offset, length } = spanOfByte({ text, start }, byteIndex);
        const first = offset - start;
        // Character i carries bits [6i, 6i + 6); byte k starts at bit 8k.
        expect(6 * first).toBeLessThanOrEqual(8 * byteIndex);
        expect(8 * byteIndex).toBeLessThan(6 * first + 6);
        expect(length).toBeGreaterThanOrEqual(1);
        expect(first + length).toBeLessThanOrEqual(text.length);
      }),
    );
  });

  it('stays inside the segment when the byte lies past its end', () => {
    expect(spanOfByte({ text: 'AAAA', start: 10 }, 9)).toEqual({ offset: 13, length: 1 });
  });
});

describe('spanOfEmptySegment', () => {
  it('marks the dot after an empty segment', () => {
    const raw = 'abc..def';
    expect(spanOfEmptySegment(raw, { text: '', start: 4 })).toEqual({ offset: 4, length: 1 });
  });

  it('marks nothing, at the end, when the empty segment ends the input', () => {
    const raw = 'abc.';
    expect(spanOfEmptySegment(raw, { text: '', start: 4 })).toEqual({ offset: 4, length: 0 });
  });
});

describe('spanOfSegment', () => {
  it('covers the whole segment where it sits in the input', () => {
    expect(spanOfSegment({ text: 'xyz', start: 7 })).toEqual({ offset: 7, length: 3 });
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    // The line break itself belongs to the line it ends.
    expect(lineAndColumn('ab\ncd', 2)).toEqual({ line: 1, column: 3 });
  });

  it('agrees with counting the line breaks before the position', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', ' ') }), fc.nat(), (text, pick) => {
        const position = pick % (text.length + 1);
        const before = text.slice(0, position).split('\n');
        expect(lineAndColumn(text, position)).toEqual({ line: before.length, column: before[before.length - 1]!.length + 1 });
      }),
    );
  });
});
