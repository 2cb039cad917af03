import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8Byte, utf8OffsetOf } from './utf8';

describe('utf8', () => {
  it('agrees with a fatal TextDecoder on any bytes, and locates the first bad byte', () => {
    const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        let valid = true;
        try {
          reference.decode(bytes);
        } catch {
          valid = false;
        }
        const result = decodeUtf8(bytes);
        expect(result.ok).toBe(valid);
        const bad = firstInvalidUtf8Byte(bytes);
        expect(bad === bytes.length).toBe(valid);
        if (!valid) {
          // Everything before the bad byte can still start valid UTF-8, and the bad byte breaks it
          // (unless it starts a sequence that the end of the input cuts short).
          const stream = () => new TextDecoder('utf-8', { fatal: true });
          expect(() => stream().decode(bytes.slice(0, bad), { stream: true })).not.toThrow();
          const truncatedAtEnd = (() => {
            try {
              stream().decode(bytes.slice(bad), { stream: true });
              return true;
            } catch {
              return false;
            }
          })();
          if (!truncatedAtEnd) expect(() => stream().decode(bytes.slice(0, bad + 1), { stream: true })).toThrow();
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps a byte order mark instead of silently dropping it', () => {
    const result = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    expect(result.ok && result.text).toBe('\ufeffA');
  });

  it('maps character positions to UTF-8 byte offsets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, at) => {
        const index = at % (text.length + 1);
        // Only cut between whole code points.
        if (index > 0 && index < text.length && /[\udc00-\udfff]/.test(text[index]!)) return;
        expect(utf8OffsetOf(text, index)).toBe(new TextEncoder().encode(text.slice(0, index)).length);
      }),
    );
  });
});
