import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRIVATE_KEY_WARNING, parseKeyText, readKeyText } from './parse';
import { derBase64Of, fixtures, pemOf } from './test-keys';
import type { KeyParseResult, ParsedKey } from './types';

function only(result: KeyParseResult): ParsedKey {
  if (!result.ok) throw new Error(`expected a key, got: ${result.error.message}`);
  expect(result.keys).toHaveLength(1);
  return result.keys[0]!;
}

const isRsa = (name: string) => name.startsWith('RSA');
const isEc = (name: string) => name.startsWith('EC');

describe('parseKeyText: public keys, as Node exports them', () => {
  for (const f of fixtures()) {
    describe(f.name, () => {
      it('reads an SPKI PEM into the same JWK Node exports', () => {
        const result = parseKeyText(pemOf(f.publicKey, 'spki'));
        expect(result.ok && result.format).toBe('pem-spki');
        const key = only(result);
        expect(key.jwk).toEqual(f.publicJwk);
        expect(key.publicJwk).toEqual(f.publicJwk);
        expect(key.visibility).toBe('public');
        expect(key.description).toBe(f.description.public);
        expect(key.bits).toBe(f.bits);
        expect(result.ok && result.warnings).toEqual([]);
      });

      it('reads base64 DER without armour, with a warning', () => {
        const result = parseKeyText(derBase64Of(f.publicKey, 'spki'));
        expect(only(result).jwk).toEqual(f.publicJwk);
        expect(result.ok && result.format).toBe('pem-spki');
        expect(result.ok && result.warnings.join(' ')).toMatch(/no PEM armour/);
      });

      it('reads the JWK', () => {
        const result = parseKeyText(JSON.stringify(f.publicJwk, null, 2));
        expect(result.ok && result.format).toBe('jwk');
        const key = only(result);
        expect(key.jwk).toEqual(f.publicJwk);
        expect(key.description).toBe(f.description.public);
      });

      if (isRsa(f.name)) {
        it('reads a PKCS#1 RSA PUBLIC KEY', () => {
          const result = parseKeyText(pemOf(f.publicKey, 'pkcs1'));
          expect(result.ok && result.format).toBe('pem-pkcs1-public');
          expect(result.ok && result.formatLabel).toBe('PKCS#1 RSA public key (PEM)');
          expect(only(result).jwk).toEqual(f.publicJwk);
        });
      }
    });
  }
});

describe('parseKeyText: private keys, as Node exports them', () => {
  for (const f of fixtures()) {
    describe(f.name, () => {
      const check = (result: KeyParseResult, format: string) => {
        expect(result.ok && result.format).toBe(format);
        const key = only(result);
        expect(key.jwk).toEqual(f.privateJwk);
        expect(key.publicJwk).toEqual(f.publicJwk);
        expect(key.visibility).toBe('private');
        expect(key.description).toBe(f.description.private);
        expect(result.ok && result.warnings).toContain(PRIVATE_KEY_WARNING);
      };

      // readKeyText: deriving a public key may need the curve arithmetic, which it loads.
      it('reads PKCS#8 PEM, keeping the private parts and deriving the public ones', async () => {
        check(await readKeyText(pemOf(f.privateKey, 'pkcs8')), 'pem-pkcs8');
      });

      it('reads PKCS#8 as base64 DER without armour', async () => {
        check(await readKeyText(derBase64Of(f.privateKey, 'pkcs8')), 'pem-pkcs8');
      });

      it('reads the private JWK', () => {
        check(parseKeyText(JSON.stringify(f.privateJwk)), 'jwk');
      });

      if (isRsa(f.name)) {
        it('reads a PKCS#1 RSA PRIVATE KEY', () => {
          check(parseKeyText(pemOf(f.privateKey, 'pkcs1')), 'pem-pkcs1-private');
        });
      }
      if (isRsa(f.name)) {
        it('reads PKCS#1 private and public keys as base64 DER without armour', () => {
          check(parseKeyText(derBase64Of(f.privateKey, 'pkcs1')), 'pem-pkcs1-private');
          const pub = parseKeyText(derBase64Of(f.publicKey, 'pkcs1'));
          expect(pub.ok && pub.format).toBe('pem-pkcs1-public');
          expect(only(pub).jwk).toEqual(f.publicJwk);
        });
      }
      if (isEc(f.name)) {
        it('reads a SEC1 EC PRIVATE KEY', () => {
          check(parseKeyText(pemOf(f.privateKey, 'sec1')), 'pem-sec1');
        });
        it('reads SEC1 as base64 DER without armour', () => {
          check(parseKeyText(derBase64Of(f.privateKey, 'sec1')), 'pem-sec1');
        });
      }
    });
  }
});

describe('parseKeyText: RSASSA-PSS keys', () => {
  const { publicKey: publicPem, privateKey: privatePem } = generateKeyPairSync('rsa-pss', {
    modulusLength: 2048,
    hashAlgorithm: 'sha256',
    mgf1HashAlgorithm: 'sha256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  // Node cannot export RSA-PSS keys as JWK; OpenSSL prints the modulus, Node the exponent.
  const modulusHex = execFileSync('openssl', ['rsa', '-pubin', '-modulus', '-noout'], { input: publicPem })
    .toString()
    .trim()
    .replace(/^Modulus=/, '');
  const exponent = createPublicKey(publicPem).asymmetricKeyDetails!.publicExponent!;
  const expected = {
    kty: 'RSA',
    n: Buffer.from(modulusHex, 'hex').toString('base64url'),
    e: Buffer.from(exponent.toString(16).padStart(6, '0'), 'hex').toString('base64url'),
  };

  it('reads the RSASSA-PSS SPKI (OID 1.2.840.113549.1.1.10) as an RSA JWK', () => {
    const key = only(parseKeyText(publicPem));
    expect(key.jwk).toEqual(expected);
    expect(key.description).toBe('RSA 2048-bit public key (RSASSA-PSS)');
  });

  it('reads the RSASSA-PSS PKCS#8 private key', () => {
    const key = only(parseKeyText(privatePem));
    expect(key.publicJwk).toEqual(expected);
    expect(key.visibility).toBe('private');
  });
});

describe('parseKeyText: OneAsymmetricKey (PKCS#8 v2), RFC 8410 §10.3', () => {
  it('reads the example, which carries attributes and the public key', () => {
    const pem = [
      '-----BEGIN PRIVATE KEY-----',
      'MHICAQEwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC',
      'oB8wHQYKKoZIhvcNAQkJFDEPDA1DdXJkbGUgQ2hhaXJzgSEAGb9ECWmEzf6FQbrB',
      'Z9w7lshQhqowtrbLDFw4rXAxZuE=',
      '-----END PRIVATE KEY-----',
    ].join('\n');
    const seed = Buffer.from('D4EE72DBF913584AD5B6D8F1F769F8AD3AFE7C28CBF1D4FBE097A88F44755842', 'hex');
    // OpenSSL 3.0 refuses v2; it derives the public key from the seed in the v1 form.
    const v1 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const expected = createPrivateKey({ key: v1, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
    const key = only(parseKeyText(pem));
    expect(key.jwk).toEqual(expected);
    expect(key.description).toBe('Ed25519 private key');
  });
});
