import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';

describe('base64url', () => {
  it('round-trips any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        const decoded = decodeBase64Url(text);
        expect(decoded.ok && Buffer.from(decoded.bytes).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('names the offset of a character outside the alphabet', () => {
    expect(decodeBase64Url('abc+def')).toEqual({ ok: false, error: 'character "+" at offset 3 is not allowed in base64url', offset: 3 });
    expect(decodeBase64Url('YQ==')).toMatchObject({ ok: false, offset: 2, error: expect.stringContaining('padding') });
  });

  it('accepts exactly the texts of the alphabet, any character code otherwise named with its offset', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom('+', '/', '=', ' ', '\u0000', '\u00ff', '\u0141', '\uffff')), maxLength: 40 }), (text) => {
        const firstBad = [...text].findIndex((char) => !alphabet.includes(char));
        const decoded = decodeBase64Url(text);
        if (firstBad >= 0) expect(decoded).toMatchObject({ ok: false, offset: firstBad });
        else if (text.length % 4 === 1) expect(decoded.ok).toBe(false);
        else expect(decoded.ok && Buffer.from(decoded.bytes).equals(Buffer.from(text, 'base64url'))).toBe(true);
      }),
    );
  });

  it('rejects a length no encoding can produce', () => {
    expect(decodeBase64Url('abcde').ok).toBe(false);
  });
});
