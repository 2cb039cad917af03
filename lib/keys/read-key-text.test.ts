import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectKeyFormat, parseKeyText, readKeyText } from './parse';
import { readKeyTextLazily, readSecretText } from './read-key-text';
import type { SecretEncoding } from './types';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PEM = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const EC_PRIVATE_PEM = ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const DER_BASE64 = rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const JWK = JSON.stringify(ec.publicKey.export({ format: 'jwk' }));

// Key text of every shape: secrets (plain, hex-looking, padded, encoded), structured keys,
// near-misses and arbitrary text.
const keyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('a-string-secret-at-least-256-bits-long', ' padded secret ', '0x00112233445566778899aabbccddeeff', 'c2VjcmV0', '', '   ', '[{"kty":"oct"}]'),
  fc.constantFrom(PEM, EC_PRIVATE_PEM, DER_BASE64, JWK, `{"keys":[${JWK}]}`, '-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA user', 'eyJhbGciOiJIUzI1NiJ9.e30.sig'),
  fc.string({ unit: fc.constantFrom(...'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A+/='), minLength: 30, maxLength: 80 }),
);
const encoding = fc.constantFrom<SecretEncoding>('utf8', 'base64url', 'base64', 'hex');

describe('reading a secret without the key parsers', () => {
  it('reads every text exactly as readKeyText does', async () => {
    await fc.assert(
      fc.asyncProperty(keyText, encoding, async (text, secretEncoding) => {
        expect(await readKeyTextLazily(text, { secretEncoding })).toEqual(await readKeyText(text, { secretEncoding }));
      }),
      { numRuns: 400 },
    );
  });

  it('answers only for secrets, and then as parseKeyText and detectKeyFormat do', () => {
    fc.assert(
      fc.property(keyText, encoding, (text, secretEncoding) => {
        const secret = readSecretText(text, { secretEncoding });
        // Not answered here (structured, or base64 that may be DER): lib/keys/parse decides.
        if (secret === null) return;
        expect(secret.parsed).toEqual(parseKeyText(text, { secretEncoding }));
        expect(secret.detected).toEqual(detectKeyFormat(text));
      }),
      { numRuns: 400 },
    );
  });

  it('reads the sample secret as one, and a PEM key as not one', () => {
    expect(readSecretText('a-string-secret-at-least-256-bits-long')?.parsed).toMatchObject({ ok: true, format: 'secret' });
    expect(readSecretText(PEM)).toBeNull();
    expect(readSecretText(JWK)).toBeNull();
  });
});
