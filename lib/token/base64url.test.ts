import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlByteLength, decodeBase64url, encodeBase64url, encodeBase64urlText } from './base64url';

// Node's Buffer is the reference here only; the code under test never uses it.
const reference = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('base64url', () => {
  it('encodes like the reference implementation and decodes back, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase64url(bytes);
        expect(encoded).toBe(reference(bytes));
        const decoded = decodeBase64url(encoded);
        expect(decoded.ok && Array.from(decoded.bytes)).toEqual(Array.from(bytes));
        expect(base64urlByteLength(encoded.length)).toBe(bytes.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('encodes RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors) expect(encodeBase64urlText(text)).toBe(encoded);
  });

  it('uses - and _ where base64 has + and /', () => {
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    const decoded = decodeBase64url('-_8');
    expect(decoded.ok && Array.from(decoded.bytes)).toEqual([0xfb, 0xff]);
  });

  it('rejects every character outside the alphabet and locates it', () => {
    for (const bad of ['+', '/', '=', ' ', '\n', '.', '!', 'é', '\u0000']) {
      const result = decodeBase64url(`abcd${bad}efg`);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.index).toBe(4);
    }
  });

  it('classifies the problem', () => {
    const problem = (text: string) => {
      const r = decodeBase64url(text);
      return r.ok ? 'ok' : r.error.problem;
    };
    expect(problem('Zm8=')).toBe('padding');
    expect(problem('Zm 8')).toBe('whitespace');
    expect(problem('Zm+8')).toBe('character');
    expect(problem('Zm9vY')).toBe('length');
    expect(problem('Zm9')).toBe('non-canonical');
    expect(problem('Zm8')).toBe('ok');
  });

  it('rejects any non-canonical ending, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }).filter((b) => b.length % 3 !== 0), fc.integer({ min: 1, max: 15 }), (bytes, flip) => {
        const encoded = encodeBase64url(bytes);
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const last = alphabet.indexOf(encoded[encoded.length - 1]!);
        const unused = bytes.length % 3 === 1 ? 0b1111 : 0b11;
        const altered = alphabet[last | (flip & unused)]!;
        if (altered === encoded[encoded.length - 1]) return;
        const result = decodeBase64url(encoded.slice(0, -1) + altered);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.problem).toBe('non-canonical');
      }),
    );
  });

  it('decodes a megabyte', () => {
    const bytes = new Uint8Array(1024 * 1024).map((_, i) => (i * 31) & 0xff);
    const encoded = encodeBase64url(bytes);
    const decoded = decodeBase64url(encoded);
    expect(decoded.ok && decoded.bytes.length).toBe(bytes.length);
  });
});
