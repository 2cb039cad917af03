import { describe, expect, it } from 'vitest';
import { encodeBase64urlText as b64 } from './base64url';
import { decodeToken } from './decode';

describe('a 1 MB token', () => {
  it('decodes fully: header, every claim, and byte lengths', () => {
    const claims: Record<string, string> = {};
    for (let i = 0, size = 2; size < 750_000; i++) {
      const value = `value ${i} ${'x'.repeat(40)}`;
      claims[`claim_${i}`] = value;
      size += `"claim_${i}":"${value}",`.length;
    }
    const token = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(JSON.stringify(claims))}.${'A'.repeat(43)}`;
    expect(token.length).toBeGreaterThan(1_000_000);

    const decoded = decodeToken(token);
    expect(decoded.error).toBeNull();
    expect(decoded.issues).toEqual([]);
    expect(decoded.header?.value).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decoded.payload?.kind).toBe('json');
    if (decoded.payload?.kind === 'json') expect(Object.keys(decoded.payload.value)).toHaveLength(Object.keys(claims).length);
    expect(decoded.segments[1]?.byteLength).toBe(new TextEncoder().encode(JSON.stringify(claims)).length);
  });

  it('locates a bad character near the end of a 1 MB token', () => {
    const payload = b64(JSON.stringify({ data: 'y'.repeat(760_000) }));
    const broken = `${payload.slice(0, -10)}+${payload.slice(-9)}`;
    const token = `${b64('{"alg":"HS256"}')}.${broken}.${'A'.repeat(43)}`;
    const decoded = decodeToken(token);
    expect(decoded.error?.segment).toBe('payload');
    expect(decoded.error?.offset).toBe(token.indexOf('+'));
  });
});
