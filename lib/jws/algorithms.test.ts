import { describe, expect, it } from 'vitest';
import { ML_DSA } from '@/lib/keys/mldsa-params';
import { CURVES, getAlgorithm, implementationFor, JWS_ALGORITHM_NAMES, JWS_ALGORITHMS } from './algorithms';

describe('the algorithm table', () => {
  it('lists every JWS algorithm the verifier supports', () => {
    expect(JWS_ALGORITHM_NAMES).toEqual(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519', 'Ed448', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87', 'none']);
  });

  it('is case-sensitive, as alg values are', () => {
    expect(getAlgorithm('HS256')?.family).toBe('HMAC');
    expect(getAlgorithm('hs256')).toBeUndefined();
    expect(getAlgorithm('None')).toBeUndefined();
  });

  it('requires HMAC secrets as long as the hash (RFC 7518 §3.2) and RSA keys of 2048 bits', () => {
    expect(['HS256', 'HS384', 'HS512'].map((name) => getAlgorithm(name)?.minKeyBits)).toEqual([256, 384, 512]);
    for (const name of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']) expect(getAlgorithm(name)?.minKeyBits).toBe(2048);
  });

  it('knows the r‖s size of each ECDSA signature', () => {
    expect(['ES256', 'ES384', 'ES512', 'ES256K'].map((name) => getAlgorithm(name)?.signatureBytes)).toEqual([64, 96, 132, 64]);
    expect(getAlgorithm('ES512')?.curves).toEqual(['P-521']);
    expect(getAlgorithm('ES512')?.hash).toBe('SHA-512');
  });

  it('lets EdDSA use either curve, the fully-specified algorithms one each', () => {
    expect(getAlgorithm('EdDSA')?.curves).toEqual(['Ed25519', 'Ed448']);
    expect(getAlgorithm('Ed25519')?.curves).toEqual(['Ed25519']);
    expect(getAlgorithm('Ed448')?.signatureBytes).toBe(114);
  });

  it('sends secp256k1 and Ed448 to @noble/curves, the rest to WebCrypto', () => {
    const eddsa = getAlgorithm('EdDSA')!;
    expect(implementationFor(eddsa, 'Ed25519')).toBe('webcrypto');
    expect(implementationFor(eddsa, 'Ed448')).toBe('noble');
    expect(implementationFor(getAlgorithm('ES256K')!, 'secp256k1')).toBe('noble');
    expect(implementationFor(getAlgorithm('ES256')!, 'P-256')).toBe('webcrypto');
    expect(CURVES.secp256k1.implementation).toBe('noble');
  });

  it('has the ML-DSA parameter sets with AKP keys and the FIPS 204 signature sizes', () => {
    expect(['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'].map((name) => getAlgorithm(name)?.signatureBytes)).toEqual([2420, 3309, 4627]);
    expect(getAlgorithm('ML-DSA-65')?.keyType).toBe('AKP');
    for (const params of Object.values(ML_DSA)) expect(getAlgorithm(params.name)?.signatureBytes).toBe(params.signatureBytes);
  });

  it('gives every signing algorithm a key type and a specification', () => {
    for (const entry of JWS_ALGORITHMS.filter((alg) => alg.family !== 'none')) {
      expect(entry.keyType).toBeDefined();
      expect(entry.spec).toMatch(/^(RFC \d+|FIPS 204)/);
    }
  });
});
