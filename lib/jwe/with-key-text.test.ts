import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptJwe } from './encrypt';
import { parsedKey } from './test-keys';
import type { Jwk } from '@/lib/keys/types';
import { decryptWithKeyText } from './with-key-text';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaPublicJwk = rsa.publicKey.export({ format: 'jwk' }) as Jwk;
const ecPublicJwk = ec.publicKey.export({ format: 'jwk' }) as Jwk;

function isPassword(key: Jwk | { password: string }): key is { password: string } {
  return !('kty' in key);
}

async function encryptTo(alg: string, enc: string, key: Jwk | { password: string }, extra: Record<string, unknown> = {}) {
  const made = await encryptJwe({ protectedHeader: { alg, enc, ...extra }, plaintext: '{"ok":true}', key: isPassword(key) ? key : parsedKey(key) });
  if (!made.ok) throw new Error(made.error);
  return made.token;
}

describe('decryptWithKeyText: the key editor text as pasted', () => {
  it('empty text is "unverified"', async () => {
    const token = await encryptTo('RSA-OAEP', 'A128GCM', rsaPublicJwk);
    expect((await decryptWithKeyText(token, '')).state).toBe('unverified');
    expect((await decryptWithKeyText(token, '  \n')).state).toBe('unverified');
  });

  it('PKCS#8 and PKCS#1 PEM private keys decrypt RSA-OAEP, without the "only the public part" note', async () => {
    const token = await encryptTo('RSA-OAEP-256', 'A256GCM', rsaPublicJwk);
    const pkcs8 = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const pkcs1 = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string;
    for (const pem of [pkcs8, pkcs1]) {
      const outcome = await decryptWithKeyText(token, pem);
      expect(outcome.state).toBe('valid');
      expect(outcome.plaintext).toBe('{"ok":true}');
      expect(outcome.warnings.join(' ')).not.toMatch(/only its public part/);
    }
  });

  it('a SEC1 EC private key decrypts ECDH-ES', async () => {
    const token = await encryptTo('ECDH-ES+A128KW', 'A128CBC-HS256', ecPublicJwk);
    const sec1 = ec.privateKey.export({ format: 'pem', type: 'sec1' }) as string;
    expect((await decryptWithKeyText(token, sec1)).state).toBe('valid');
  });

  it('a public PEM says the private key is needed', async () => {
    const token = await encryptTo('RSA-OAEP', 'A128GCM', rsaPublicJwk);
    const spki = rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string;
    const outcome = await decryptWithKeyText(token, spki);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/^Decryption needs the private key/);
  });

  it('a JWKS picks the key by kid', async () => {
    const privateJwk = { ...(ec.privateKey.export({ format: 'jwk' }) as Jwk), kid: 'ec-1' };
    const other = { ...(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) as Jwk), kid: 'ec-0' };
    const token = await encryptTo('ECDH-ES', 'A256GCM', { ...ecPublicJwk, kid: 'ec-1' }, { kid: 'ec-1' });
    const outcome = await decryptWithKeyText(token, JSON.stringify({ keys: [other, privateJwk] }));
    expect(outcome.state).toBe('valid');
    expect(outcome.usedKey).toMatchObject({ index: 1, kid: 'ec-1' });
  });

  it('a secret as UTF-8 text or as base64url bytes, per secretEncoding', async () => {
    const text = 'sixteen byte key';
    const utf8Token = await encryptTo('A128KW', 'A128GCM', { kty: 'oct', k: Buffer.from(text).toString('base64url') });
    expect((await decryptWithKeyText(utf8Token, text)).state).toBe('valid');
    const bytes = randomBytes(32).toString('base64url');
    const dirToken = await encryptTo('dir', 'A128CBC-HS256', { kty: 'oct', k: bytes });
    expect((await decryptWithKeyText(dirToken, bytes, { secretEncoding: 'base64url' })).state).toBe('valid');
    // Read as UTF-8 the same text is 43 bytes, not 32.
    const asText = await decryptWithKeyText(dirToken, bytes);
    expect(asText.state).toBe('error');
    expect(asText.message).toBe('A128CBC-HS256 with dir needs a 256-bit secret; this one is 344 bits.');
  });

  it('for PBES2 the text is the password, exactly, and a stray line break is forgiven with a note', async () => {
    const token = await encryptTo('PBES2-HS512+A256KW', 'A256GCM', { password: ' pass phrase' });
    expect((await decryptWithKeyText(token, ' pass phrase')).state).toBe('valid');
    expect((await decryptWithKeyText(token, 'pass phrase')).state).toBe('invalid');
    const hexLooking = await decryptWithKeyText(token, ' pass phrase', { secretEncoding: 'hex' });
    expect(hexLooking.state).toBe('valid');
    const plain = await encryptTo('PBES2-HS256+A128KW', 'A128GCM', { password: 'hunter2' });
    const withNewline = await decryptWithKeyText(plain, 'hunter2\n');
    expect(withNewline.state).toBe('valid');
    expect(withNewline.warnings.join(' ')).toMatch(/without its leading or trailing whitespace/);
    expect((await decryptWithKeyText(plain, 'hunter3')).state).toBe('invalid');
  });

  it('text that is no key is an "error" that says what was found', async () => {
    const token = await encryptTo('RSA-OAEP', 'A128GCM', rsaPublicJwk);
    const outcome = await decryptWithKeyText(token, '-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----');
    expect(outcome.state).toBe('error');
    expect(outcome.message.length).toBeGreaterThan(10);
    expect(outcome.header?.alg).toBe('RSA-OAEP');
  });
});
