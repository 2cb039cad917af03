import { describe, expect, it } from 'vitest';
import { detectKeyFormat } from './parse';
import { derBase64Of, fixtures, pemOf } from './test-keys';

const rsa = fixtures()[0]!;
const ec = fixtures().find((f) => f.name === 'EC P-256')!;

describe('detectKeyFormat', () => {
  it('names each PEM format from its label', () => {
    expect(detectKeyFormat(pemOf(rsa.publicKey, 'spki'))).toEqual({ format: 'pem-spki', label: 'SPKI public key (PEM)' });
    expect(detectKeyFormat(pemOf(rsa.publicKey, 'pkcs1'))).toEqual({ format: 'pem-pkcs1-public', label: 'PKCS#1 RSA public key (PEM)' });
    expect(detectKeyFormat(pemOf(rsa.privateKey, 'pkcs8'))).toEqual({ format: 'pem-pkcs8', label: 'PKCS#8 private key (PEM)' });
    expect(detectKeyFormat(pemOf(rsa.privateKey, 'pkcs1'))).toEqual({ format: 'pem-pkcs1-private', label: 'PKCS#1 RSA private key (PEM)' });
    expect(detectKeyFormat(pemOf(ec.privateKey, 'sec1'))).toEqual({ format: 'pem-sec1', label: 'SEC1 EC private key (PEM)' });
  });

  it('names JWK, JWKS, secrets and bare DER', () => {
    expect(detectKeyFormat(JSON.stringify(ec.publicJwk))).toEqual({ format: 'jwk', label: 'JWK' });
    expect(detectKeyFormat(JSON.stringify({ keys: [ec.publicJwk, rsa.publicJwk] }))).toEqual({ format: 'jwks', label: 'JWKS with 2 keys' });
    expect(detectKeyFormat('hunter2')).toEqual({ format: 'secret', label: 'Secret' });
    expect(detectKeyFormat(derBase64Of(ec.publicKey, 'spki'))).toEqual({ format: 'pem-spki', label: 'SPKI public key (base64 DER)' });
    expect(detectKeyFormat('')).toEqual({ format: null, label: 'Nothing yet' });
  });

  it('gives the problem for text that is half a key', () => {
    const pem = pemOf(ec.publicKey, 'spki');
    const half = detectKeyFormat(pem.slice(0, 60));
    expect(half.format).toBeNull();
    expect(half.problem?.message).toMatch(/has no END line/);
    const json = detectKeyFormat('{"kty": "EC", ');
    expect(json.problem?.message).toMatch(/JSON is not valid/);
    expect(detectKeyFormat('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB x')).toMatchObject({ format: null, label: 'OpenSSH public key' });
    expect(detectKeyFormat('-----BEGIN PGP PUBLIC KEY BLOCK-----\nx\n-----END PGP PUBLIC KEY BLOCK-----')).toMatchObject({
      format: null,
      label: 'PEM PGP PUBLIC KEY BLOCK',
    });
  });
});
