/**
 * ML-DSA keys as PEM (RFC 9881): the IETF LAMPS examples (fixtures/mldsa-lamps,
 * made with Go, see its README) import, give the public key FIPS 204 derives
 * from their seed, and come out of our writer byte for byte; our own keys
 * round-trip; a token signed with @noble/post-quantum verifies with the SPKI PEM.
 */
import { readFileSync } from 'node:fs';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signFromText } from '@/lib/encoder/sign-text';
import { verifyWithKeyText } from '@/lib/jws/verify-key-text';
import { base64Decode, base64urlDecode, base64urlEncode, utf8Encode } from './base64';
import { jwkToPem } from './convert';
import { generateKey } from './generate';
import { ML_DSA, type MlDsaName } from './mldsa-params';
import { keyTextNeedsCurveMaths, keyTextNeedsMlDsaKeygen, parseKeyText, readKeyText } from './parse';
import type { Jwk, KeyParseResult } from './types';

const NAMES = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'] as const;
const NOBLE = { 'ML-DSA-44': ml_dsa44, 'ML-DSA-65': ml_dsa65, 'ML-DSA-87': ml_dsa87 } as const;
const vector = (file: string) => readFileSync(new URL(`./fixtures/mldsa-lamps/${file}`, import.meta.url), 'utf8');
/** The seed every LAMPS example was made from: 00 01 02 … 1f. */
const LAMPS_SEED = Uint8Array.from({ length: 32 }, (_, i) => i);

function firstJwk(result: KeyParseResult): Jwk {
  if (!result.ok) throw new Error(result.error.message);
  return result.keys[0]!.jwk;
}

function errorOf(result: KeyParseResult): string {
  if (result.ok) throw new Error(`expected an error, read ${result.keys[0]?.description}`);
  return result.error.message;
}

/** The raw public key at the end of an SPKI PEM: its BIT STRING content, found without our DER reader. */
function rawPublicKeyOf(pem: string, name: MlDsaName): Uint8Array {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const decoded = base64Decode(body);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.bytes.subarray(decoded.bytes.length - ML_DSA[name].publicKeyBytes);
}

describe('loading the ML-DSA code only for ML-DSA private keys', () => {
  it('is needed for an ML-DSA PKCS#8 key, not for its public key, and not for other keys', () => {
    expect(keyTextNeedsMlDsaKeygen(vector('ML-DSA-44-seed.priv'))).toBe(true);
    expect(keyTextNeedsMlDsaKeygen(vector('ML-DSA-87-both.priv'))).toBe(true);
    expect(keyTextNeedsMlDsaKeygen(vector('ML-DSA-44.pub'))).toBe(false);
    expect(keyTextNeedsCurveMaths(vector('ML-DSA-44-seed.priv'))).toBe(false);
    // Until it is loaded, the synchronous parser says so instead of guessing.
    expect(errorOf(parseKeyText(vector('ML-DSA-44-seed.priv')))).toMatch(/not been loaded yet/);
  });
});

