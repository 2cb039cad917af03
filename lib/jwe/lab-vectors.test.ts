/**
 * JWEs made by jwcrypto (lib/jwe/fixtures/make_lab_vectors.py): every key
 * management algorithm the browser supports, decrypted here with the key text
 * a user would paste; and a nested JWT (a jwcrypto JWS inside a jwcrypto JWE).
 */
import { describe, expect, it } from 'vitest';
import { verifyWithKeyText } from '@/lib/jws';
import vectors from './fixtures/lab-vectors.json';
import { decryptWithKeyText } from './with-key-text';

describe('JWEs made by jwcrypto', () => {
  for (const vector of vectors.jwe) {
    it(`${vector.alg} + ${vector.enc}${vector.alg.startsWith('ECDH') ? ` (${JSON.parse(vector.key).crv})` : ''}`, async () => {
      const outcome = await decryptWithKeyText(vector.token, vector.key, { secretEncoding: 'utf8' });
      expect(outcome.message).not.toMatch(/fail/i);
      expect(outcome.state).toBe('valid');
      expect(outcome.plaintext).toBe(vector.plaintext);
      expect(outcome.nestedJws).toBe(false);
    });
  }

  it('is "invalid" with a key of the right kind that is not the recipient\u2019s', async () => {
    const a = vectors.jwe.find((vector) => vector.alg === 'A128KW')!;
    const other = vectors.jwe.find((vector) => vector.alg === 'A128GCMKW')!;
    expect((await decryptWithKeyText(a.token, other.key)).state).toBe('invalid');
  });
});

describe('a nested JWT made by jwcrypto', () => {
  const nested = vectors.nested;
  it('decrypts to the inner JWS, recognised as nested, which verifies with the signer\u2019s key', async () => {
    const outcome = await decryptWithKeyText(nested.token, nested.decryptionKey);
    expect(outcome.state).toBe('valid');
    expect(outcome.nestedJws).toBe(true);
    expect(outcome.header).toMatchObject({ cty: 'JWT' });
    expect(outcome.plaintext).toBe(nested.innerToken);
    expect((await verifyWithKeyText(outcome.plaintext!, nested.verificationKey)).state).toBe('valid');
    expect((await verifyWithKeyText(outcome.plaintext!, JSON.stringify(nested.encryptionPublicJwk))).state).not.toBe('valid');
  });
});
