import { describe, expect, it } from 'vitest';
import { findings } from './findings';
import { decodeToken } from '../token';
import { checkClaims, describeTime, isLikelyTimeClaim, lookupClaim } from '../claims';
import { getAlgorithm, isJwsCurve } from '../jws/algorithms';
import { isEcCurve, isOkpCurve } from '../keys/curves';
import { parseSpan } from '../encoder/time-span';
import { algForKey } from '../encoder/alg-for-key';

const PROTOTYPE_NAMES = ['toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('names of Object.prototype members are ordinary strings', () => {
  it.each(PROTOTYPE_NAMES)('alg "%s" is not an HMAC, and no table lookup finds it', (name) => {
    const ids = findings({ header: { alg: name, kid: name }, payload: { sub: 'x' }, kind: 'jws' }, { secretBits: 8, keyFormat: 'pem-spki' }).map((f) => f.id);
    expect(ids).not.toContain('hmac-shared-secret');
    expect(ids).not.toContain('weak-secret');
    expect(ids).not.toContain('hmac-with-public-key');
    expect(getAlgorithm(name)).toBeUndefined();
    expect(isJwsCurve(name) || isEcCurve(name) || isOkpCurve(name)).toBe(false);
    expect(parseSpan(`5${name.toLowerCase().replace(/_/g, '')}`).ok).toBe(false);
    expect(algForKey({ kty: name } as never, 'RS256')).toBe('RS256');
  });

  it('a real HMAC alg still is one', () => {
    expect(findings({ header: { alg: 'HS256' }, payload: { exp: 1 }, kind: 'jws' }).map((f) => f.id)).toContain('hmac-shared-secret');
  });

  it('prototype names as claim names and kid decode, explain and check harmlessly', () => {
    const payload = `{${PROTOTYPE_NAMES.map((name) => `"${name}":1700000000`).join(',')},"__proto__":{"exp":1}}`;
    const decoded = decodeToken(`${b64('{"alg":"HS256","kid":"__proto__","__proto__":{"alg":"none"}}')}.${b64(payload)}.c2ln`);
    expect(decoded.error).toBeNull();
    const claims = decoded.payload?.kind === 'json' ? decoded.payload.value : null;
    expect(claims && Object.keys(claims)).toEqual(PROTOTYPE_NAMES);
    expect(decoded.header?.value.alg).toBe('HS256');
    expect(Object.getPrototypeOf(claims)).toBe(Object.prototype);
    for (const name of PROTOTYPE_NAMES) {
      expect(lookupClaim(name, 'payload')).toBeNull();
      expect(lookupClaim(name, 'header')).toBeNull();
      expect(isLikelyTimeClaim(name, 1700000000)).toBe(true);
      expect(describeTime(1700000000, 0, name).ok).toBe(true);
    }
    expect(() => checkClaims(decoded.header!.value, claims, { now: Date.now(), expected: { iss: 'toString' } })).not.toThrow();
    expect(() => findings({ header: decoded.header!.value, payload: claims, kind: 'jws' }, { now: Date.now() })).not.toThrow();
  });
});
