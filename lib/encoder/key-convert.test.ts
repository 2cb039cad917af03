import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { algForKey } from './alg-for-key';
import { convertKeyText } from './key-convert';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
const ed = generateKeyPairSync('ed25519');

const PAIRS: [string, { privateKey: KeyObject; publicKey: KeyObject }, string][] = [
  ['RSA PKCS#1', rsa, rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString()],
  ['EC SEC1', p256, p256.privateKey.export({ format: 'pem', type: 'sec1' }).toString()],
  ['secp256k1 SEC1', k1, k1.privateKey.export({ format: 'pem', type: 'sec1' }).toString()],
  ['Ed25519 PKCS#8', ed, ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
];

describe('convertKeyText', () => {
  it.each(PAIRS)('%s: PKCS#8, SPKI and JWK outputs are the same key for Node', async (_name, pair, pem) => {
    const pkcs8 = await convertKeyText(pem, 'pkcs8-pem');
    const spki = await convertKeyText(pem, 'spki-pem');
    const privateJwk = await convertKeyText(pem, 'private-jwk');
    const publicJwk = await convertKeyText(pem, 'public-jwk');
    if (!pkcs8.ok || !spki.ok || !privateJwk.ok || !publicJwk.ok) throw new Error('a conversion failed');
    expect(pkcs8.output).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(createPrivateKey(pkcs8.output).equals(pair.privateKey)).toBe(true);
    expect(createPublicKey(spki.output).equals(pair.publicKey)).toBe(true);
    expect(createPrivateKey({ key: JSON.parse(privateJwk.output), format: 'jwk' }).equals(pair.privateKey)).toBe(true);
    const pub = JSON.parse(publicJwk.output) as Record<string, unknown>;
    expect(pub.d).toBeUndefined();
    expect(createPublicKey({ key: pub as never, format: 'jwk' }).equals(pair.publicKey)).toBe(true);
    expect(pub.kid).toBe(pkcs8.kid);
  });

  it.each(['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'])('%s: the IETF example PEMs convert to JWK and back to the same PEMs', async (name) => {
    const vector = (file: string) => readFileSync(new URL(`../keys/fixtures/mldsa-lamps/${file}`, import.meta.url), 'utf8');
    const privateJwk = await convertKeyText(vector(`${name}-seed.priv`), 'private-jwk');
    if (!privateJwk.ok) throw new Error(privateJwk.error);
    expect(privateJwk.inputLabel).toBe(`PKCS#8 private key (PEM): ${name} private key`);
    expect(JSON.parse(privateJwk.output)).toMatchObject({ kty: 'AKP', alg: name, priv: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8' });
    const pkcs8 = await convertKeyText(privateJwk.output, 'pkcs8-pem');
    const spki = await convertKeyText(privateJwk.output, 'spki-pem');
    expect(pkcs8.ok && pkcs8.output).toBe(vector(`${name}-seed.priv`));
    expect(spki.ok && spki.output).toBe(vector(`${name}.pub`));
    const fromPublic = await convertKeyText(vector(`${name}.pub`), 'pkcs8-pem');
    expect(!fromPublic.ok && fromPublic.error).toMatch(/public key; PKCS#8 holds a private key/);
  });

  it('round-trips JWK → PEM → JWK', async () => {
    const original = JSON.stringify(p256.privateKey.export({ format: 'jwk' }));
    const pem = await convertKeyText(original, 'pkcs8-pem');
    if (!pem.ok) throw new Error(pem.error);
    const back = await convertKeyText(pem.output, 'private-jwk');
    if (!back.ok) throw new Error(back.error);
    const { kid, ...members } = JSON.parse(back.output) as Record<string, unknown>;
    expect(members).toEqual(JSON.parse(original));
    expect(kid).toBe(pem.kid);
  });

  it('computes the RFC 7638 thumbprint (the RFC §3.1 example)', async () => {
    const rfcKey = JSON.stringify({
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    });
    expect(await convertKeyText(rfcKey, 'thumbprint')).toMatchObject({ ok: true, output: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs' });
  });

  it('puts the public key into a JWKS and refuses to publish a secret', async () => {
    const jwks = await convertKeyText(ed.publicKey.export({ format: 'pem', type: 'spki' }).toString(), 'jwks');
    if (!jwks.ok) throw new Error(jwks.error);
    const set = JSON.parse(jwks.output) as { keys: Record<string, unknown>[] };
    expect(set.keys).toHaveLength(1);
    expect(set.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(await convertKeyText('my-secret', 'jwks')).toMatchObject({ ok: false });
    expect(await convertKeyText('my-secret', 'spki-pem')).toMatchObject({ ok: false });
  });

  it('says a public key cannot become a private one', async () => {
    const result = await convertKeyText(rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString(), 'pkcs8-pem');
    expect(result.ok ? '' : result.error).toMatch(/public key/);
  });
});

describe('algForKey', () => {
  it('keeps a fitting choice and picks a fitting one otherwise', () => {
    expect(algForKey({ kty: 'RSA' }, 'PS384')).toBe('PS384');
    expect(algForKey({ kty: 'RSA' }, 'ES256')).toBe('RS256');
    expect(algForKey({ kty: 'EC', crv: 'P-521' }, 'HS256')).toBe('ES512');
    expect(algForKey({ kty: 'EC', crv: 'secp256k1' }, 'ES256')).toBe('ES256K');
    expect(algForKey({ kty: 'OKP', crv: 'Ed25519' }, 'RS256')).toBe('EdDSA');
    expect(algForKey({ kty: 'oct' }, 'RS256', 384)).toBe('HS384');
  });
});
