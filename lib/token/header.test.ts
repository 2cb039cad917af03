import { describe, expect, it } from 'vitest';
import { encodeBase64urlText as b64 } from './base64url';
import { createDecodeContext } from './decode-context';
import { decodeHeaderSegment } from './header';
import { pushHeaderWarnings } from './header-warnings';

describe('decodeHeaderSegment', () => {
  it('gives the header with its pretty form and byte length', () => {
    const text = b64('{"alg":"ES256"}');
    const result = decodeHeaderSegment(createDecodeContext(''), { text, start: 0 });
    expect(result).toEqual({ ok: true, header: { value: { alg: 'ES256' }, pretty: '{\n  "alg": "ES256"\n}' }, byteLength: 15 });
  });

  it('knows the byte length when the bytes decoded but are not a JSON object, and not when they are not base64url', () => {
    expect(decodeHeaderSegment(createDecodeContext(''), { text: b64('[1]'), start: 0 })).toEqual({ ok: false, byteLength: 3 });
    expect(decodeHeaderSegment(createDecodeContext(''), { text: '', start: 0 })).toEqual({ ok: false, byteLength: 0 });
    expect(decodeHeaderSegment(createDecodeContext(''), { text: 'e30=', start: 0 })).toEqual({ ok: false, byteLength: null });
  });

  it('speaks of the protected header of a JWE and cites RFC 7516 for its duplicates', () => {
    const ctx = createDecodeContext('', true);
    decodeHeaderSegment(ctx, { text: b64('{"enc":"A128GCM","enc":"A256GCM"}'), start: 0 });
    expect(ctx.issues[0]!.message).toMatch(/^Duplicate member "enc" in the protected header: .*RFC 7516 §4/);
  });
});

describe('pushHeaderWarnings', () => {
  const part = { text: 'hdr', start: 2 };
  const warningsFor = (header: Record<string, unknown>, kind: 'jws' | 'jwe' | 'unknown') => {
    const ctx = createDecodeContext('');
    pushHeaderWarnings(ctx, header, kind, part);
    return ctx.issues;
  };

  it('marks the whole header for each warning', () => {
    expect(warningsFor({ alg: 7 }, 'jws')).toEqual([{ severity: 'warning', message: `The header's "alg" must be a string, but it is a number`, segment: 'header', offset: 2, length: 3 }]);
  });

  it('warns about JWE members on a JWS and missing ones on a JWE', () => {
    expect(warningsFor({ alg: 'dir', enc: 'A128GCM' }, 'jws').map((i) => i.message)).toEqual([expect.stringContaining('"enc", which belongs to a JWE')]);
    expect(warningsFor({ alg: 'dir' }, 'jwe').map((i) => i.message)).toEqual([expect.stringContaining('no "enc" member')]);
    expect(warningsFor({ alg: 'dir', enc: 'A128GCM' }, 'jwe')).toEqual([]);
  });

  it('checks "b64" only on a JWS, and accepts b64: false when crit lists it', () => {
    expect(warningsFor({ alg: 'HS256', b64: false, crit: ['b64'] }, 'jws')).toEqual([]);
    expect(warningsFor({ alg: 'HS256', b64: false }, 'jws').map((i) => i.message)).toEqual([expect.stringContaining('must be listed in "crit"')]);
    expect(warningsFor({ alg: 'HS256', b64: false }, 'unknown')).toEqual([]);
  });
});
