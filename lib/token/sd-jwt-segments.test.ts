import { describe, expect, it } from 'vitest';
import { encodeBase64urlText as b64 } from './base64url';
import { sdJwtSegments, separateSdJwt } from './sd-jwt-segments';

const JWT = 'aaa.bbb.ccc';
const DISCLOSURE = b64('["salt","name","value"]');

describe('separateSdJwt', () => {
  it('decodes the issuer-signed JWT and keeps the whole SD-JWT', () => {
    const sdJwt = `${JWT}~${DISCLOSURE}~`;
    expect(separateSdJwt(sdJwt)).toEqual({ token: JWT, sdJwt });
  });

  it("does not read a tilde as an SD-JWT separator unless a JWT's dot comes before it", () => {
    expect(separateSdJwt('abc~def.ghi')).toEqual({ token: 'abc~def.ghi', sdJwt: null });
    expect(separateSdJwt('~a.b.c')).toEqual({ token: '~a.b.c', sdJwt: null });
    expect(separateSdJwt('.abc~d~')).toEqual({ token: '.abc~d~', sdJwt: null });
  });

  it('leaves a token without a tilde alone', () => {
    expect(separateSdJwt(JWT)).toEqual({ token: JWT, sdJwt: null });
  });
});

describe('sdJwtSegments', () => {
  it('places each disclosure and the key binding JWT where they are in the input', () => {
    const prefix = 'Bearer ';
    const kb = 'kkk.lll.mmm';
    const sdJwt = `${JWT}~${DISCLOSURE}~~${kb}`;
    const raw = prefix + sdJwt;
    const segments = sdJwtSegments(sdJwt, prefix.length);
    expect(segments.map((s) => [s.role, s.label, raw.slice(s.start, s.end)])).toEqual([
      ['disclosure', 'Disclosure 1', DISCLOSURE],
      ['disclosure', 'Disclosure 2', ''],
      ['keyBinding', 'Key binding JWT', kb],
    ]);
    expect(segments[0]!.byteLength).toBe('["salt","name","value"]'.length);
  });

  it('gives no key binding segment when the SD-JWT ends with a tilde', () => {
    const segments = sdJwtSegments(`${JWT}~${DISCLOSURE}~`, 0);
    expect(segments.map((s) => s.role)).toEqual(['disclosure']);
  });

  it('gives a disclosure that is not base64url no byte length', () => {
    const [segment] = sdJwtSegments(`${JWT}~not+base64~`, 0);
    expect(segment!.byteLength).toBeNull();
  });
});
