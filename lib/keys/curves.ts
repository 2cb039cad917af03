/**
 * The elliptic curves JOSE names, with the point arithmetic parsing needs
 * (decompressing points, deriving a public key from a private one) done by
 * @noble/curves, synchronously, so keys WebCrypto lacks (secp256k1, Ed448) work too.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { ed448, x448 } from '@noble/curves/ed448.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { KeyError } from './errors';
import { OID } from './oids';

export type EcCurve = 'P-256' | 'P-384' | 'P-521' | 'secp256k1';
export type OkpCurve = 'Ed25519' | 'Ed448' | 'X25519' | 'X448';

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

export const isEcCurve = (crv: unknown): crv is EcCurve => typeof crv === 'string' && crv in EC_CURVES;
export const isOkpCurve = (crv: unknown): crv is OkpCurve => typeof crv === 'string' && crv in OKP_CURVES;

export function ecCurveOfOid(oid: string): EcCurve | undefined {
  return (Object.keys(EC_CURVES) as EcCurve[]).find((c) => OID[c] === oid);
}

export function okpCurveOfOid(oid: string): OkpCurve | undefined {
  return (Object.keys(OKP_CURVES) as OkpCurve[]).find((c) => OID[c] === oid);
}

const weierstrass = { 'P-256': p256, 'P-384': p384, 'P-521': p521, secp256k1 } as const;

/**
 * Splits an SEC1 encoded point (04‖x‖y, or compressed 02/03‖x) into x and y,
 * checking that it lies on the curve.
 */
export function ecPointToXY(curve: EcCurve, point: Uint8Array): { x: Uint8Array; y: Uint8Array } {
  const size = EC_CURVES[curve].bytes;
  const first = point[0];
  const expected = first === 4 ? 1 + 2 * size : 1 + size;
  if ((first !== 2 && first !== 3 && first !== 4) || point.length !== expected) {
    throw new KeyError(`The ${curve} public point is malformed (${point.length} bytes starting with 0x${(first ?? 0).toString(16).padStart(2, '0')}).`);
  }
  let uncompressed: Uint8Array;
  try {
    uncompressed = weierstrass[curve].Point.fromBytes(point).toBytes(false);
  } catch {
    throw new KeyError(`The public point is not on the ${curve} curve.`);
  }
  return { x: uncompressed.subarray(1, 1 + size), y: uncompressed.subarray(1 + size) };
}

/** The public point of an EC private scalar. */
export function ecPublicFromPrivate(curve: EcCurve, d: Uint8Array): { x: Uint8Array; y: Uint8Array } {
  let point: Uint8Array;
  try {
    point = weierstrass[curve].getPublicKey(d, false);
  } catch {
    throw new KeyError(`The private key is not a valid ${curve} scalar.`);
  }
  const size = EC_CURVES[curve].bytes;
  return { x: point.subarray(1, 1 + size), y: point.subarray(1 + size) };
}

/** The public key of an OKP private key (RFC 8037). */
export function okpPublicFromPrivate(curve: OkpCurve, d: Uint8Array): Uint8Array {
  const impl = { Ed25519: ed25519, Ed448: ed448, X25519: x25519, X448: x448 }[curve];
  try {
    return impl.getPublicKey(d);
  } catch {
    throw new KeyError(`The ${curve} private key is not valid.`);
  }
}

/** Left-pads big-endian bytes to a fixed length (DER may drop leading zeros). */
export function padTo(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length === length) return bytes;
  let start = 0;
  while (bytes.length - start > length && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  if (trimmed.length > length) throw new KeyError(`The ${what} is ${trimmed.length} bytes long; at most ${length} were expected.`);
  const out = new Uint8Array(length);
  out.set(trimmed, length - trimmed.length);
  return out;
}
