/**
 * The encoder's JWEs and nested tokens, decrypted by jose's own decryptor (a
 * second check besides lib/jwe/lab-vectors.test.ts, where this app decrypts
 * tokens that jwcrypto made).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { compactDecrypt, compactVerify, importJWK, importPKCS8, importSPKI, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { encryptFromText, jweHeaderOf } from './encrypt-text';
import { makeToken, type MakeTokenInput } from './make-token';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: { export: (options: { type: 'spki' | 'pkcs8'; format: 'pem' }) => string | Buffer }, type: 'spki' | 'pkcs8') => String(key.export({ type, format: 'pem' }));
const ecPairs = Object.fromEntries(
  (['P-256', 'P-384', 'P-521'] as const).map((curve) => [curve, generateKeyPairSync('ec', { namedCurve: curve })]),
);
const x25519 = generateKeyPairSync('x25519');
const secret = (bits: number) => randomBytes(bits / 8).toString('base64url');
const CLAIMS = '{\n  "sub": "enc-user",\n  "exp": 4102444800\n}';

async function joseDecrypt(token: string, key: Uint8Array | CryptoKey, passwordAlg?: string) {
  // jose takes a password only for an algorithm named in advance.
  const { plaintext, protectedHeader } = await compactDecrypt(token, key, passwordAlg ? { keyManagementAlgorithms: [passwordAlg] } : {});
  return { text: new TextDecoder().decode(plaintext), header: protectedHeader };
}

const ENCS = ['A128GCM', 'A256GCM', 'A128CBC-HS256', 'A256CBC-HS512'];

describe('encryptFromText, checked by jose', () => {
  for (const alg of ['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512']) {
    it(`${alg} with the recipient's public PEM`, async () => {
      for (const enc of ENCS) {
        const result = await encryptFromText({ plaintext: CLAIMS, alg, enc, key: pem(rsa.publicKey, 'spki'), secretEncoding: 'utf8' });
        if (!result.ok) throw new Error(result.error);
        const { text, header } = await joseDecrypt(result.token, await importPKCS8(pem(rsa.privateKey, 'pkcs8'), alg));
        expect(text).toBe(CLAIMS);
        expect(header).toEqual({ alg, enc });
      }
    });
  }

  for (const alg of ['ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A256KW']) {
    it(`${alg} on P-256, P-384, P-521 and X25519`, async () => {
      const pairs = [...Object.values(ecPairs), x25519];
      for (const pair of pairs) {
        const publicJwk = JSON.stringify(pair.publicKey.export({ format: 'jwk' }));
        const result = await encryptFromText({ plaintext: CLAIMS, alg, enc: 'A256GCM', key: publicJwk, secretEncoding: 'utf8' });
        if (!result.ok) throw new Error(result.error);
        const privateKey = await importJWK(pair.privateKey.export({ format: 'jwk' }) as JWK, alg);
        const { text, header } = await joseDecrypt(result.token, privateKey as CryptoKey);
        expect(text).toBe(CLAIMS);
        expect(header.epk).toMatchObject({ crv: (pair.publicKey.export({ format: 'jwk' }) as JWK).crv });
      }
    });
  }

  it('A*KW, A*GCMKW and dir with secrets of the right length (base64url)', async () => {
    const cases: [string, string, number][] = [
      ['A128KW', 'A128GCM', 128],
      ['A256KW', 'A256CBC-HS512', 256],
      ['A128GCMKW', 'A128CBC-HS256', 128],
      ['A256GCMKW', 'A256GCM', 256],
      ['dir', 'A128GCM', 128],
      ['dir', 'A256GCM', 256],
      ['dir', 'A128CBC-HS256', 256],
      ['dir', 'A256CBC-HS512', 512],
    ];
    for (const [alg, enc, bits] of cases) {
      const key = secret(bits);
      const result = await encryptFromText({ plaintext: CLAIMS, alg, enc, key, secretEncoding: 'base64url' });
      if (!result.ok) throw new Error(`${alg}/${enc}: ${result.error}`);
      const { text } = await joseDecrypt(result.token, Buffer.from(key, 'base64url'));
      expect(text, `${alg}/${enc}`).toBe(CLAIMS);
    }
  });

  it('PBES2 with the chosen iteration count', async () => {
    for (const [alg, enc] of [['PBES2-HS256+A128KW', 'A128GCM'], ['PBES2-HS512+A256KW', 'A256GCM']] as const) {
      const result = await encryptFromText({ plaintext: CLAIMS, alg, enc, key: 'pass phrase', secretEncoding: 'utf8', p2c: 4096 });
      if (!result.ok) throw new Error(result.error);
      const { text, header } = await joseDecrypt(result.token, new TextEncoder().encode('pass phrase'), alg);
      expect(text).toBe(CLAIMS);
      expect(header.p2c).toBe(4096);
    }
    const low = await encryptFromText({ plaintext: CLAIMS, alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', key: 'p', secretEncoding: 'utf8', p2c: 10 });
    expect(low).toEqual({ ok: false, error: expect.stringMatching(/from 1,000 to 1,000,000/) });
  });

  it('refuses 192-bit AES and the wrong key, saying why', async () => {
    expect(await encryptFromText({ plaintext: CLAIMS, alg: 'A192KW', enc: 'A128GCM', key: secret(192), secretEncoding: 'base64url' })).toEqual({ ok: false, error: expect.stringMatching(/192-bit AES/) });
    expect(await encryptFromText({ plaintext: CLAIMS, alg: 'dir', enc: 'A192GCM', key: secret(192), secretEncoding: 'base64url' })).toEqual({ ok: false, error: expect.stringMatching(/192-bit AES/) });
    expect(await encryptFromText({ plaintext: CLAIMS, alg: 'A128KW', enc: 'A128GCM', key: secret(256), secretEncoding: 'base64url' })).toEqual({ ok: false, error: 'A128KW needs a 128-bit secret; this one is 256 bits.' });
    expect(await encryptFromText({ plaintext: CLAIMS, alg: 'RSA-OAEP-256', enc: 'A256GCM', key: '', secretEncoding: 'utf8' })).toEqual({ ok: false, error: expect.stringMatching(/RSA public key/) });
  });

  it('puts enc right after alg and keeps the other members in order', () => {
    expect(Object.keys(jweHeaderOf({ typ: 'JWT', alg: 'HS256', kid: 'k' }, 'dir', 'A128GCM'))).toEqual(['typ', 'alg', 'enc', 'kid']);
    expect(jweHeaderOf({ kid: 'k' }, 'dir', 'A128GCM')).toEqual({ alg: 'dir', enc: 'A128GCM', kid: 'k' });
  });
});

describe('makeToken', () => {
  const base: MakeTokenInput = {
    header: '{"alg":"RS256","typ":"JWT"}',
    payload: CLAIMS,
    alg: 'RS256',
    key: pem(rsa.privateKey, 'pkcs8'),
    secretEncoding: 'utf8',
    output: 'jws',
    encryption: { alg: 'ECDH-ES+A256KW', enc: 'A256GCM', key: JSON.stringify(ecPairs['P-256']!.publicKey.export({ format: 'jwk' })), secretEncoding: 'utf8' },
  };

  it('signs, then encrypts: a nested JWT with cty "JWT" whose plaintext is the signed token', async () => {
    const result = await makeToken({ ...base, output: 'nested' });
    if (!result.ok) throw new Error(result.error);
    expect(result.token.split('.')).toHaveLength(5);
    const key = await importJWK(ecPairs['P-256']!.privateKey.export({ format: 'jwk' }) as JWK, 'ECDH-ES+A256KW');
    const { text, header } = await joseDecrypt(result.token, key as CryptoKey);
    expect(header).toMatchObject({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'JWT' });
    expect(text).toBe(result.inner);
    const verified = await compactVerify(text, await importSPKI(pem(rsa.publicKey, 'spki'), 'RS256'));
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(JSON.parse(CLAIMS));
  });

  it('encrypts the payload with the header editor\u2019s members as the protected header', async () => {
    const result = await makeToken({ ...base, output: 'jwe', header: '{"typ":"JWT","kid":"rcpt-1","alg":"RS256"}', asTyped: true });
    if (!result.ok) throw new Error(result.error);
    const key = await importJWK(ecPairs['P-256']!.privateKey.export({ format: 'jwk' }) as JWK, 'ECDH-ES+A256KW');
    const { text, header } = await joseDecrypt(result.token, key as CryptoKey);
    expect(text).toBe(CLAIMS);
    expect(Object.keys(header).slice(0, 4)).toEqual(['typ', 'kid', 'alg', 'enc']);
    expect(header.alg).toBe('ECDH-ES+A256KW');
  });

  it('says which input stops it: the signing key, or the encryption', async () => {
    expect(await makeToken({ ...base, output: 'nested', key: '' })).toMatchObject({ ok: false, source: 'key' });
    expect(await makeToken({ ...base, output: 'nested', encryption: { ...base.encryption, key: 'not a key' } })).toMatchObject({ ok: false, source: 'encryption' });
  });
});
