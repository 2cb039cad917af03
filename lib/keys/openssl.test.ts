/** Key shapes Node does not export but OpenSSL does: made with the openssl command line. */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyText, readKeyText } from './parse';
import type { KeyParseResult } from './types';

const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { input, stdio: 'pipe' }).toString();

function keyOf(result: KeyParseResult) {
  if (!result.ok) throw new Error(result.error.message);
  return result.keys[0]!;
}

describe('EC keys in the less common encodings', () => {
  for (const curve of ['P-256', 'P-384', 'P-521', 'secp256k1'] as const) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
    const sec1 = privateKey.export({ format: 'pem', type: 'sec1' }) as string;
    const expectedPrivate = privateKey.export({ format: 'jwk' });
    const expectedPublic = publicKey.export({ format: 'jwk' });

    it(`${curve}: derives the public point when SEC1 leaves it out`, async () => {
      const withoutPublic = openssl(['ec', '-no_public'], sec1);
      expect(withoutPublic).toContain('BEGIN EC PRIVATE KEY');
      expect(withoutPublic.length).toBeLessThan(sec1.length);
      const key = keyOf(await readKeyText(withoutPublic));
      expect(key.jwk).toEqual(expectedPrivate);
      expect(key.publicJwk).toEqual(expectedPublic);
    });

    it(`${curve}: decompresses a compressed public point`, () => {
      const compressed = openssl(['ec', '-pubout', '-conv_form', 'compressed'], sec1);
      const result = parseKeyText(compressed);
      expect(keyOf(result).jwk).toEqual(expectedPublic);
      expect(result.ok && result.format).toBe('pem-spki');
    });
  }

  it('refuses explicit curve parameters, saying how to re-export', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const explicit = openssl(['ec', '-pubout', '-param_enc', 'explicit'], privateKey.export({ format: 'pem', type: 'sec1' }) as string);
    const result = parseKeyText(explicit);
    expect(!result.ok && result.error.message).toMatch(/spells out its curve parameters.*-param_enc named_curve/);
  });

  it('names a curve JOSE does not use', () => {
    const key = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:brainpoolP256r1']);
    const pub = openssl(['pkey', '-pubout'], key);
    const result = parseKeyText(pub);
    expect(!result.ok && result.error.message).toMatch(/The EC curve brainpoolP256r1 has no JOSE name/);
    expect(!result.ok && result.error.offset).toBe(0);
  });
});

describe('keys JOSE does not use', () => {
  it('says a DSA public key is DSA', () => {
    const { publicKey } = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
    const result = parseKeyText(publicKey.export({ format: 'pem', type: 'spki' }) as string);
    expect(!result.ok && result.error.message).toBe('The "PUBLIC KEY" block cannot be read: This is a DSA key; JOSE does not use DSA keys.');
  });
});

describe('OpenSSL PKCS#1 output', () => {
  it('reads openssl genrsa -traditional output', () => {
    const pem = openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']);
    const traditional = openssl(['rsa', '-traditional'], pem);
    expect(traditional).toContain('BEGIN RSA PRIVATE KEY');
    const a = keyOf(parseKeyText(pem));
    const b = keyOf(parseKeyText(traditional));
    expect(b.jwk).toEqual(a.jwk);
    expect(b.description).toBe('RSA 1024-bit private key');
  });
});