describe.each(NAMES)('%s PEM from the IETF LAMPS examples', (name) => {
  const publicPem = vector(`${name}.pub`);
  const seedPem = vector(`${name}-seed.priv`);
  const expected = NOBLE[name].keygen(LAMPS_SEED).publicKey;

  it('reads the SPKI public key: the raw key of the BIT STRING, the one FIPS 204 derives from the seed', async () => {
    const parsed = await readKeyText(publicPem);
    expect(parsed.ok && parsed.keys[0]!.description).toBe(`${name} public key`);
    const jwk = firstJwk(parsed);
    expect(jwk).toEqual({ kty: 'AKP', alg: name, pub: base64urlEncode(expected) });
    expect(rawPublicKeyOf(publicPem, name)).toEqual(expected);
  });

  it('reads the seed form, derives the public key and calls it private', async () => {
    const parsed = await readKeyText(seedPem);
    expect(parsed.ok && parsed.format).toBe('pem-pkcs8');
    expect(parsed.ok && parsed.keys[0]!.visibility).toBe('private');
    expect(parsed.ok && parsed.keys[0]!.description).toBe(`${name} private key`);
    expect(firstJwk(parsed)).toEqual({ kty: 'AKP', alg: name, pub: base64urlEncode(expected), priv: base64urlEncode(LAMPS_SEED) });
    expect(firstJwk(parsed).pub).toBe(firstJwk(await readKeyText(publicPem)).pub);
  });

  it('reads the "both" form after checking that its seed gives its expanded key', async () => {
    expect(firstJwk(await readKeyText(vector(`${name}-both.priv`)))).toEqual(firstJwk(await readKeyText(seedPem)));
  });

  it('refuses an expanded key without its seed, saying what is missing', async () => {
    const message = errorOf(await readKeyText(vector(`${name}-expanded.priv`)));
    expect(message).toMatch(new RegExp(`${name} private key holds only the expanded private key \\(${ML_DSA[name].expandedKeyBytes} bytes\\)`));
    expect(message).toMatch(/not supported/);
    expect(message).toMatch(/seed/);
  });

  it('reads the self-signed certificate: the same public key', async () => {
    const parsed = await readKeyText(vector(`${name}.crt`), { now: new Date('2026-01-01T00:00:00Z') });
    expect(parsed.ok && parsed.format).toBe('pem-x509');
    expect(firstJwk(parsed)).toEqual({ kty: 'AKP', alg: name, pub: base64urlEncode(expected) });
  });

  it('writes the same PEM back, byte for byte (seed form, SPKI without parameters)', async () => {
    const jwk = firstJwk(await readKeyText(seedPem));
    const privatePem = jwkToPem(jwk, 'private');
    const spki = jwkToPem({ kty: 'AKP', alg: name, pub: jwk.pub }, 'public');
    expect(privatePem.ok && privatePem.pem).toBe(seedPem);
    expect(spki.ok && spki.pem).toBe(publicPem);
    // The public PEM of a private key is its public half.
    const fromPrivate = jwkToPem(jwk, 'public');
    expect(fromPrivate.ok && fromPrivate.pem).toBe(publicPem);
  });

  it('verifies a token signed by @noble/post-quantum with the SPKI PEM, the certificate or the private key', async () => {
    const header = base64urlEncode(utf8Encode(JSON.stringify({ alg: name, typ: 'JWT' })));
    const payload = base64urlEncode(utf8Encode(JSON.stringify({ sub: 'pem', iat: 1767225600 })));
    const signature = NOBLE[name].sign(utf8Encode(`${header}.${payload}`), NOBLE[name].keygen(LAMPS_SEED).secretKey);
    const token = `${header}.${payload}.${base64urlEncode(signature)}`;
    expect((await verifyWithKeyText(token, publicPem)).state).toBe('valid');
    expect((await verifyWithKeyText(token, vector(`${name}.crt`), { now: new Date('2026-01-01T00:00:00Z') })).state).toBe('valid');
    expect((await verifyWithKeyText(token, seedPem)).state).toBe('valid');
    const tampered = `${header}.${base64urlEncode(utf8Encode('{"sub":"other"}'))}.${base64urlEncode(signature)}`;
    expect((await verifyWithKeyText(tampered, publicPem)).state).toBe('invalid');
  });
});

describe('signing with an ML-DSA PKCS#8 PEM in the encoder', () => {
  it.each(NAMES)('%s: the token verifies under @noble/post-quantum with the example public key', async (name) => {
    const signed = await signFromText({ header: `{"alg":"${name}"}`, payload: '{"sub":"pem-signer"}', alg: name, key: vector(`${name}-seed.priv`), secretEncoding: 'utf8' });
    if (!signed.ok) throw new Error(signed.error);
    const [header, payload, signature] = signed.token.split('.') as [string, string, string];
    const signatureBytes = base64urlDecode(signature);
    if (!signatureBytes.ok) throw new Error(signatureBytes.message);
    expect(NOBLE[name].verify(signatureBytes.bytes, utf8Encode(`${header}.${payload}`), rawPublicKeyOf(vector(`${name}.pub`), name))).toBe(true);
  });
});

