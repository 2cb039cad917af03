import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ecPointToXY, type EcCurve } from './curves';
import { keyTextNeedsCurveMaths, parseKeyText, readKeyText } from './parse';
import { KeyError } from './errors';

const NOBLE = { 'P-256': p256, 'P-384': p384, 'P-521': p521, secp256k1 } as const;
const CURVES = Object.keys(NOBLE) as EcCurve[];

describe('ecPointToXY: public points read without @noble/curves', () => {
  for (const curve of CURVES) {
    it(`${curve}: uncompressed and compressed points give the coordinates @noble/curves gives`, () => {
      for (let round = 0; round < 8; round += 1) {
        const noble = NOBLE[curve];
        const point = noble.Point.fromBytes(noble.getPublicKey(noble.utils.randomSecretKey(), false));
        const uncompressed = point.toBytes(false);
        const size = (uncompressed.length - 1) / 2;
        const expected = { x: uncompressed.subarray(1, 1 + size), y: uncompressed.subarray(1 + size) };
        expect(ecPointToXY(curve, uncompressed)).toEqual(expected);
        expect(ecPointToXY(curve, point.toBytes(true))).toEqual(expected);
      }
    });

    it(`${curve}: a point off the curve is refused, as is a coordinate beyond the field`, () => {
      const noble = NOBLE[curve];
      const good = noble.getPublicKey(noble.utils.randomSecretKey(), false);
      const offCurve = Uint8Array.from(good);
      offCurve[offCurve.length - 1]! ^= 1; // y changed by one bit
      expect(() => ecPointToXY(curve, offCurve)).toThrow(`not on the ${curve} curve`);
      const size = (good.length - 1) / 2;
      const beyond = Uint8Array.from(good);
      beyond.fill(0xff, 1, 1 + size); // x ≥ p
      expect(() => ecPointToXY(curve, beyond)).toThrow(KeyError);
      expect(() => ecPointToXY(curve, good.subarray(0, good.length - 1))).toThrow('malformed');
    });
  }

  it('a compressed x with no point on the curve is refused', () => {
    // Half of all x values have no y on P-256; find one.
    const compressed = new Uint8Array(33);
    compressed[0] = 2;
    let refused = false;
    for (let x = 1; x < 50 && !refused; x += 1) {
      compressed[32] = x;
      try {
        ecPointToXY('P-256', compressed);
      } catch (error) {
        refused = error instanceof KeyError && /not on the P-256 curve/.test(error.message);
      }
    }
    expect(refused).toBe(true);
  });
});

describe('the curve arithmetic loads only for keys that need it', () => {
  // This file's module state starts without it (Vitest isolates test files).
  const ed25519 = generateKeyPairSync('ed25519');
  const privatePem = ed25519.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const publicPem = ed25519.publicKey.export({ format: 'pem', type: 'spki' }) as string;

  it('secrets, public keys and JWKs never need it; a private PEM does', () => {
    expect(keyTextNeedsCurveMaths('my-secret')).toBe(false);
    expect(keyTextNeedsCurveMaths(publicPem)).toBe(false);
    expect(keyTextNeedsCurveMaths(JSON.stringify(ed25519.privateKey.export({ format: 'jwk' })))).toBe(false);
    expect(keyTextNeedsCurveMaths(privatePem)).toBe(true);
    expect(parseKeyText(publicPem).ok).toBe(true);
  });

  it('read synchronously before loading, a private key that needs it is an error value, not a crash; readKeyText loads it', async () => {
    const early = parseKeyText(privatePem);
    expect(early.ok).toBe(false);
    expect(!early.ok && early.error.message).toMatch(/curve arithmetic/);
    const read = await readKeyText(privatePem);
    expect(read.ok && read.keys[0]!.publicJwk).toEqual(ed25519.publicKey.export({ format: 'jwk' }));
    expect(keyTextNeedsCurveMaths(privatePem)).toBe(false);
    expect(parseKeyText(privatePem).ok).toBe(true);
  });
});
