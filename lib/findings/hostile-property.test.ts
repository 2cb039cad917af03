import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeToken } from '../token';
import { checkClaims, describeTime, isLikelyTimeClaim, lifetime, lookupClaim } from '../claims';
import { findings } from './findings';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const SEED = 20261201;

const NAMES = ['exp', 'iat', 'nbf', 'auth_time', 'updated_at', 'x_at', 'iss', 'aud', 'kid', 'alg', 'email', '__proto__', 'constructor', 'toString', 'valueOf', 'd', 'kty', 'password'];
const NUMBERS = ['1e20', '-1e20', '1e400', '-1e400', '-0', '9007199254740993', '1.7976931348623157e308', '-1.7976931348623157e308', '8640000000001', '1e15', '1e-400', '0'];

/** Hostile JSON text: extreme numbers, prototype names, odd characters, nesting. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NUMBERS),
    fc.string({ unit: fc.constantFrom('a', '@', '.', '/', '\u202e', '\u0000', '\ufeff', '\ud800', '"', '\\', ' ') }).map((s) => JSON.stringify(s)),
    fc.constantFrom('null', 'true', '"HS256"', '"toString"'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(fc.constantFrom(...NAMES), tie('value')), { maxLength: 6 }).map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

const objectText = fc.array(fc.tuple(fc.constantFrom(...NAMES), jsonText), { maxLength: 8 }).map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);

describe('decoding, claims and security notes over hostile JSON (property)', () => {
  it('never throw, and what they return is usable', () => {
    fc.assert(
      fc.property(objectText, objectText, fc.integer({ min: -8.64e15, max: 8.64e15 }), (header, payload, now) => {
        const decoded = decodeToken(`${b64(header)}.${b64(payload)}.c2ln`);
        expect(decoded.error).toBeNull();
        const headerValue = decoded.header?.value ?? null;
        const claims = decoded.payload?.kind === 'json' ? decoded.payload.value : null;
        const checks = checkClaims(headerValue, claims, { now, expected: { iss: 'a/', aud: 'b', sub: 'c', typ: 'JWT' } });
        expect(checks.checks.every((check) => typeof check.message === 'string')).toBe(true);
        const notes = findings({ header: headerValue, payload: claims, kind: 'jws', signatureLength: 3 }, { now, secretBits: 8, keyFormat: 'secret' });
        expect(notes.every((note) => typeof note.detail === 'string' && note.detail.length < 2000)).toBe(true);
        for (const [name, value] of Object.entries(claims ?? {})) {
          if (isLikelyTimeClaim(name, value)) {
            const described = describeTime(value, now, name);
            expect(described.ok ? described.iso : described.message).toEqual(expect.any(String));
          }
          lookupClaim(name, 'payload');
        }
        if (claims) expect(lifetime(claims, now).warnings).toEqual(expect.any(Array));
        // A prototype name never makes an HMAC.
        if (typeof headerValue?.alg === 'string' && !/^HS(256|384|512)$/.test(headerValue.alg)) {
          expect(notes.map((note) => note.id)).not.toContain('hmac-shared-secret');
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
