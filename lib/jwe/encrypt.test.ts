import { compactDecrypt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { encryptJwe } from './encrypt';
import { keyPair, secretKey } from './test-keys';

const rsa = keyPair({ type: 'rsa', modulusLength: 2048 });

describe('encryptJwe', () => {
  it('keeps the given header members and adds the computed ones', async () => {
    const key = secretKey(256);
    const made = await encryptJwe({ protectedHeader: { alg: 'A256GCMKW', enc: 'A128GCM', kid: 'k1', typ: 'JWT' }, plaintext: 'x', key });
    if (!made.ok) throw new Error(made.error);
    const header = decodeProtectedHeader(made.token);
    expect(header).toMatchObject({ alg: 'A256GCMKW', enc: 'A128GCM', kid: 'k1', typ: 'JWT' });
    expect(typeof header.iv).toBe('string');
    expect(typeof header.tag).toBe('string');
  });

  it('uses the p2c from the header, else 10,000, for PBES2', async () => {
    const withCount = await encryptJwe({ protectedHeader: { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 1234 }, plaintext: 'x', key: { password: 'pw' } });
    if (!withCount.ok) throw new Error(withCount.error);
    expect(decodeProtectedHeader(withCount.token).p2c).toBe(1234);
    const byDefault = await encryptJwe({ protectedHeader: { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, plaintext: 'x', key: { password: 'pw' } });
    if (!byDefault.ok) throw new Error(byDefault.error);
    expect(decodeProtectedHeader(byDefault.token).p2c).toBe(10_000);
    // Decryptable by jose with its default PBES2 limit.
    const { plaintext } = await compactDecrypt(byDefault.token, new TextEncoder().encode('pw'), { keyManagementAlgorithms: ['PBES2-HS256+A128KW'] });
    expect(new TextDecoder().decode(plaintext)).toBe('x');
  });

  it('encrypts to the public part of a private key', async () => {
    const made = await encryptJwe({ protectedHeader: { alg: 'RSA-OAEP-256', enc: 'A256GCM' }, plaintext: 'x', key: rsa.privateKey });
    expect(made.ok).toBe(true);
  });

  it.each([
    [{ alg: 'RSA1_5', enc: 'A128GCM' }, /RSA1_5 is not supported/],
    [{ alg: 'A128KW', enc: 'A192GCM' }, /A192GCM is not supported/],
    [{ alg: 'nope', enc: 'A128GCM' }, /"nope" is not a JWE key management algorithm/],
    [{ alg: 'dir', enc: 'A128GCM' }, /A128GCM with dir needs a 128-bit secret; this one is 256 bits/],
    [{ alg: 'ECDH-ES', enc: 'A128GCM' }, /ECDH-ES needs an EC .* public key; this is a 256-bit secret/],
    [{ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: -1 }, /"p2c" \(PBES2 iteration count\) must be a positive integer/],
  ])('refuses %j with a sentence', async (protectedHeader, message) => {
    const made = await encryptJwe({ protectedHeader, plaintext: 'x', key: secretKey(256) });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error).toMatch(message);
  });

  it('refuses a password for a non-PBES2 algorithm, an empty password, and a bad p2c', async () => {
    const nonPbes2 = await encryptJwe({ protectedHeader: { alg: 'A128KW', enc: 'A128GCM' }, plaintext: 'x', key: { password: 'pw' } });
    expect(nonPbes2).toEqual({ ok: false, error: 'A128KW needs a 128-bit shared secret, not a password.' });
    const empty = await encryptJwe({ protectedHeader: { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, plaintext: 'x', key: { password: '' } });
    expect(empty.ok).toBe(false);
    const badCount = await encryptJwe({ protectedHeader: { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 1.5 }, plaintext: 'x', key: { password: 'pw' } });
    expect(badCount.ok).toBe(false);
    if (!badCount.ok) expect(badCount.error).toMatch(/"p2c"/);
  });
});
