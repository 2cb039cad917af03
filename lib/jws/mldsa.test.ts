/**
 * ML-DSA against the draft-ietf-cose-dilithium examples (made with CIRCL, see
 * fixtures/mldsa/README.md): their tokens verify here, tampering breaks them,
 * the seed gives their public key, the thumbprint matches their kid, and our
 * own signatures verify under their keys.
 */
import { describe, expect, it } from 'vitest';
import { readKeyText } from '@/lib/keys';
import { jwkThumbprint } from '@/lib/keys/thumbprint';
import { generateKey } from '@/lib/keys/generate';
import type { Jwk, ParsedKey } from '@/lib/keys/types';
import { encodeBase64Url } from './base64url';
import { mlDsaPublicKey, mlDsaSign, mlDsaVerify, webCryptoHasMlDsa } from './mldsa';
import { signJws } from './sign';
import { verifyJws } from './verify';
import v44 from './fixtures/mldsa/ML_DSA_44.jose.json';
import v65 from './fixtures/mldsa/ML_DSA_65.jose.json';
import v87 from './fixtures/mldsa/ML_DSA_87.jose.json';

const VECTORS = [v44, v65, v87] as { priv: string; jwk: Jwk & { alg: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87' }; jws: string; raw_public_key: string }[];

function hex(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array((text.match(/../g) ?? []).map((byte) => parseInt(byte, 16)));
}

async function keyOf(jwk: Jwk): Promise<ParsedKey> {
  const parsed = await readKeyText(JSON.stringify(jwk));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.keys[0]!;
}

function publicOf(jwk: Jwk): Jwk {
  const rest = { ...jwk };
  delete rest.priv;
  return rest;
}

describe.each(VECTORS)('$jwk.alg (draft-ietf-cose-dilithium example)', (vector) => {
  const alg = vector.jwk.alg;

  it('verifies the example token with the public JWK, and not once a byte changes', async () => {
    const key = await keyOf(publicOf(vector.jwk));
    expect(key.description).toBe(`${alg} public key`);
    const good = await verifyJws(vector.jws, [key]);
    expect(good.state, good.message).toBe('valid');
    const [h, p, s] = vector.jws.split('.');
    const tamperedPayload = `${h}.${p!.slice(0, -2)}Zg.${s}`;
    expect((await verifyJws(tamperedPayload, [key])).state).toBe('invalid');
    const sig = s!;
    const flipped = `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    expect((await verifyJws(flipped, [key])).state).toBe('invalid');
  });

  it('derives the example public key from the seed, and the thumbprint equals the example kid', async () => {
    expect(encodeBase64Url(await mlDsaPublicKey(alg, hex(vector.priv)))).toBe(vector.jwk.pub);
    expect(encodeBase64Url(hex(vector.raw_public_key))).toBe(vector.jwk.pub);
    expect(await jwkThumbprint(vector.jwk)).toBe(vector.jwk.kid);
  });

  it('signs with the private JWK so that the example public key verifies', async () => {
    const signed = await signJws({ header: { typ: 'JWT' }, payload: '{"sub":"pq"}', alg, key: await keyOf(vector.jwk) });
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    const outcome = await verifyJws(signed.token, [await keyOf(publicOf(vector.jwk))]);
    expect(outcome.state, outcome.message).toBe('valid');
  });
});

describe('ML-DSA keys and mistakes', () => {
  it('rejects AKP JWKs with a wrong size, no alg or an unknown alg, naming the member', async () => {
    const jwk = v44.jwk as Jwk;
    const short = await readKeyText(JSON.stringify({ ...jwk, pub: String(jwk.pub).slice(0, 100) }));
    expect(short.ok === false && short.error.message).toMatch(/"pub" of a ML-DSA-44 key must be 1312 bytes/);
    const seed = await readKeyText(JSON.stringify({ ...jwk, priv: 'AAAA' }));
    expect(seed.ok === false && seed.error.message).toMatch(/"priv" .* must be 32 bytes/);
    const noAlg = await readKeyText(JSON.stringify({ kty: 'AKP', pub: jwk.pub }));
    expect(noAlg.ok === false && noAlg.error.message).toMatch(/no "alg"/);
    const unknown = await readKeyText(JSON.stringify({ ...jwk, alg: 'SLH-DSA-SHA2-128s' }));
    expect(unknown.ok === false && unknown.error.message).toMatch(/not one this tool knows/);
  });

  it('refuses a key made for another parameter set, and an EC key, without checking', async () => {
    const key65 = await keyOf(publicOf(v65.jwk as Jwk));
    const outcome = await verifyJws(v44.jws, [key65]);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/ML-DSA-44 needs an AKP public key with "alg": "ML-DSA-44"; this is an ML-DSA-65 public key/);
  });

  it('says when "pub" and "priv" do not belong together', async () => {
    const mixed = { ...(v44.jwk as Jwk), priv: encodeBase64Url(new Uint8Array(32).fill(7)) };
    const signed = await signJws({ header: {}, payload: 'x', alg: 'ML-DSA-44', key: await keyOf(mixed) });
    expect(signed.ok === false && signed.error).toMatch(/"pub" is not the public key of its "priv" seed/);
  });

  it('asks for the private seed when signing with a public key', async () => {
    const signed = await signJws({ header: {}, payload: 'x', alg: 'ML-DSA-65', key: await keyOf(publicOf(v65.jwk as Jwk)) });
    expect(signed.ok === false && signed.error).toMatch(/needs the private key \(its "priv" seed\)/);
  });

  it('generates AKP keys whose tokens verify under the public JWK', async () => {
    const generated = await generateKey('ML-DSA-87');
    expect(generated.privateJwk).toMatchObject({ kty: 'AKP', alg: 'ML-DSA-87' });
    expect(generated.publicJwk.priv).toBeUndefined();
    expect(generated.kid).toBe(await jwkThumbprint(generated.publicJwk));
    const signed = await signJws({ header: {}, payload: '{}', alg: 'ML-DSA-87', key: await keyOf(generated.privateJwk) });
    expect(signed.ok && (await verifyJws(signed.token, [await keyOf(generated.publicJwk)])).state).toBe('valid');
  });

  it('runs on @noble/post-quantum where WebCrypto lacks ML-DSA, and the two agree where it has it', async () => {
    const seed = hex(v44.priv);
    const data = new TextEncoder().encode('both ways');
    const nobleSignature = await mlDsaSign('ML-DSA-44', seed, data, 'noble');
    const pub = await mlDsaPublicKey('ML-DSA-44', seed);
    expect(await mlDsaVerify('ML-DSA-44', pub as Uint8Array<ArrayBuffer>, data, nobleSignature as Uint8Array<ArrayBuffer>, 'noble')).toBe(true);
    if (await webCryptoHasMlDsa('ML-DSA-44')) {
      expect(await mlDsaVerify('ML-DSA-44', pub as Uint8Array<ArrayBuffer>, data, nobleSignature as Uint8Array<ArrayBuffer>, 'webcrypto')).toBe(true);
    }
  });
});