describe('ML-DSA private keys that are wrong (LAMPS "bad" examples and our own)', () => {
  it('refuses a "both" key whose seed and expanded key disagree', async () => {
    expect(errorOf(await readKeyText(vector('bad-ML-DSA-44-1.priv')))).toMatch(/seed and expanded key do not belong together/);
  });

  it('refuses the expanded-only bad keys for lack of a seed', async () => {
    for (const file of ['bad-ML-DSA-44-2.priv', 'bad-ML-DSA-44-3.priv']) {
      expect(errorOf(await readKeyText(vector(file)))).toMatch(/only the expanded private key/);
    }
  });

  it('refuses parameters in the algorithm identifier, and names HashML-DSA', async () => {
    const der = base64Decode(vector('ML-DSA-44.pub').replace(/-----[^-]+-----|\s+/g, ''));
    if (!der.ok) throw new Error(der.message);
    // Rebuild the SPKI with a NULL parameter: 30 0d 06 09 <oid> 05 00.
    const bytes = der.bytes;
    const body = bytes.subarray(4 + 13); // after the outer header (4 bytes) and the 13-byte AlgorithmIdentifier
    const algorithm = Uint8Array.of(0x30, 0x0d, ...bytes.subarray(6, 17), 0x05, 0x00);
    const inner = Uint8Array.of(...algorithm, ...body);
    const withNull = Uint8Array.of(0x30, 0x82, inner.length >> 8, inner.length & 0xff, ...inner);
    const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(withNull).toString('base64')}\n-----END PUBLIC KEY-----\n`;
    expect(errorOf(await readKeyText(pem))).toMatch(/parameters; RFC 9881 requires them to be absent/);
    const hashMlDsa = Uint8Array.from(bytes);
    hashMlDsa[16] = 0x20; // 2.16.840.1.101.3.4.3.32: HashML-DSA-44 with SHA-512
    const hashPem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(hashMlDsa).toString('base64')}\n-----END PUBLIC KEY-----\n`;
    expect(errorOf(await readKeyText(hashPem))).toMatch(/HashML-DSA-44/);
  });

  it('refuses a stored public key that is not the seed\'s', async () => {
    const seedDer = base64Decode(vector('ML-DSA-44-seed.priv').replace(/-----[^-]+-----|\s+/g, ''));
    if (!seedDer.ok) throw new Error(seedDer.message);
    const wrong = NOBLE['ML-DSA-44'].keygen(new Uint8Array(32)).publicKey;
    // OneAsymmetricKey v2: version 1, …, publicKey [1] IMPLICIT BIT STRING.
    const field = Uint8Array.of(0x81, 0x82, (wrong.length + 1) >> 8, (wrong.length + 1) & 0xff, 0, ...wrong);
    const inner = Uint8Array.of(0x02, 0x01, 0x01, ...seedDer.bytes.subarray(5), ...field);
    const der = Uint8Array.of(0x30, 0x82, inner.length >> 8, inner.length & 0xff, ...inner);
    const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(der).toString('base64')}\n-----END PRIVATE KEY-----\n`;
    expect(errorOf(await readKeyText(pem))).toMatch(/not the public key of its seed/);
  });
});

describe('our ML-DSA keys as PEM', () => {
  it.each(NAMES)('%s: the generator offers both PEMs, and they read back as the same key', async (name) => {
    const key = await generateKey(name);
    expect(key.privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect({ ...firstJwk(await readKeyText(key.privatePem!)), kid: key.kid }).toEqual(key.privateJwk);
    expect(firstJwk(await readKeyText(key.publicPem!))).toEqual({ kty: 'AKP', alg: name, pub: key.privateJwk.pub });
  });

  it('round-trips any seed: JWK → PKCS#8 / SPKI PEM → JWK', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.uint8Array({ minLength: 32, maxLength: 32 }), async (name, seed) => {
        const jwk: Jwk = { kty: 'AKP', alg: name, pub: base64urlEncode(NOBLE[name].keygen(seed).publicKey), priv: base64urlEncode(seed) };
        const privatePem = jwkToPem(jwk, 'private');
        const publicPem = jwkToPem(jwk, 'public');
        if (!privatePem.ok || !publicPem.ok) throw new Error('no PEM');
        expect(firstJwk(await readKeyText(privatePem.pem))).toEqual(jwk);
        expect(firstJwk(await readKeyText(publicPem.pem))).toEqual({ kty: 'AKP', alg: name, pub: jwk.pub });
        // The seed sits in the PKCS#8 as [0] IMPLICIT OCTET STRING, 0x80 0x20.
        const der = base64Decode(privatePem.pem.replace(/-----[^-]+-----|\s+/g, ''));
        expect(der.ok && Array.from(der.bytes.subarray(-34, -32))).toEqual([0x80, 0x20]);
        const seedBack = base64urlDecode(String(jwk.priv));
        expect(der.ok && seedBack.ok && der.bytes.subarray(-32)).toEqual(seedBack.ok ? seedBack.bytes : null);
      }),
      { numRuns: 30 },
    );
  });

  it('says a public ML-DSA key has no private PEM', () => {
    const result = jwkToPem({ kty: 'AKP', alg: 'ML-DSA-44', pub: base64urlEncode(NOBLE['ML-DSA-44'].keygen(LAMPS_SEED).publicKey) }, 'private');
    expect(!result.ok && result.error.message).toMatch(/private member "priv"/);
  });
});
