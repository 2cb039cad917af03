/**
 * The elliptic curves JOSE names. Reading a public point (checking it lies on
 * its curve, decompressing it) is a few lines of modular arithmetic done here;
 * deriving a public key from a private one needs real curve arithmetic,
 * @noble/curves, which is loaded only when such a key is read
 * (loadCurveMaths), so verifying with a secret or a public key never
 * downloads it.
 */
import { KeyError } from './errors';
import { OID } from './oids';

import type { EcCurve, OkpCurve } from './curve-names';
import { t } from './messages';
import { elementName } from './element-names';

export type { EcCurve, OkpCurve } from './curve-names';

/** Coordinate / private scalar length in bytes, and the curve size in bits. */
export const EC_CURVES: Record<EcCurve, { bytes: number; bits: number }> = {
  'P-256': { bytes: 32, bits: 256 },
  'P-384': { bytes: 48, bits: 384 },
  'P-521': { bytes: 66, bits: 521 },
  secp256k1: { bytes: 32, bits: 256 },
};

/** Public and private key length in bytes, and the curve size in bits. */
export const OKP_CURVES: Record<OkpCurve, { bytes: number; bits: number }> = {
  Ed25519: { bytes: 32, bits: 256 },
  X25519: { bytes: 32, bits: 256 },
  Ed448: { bytes: 57, bits: 448 },
  X448: { bytes: 56, bits: 448 },
};

export const isEcCurve = (crv: unknown): crv is EcCurve => typeof crv === 'string' && Object.hasOwn(EC_CURVES, crv);
export const isOkpCurve = (crv: unknown): crv is OkpCurve => typeof crv === 'string' && Object.hasOwn(OKP_CURVES, crv);

export function ecCurveOfOid(oid: string): EcCurve | undefined {
  return (Object.keys(EC_CURVES) as EcCurve[]).find((c) => OID[c] === oid);
}

export function okpCurveOfOid(oid: string): OkpCurve | undefined {
  return (Object.keys(OKP_CURVES) as OkpCurve[]).find((c) => OID[c] === oid);
}

/** Short Weierstrass parameters: y² = x³ + ax + b over the prime field p (SEC 2, FIPS 186-4). */
const WEIERSTRASS: Record<EcCurve, { p: bigint; a: bigint; b: bigint }> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  'P-521': {
    p: (1n << 521n) - 1n,
    a: (1n << 521n) - 4n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
  secp256k1: { p: (1n << 256n) - (1n << 32n) - 977n, a: 0n, b: 7n },
};

function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let index = length - 1; index >= 0; index -= 1) {
    out[index] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= 1n;
  }
  return result;
}

/**
 * Splits an SEC1 encoded point (04‖x‖y, or compressed 02/03‖x) into x and y,
 * checking that it lies on the curve. (All four curves have cofactor 1, so a
 * point on the curve is in the prime-order group.)
 */
export function ecPointToXY(curve: EcCurve, point: Uint8Array): { x: Uint8Array; y: Uint8Array } {
  const size = EC_CURVES[curve].bytes;
  const first = point[0];
  const expected = first === 4 ? 1 + 2 * size : 1 + size;
  if ((first !== 2 && first !== 3 && first !== 4) || point.length !== expected) {
    throw new KeyError(t('keys.pointMalformed', { curve, count: point.length, first: (first ?? 0).toString(16).padStart(2, '0') }));
  }
  const { p, a, b } = WEIERSTRASS[curve];
  const x = bytesToBigInt(point.subarray(1, 1 + size));
  const notOnCurve = () => new KeyError(t('keys.pointNotOnCurve', { curve }));
  if (x >= p) throw notOnCurve();
  const rhs = (((x * x) % p) * x + a * x + b) % p;
  let y: bigint;
  if (first === 4) {
    y = bytesToBigInt(point.subarray(1 + size));
    if (y >= p || (y * y) % p !== rhs) throw notOnCurve();
  } else {
    // Every curve here has p ≡ 3 (mod 4), so a square root is rhs^((p+1)/4).
    y = modPow(rhs, (p + 1n) >> 2n, p);
    if ((y * y) % p !== rhs) throw notOnCurve();
    if ((y & 1n) !== BigInt(first & 1)) y = p - y;
  }
  return { x: bigIntToBytes(x, size), y: bigIntToBytes(y, size) };
}

type CurveMaths = typeof import('./curve-maths');
let curveMaths: CurveMaths | null = null;

/**
 * Loads the curve arithmetic that deriving a public key from a private one
 * needs. Call it before reading a private key (readKeyText does).
 */
export async function loadCurveMaths(): Promise<void> {
  curveMaths ??= await import('./curve-maths');
}

export const curveMathsLoaded = (): boolean => curveMaths !== null;

function requireCurveMaths(): CurveMaths {
  if (!curveMaths) throw new KeyError(t('keys.curveMathsMissing'));
  return curveMaths;
}

/** The public point of an EC private scalar. */
export function ecPublicFromPrivate(curve: EcCurve, d: Uint8Array): { x: Uint8Array; y: Uint8Array } {
  const maths = requireCurveMaths();
  let point: Uint8Array;
  try {
    point = maths.ecPublicPoint(curve, d);
  } catch {
    throw new KeyError(t('keys.invalidScalar', { curve }));
  }
  const size = EC_CURVES[curve].bytes;
  return { x: point.subarray(1, 1 + size), y: point.subarray(1 + size) };
}

/** The public key of an OKP private key (RFC 8037). */
export function okpPublicFromPrivate(curve: OkpCurve, d: Uint8Array): Uint8Array {
  const maths = requireCurveMaths();
  try {
    return maths.okpPublicKey(curve, d);
  } catch {
    throw new KeyError(t('keys.invalidCurvePrivate', { curve }));
  }
}

/** Left-pads big-endian bytes to a fixed length (DER may drop leading zeros). */
export function padTo(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length === length) return bytes;
  let start = 0;
  while (bytes.length - start > length && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  if (trimmed.length > length) throw new KeyError(t('keys.padTooLong', { what: elementName(what), actual: trimmed.length, length }));
  const out = new Uint8Array(length);
  out.set(trimmed, length - trimmed.length);
  return out;
}
