/**
 * Public keys from private ones, with @noble/curves. Loaded on demand
 * (curves.ts, loadCurveMaths): it is most of the weight of key handling.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { ed448, x448 } from '@noble/curves/ed448.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { EcCurve, OkpCurve } from './curve-names';

const WEIERSTRASS = { 'P-256': p256, 'P-384': p384, 'P-521': p521, secp256k1 } as const;
const OKP = { Ed25519: ed25519, Ed448: ed448, X25519: x25519, X448: x448 } as const;

/** The uncompressed SEC1 point (04‖x‖y) of a private scalar; throws when it is not a valid scalar. */
export function ecPublicPoint(curve: EcCurve, d: Uint8Array): Uint8Array {
  return WEIERSTRASS[curve].getPublicKey(d, false);
}

/** The RFC 8037 public key of an OKP private key; throws when it is not valid. */
export function okpPublicKey(curve: OkpCurve, d: Uint8Array): Uint8Array {
  return OKP[curve].getPublicKey(d);
}
