import { describe, expect, it } from 'vitest';
import { decryptJwe } from './decrypt';
import { encryptJwe } from './encrypt';
import { nodeEncrypt } from './node-jwe';
import { keyPair, parsedKey, secretKey } from './test-keys';
import type { EncryptInput } from './types';

const rsa = keyPair({ type: 'rsa', modulusLength: 2048 });
const otherRsa = keyPair({ type: 'rsa', modulusLength: 2048 });
const p256 = keyPair({ type: 'ec', namedCurve: 'P-256' });

async function encrypt(input: EncryptInput): Promise<string> {
  const made = await encryptJwe(input);
  if (!made.ok) throw new Error(made.error);
  return made.token;
}

/** Replaces one character of a segment with a different one that changes its decoded bytes. */
function tamper(token: string, segment: number): string {
  const parts = token.split('.');
  const part = parts[segment] ?? '';
  parts[segment] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

function headerOnlyToken(header: Record<string, unknown>): string {
  return `${Buffer.from(JSON.stringify(header)).toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`;
}

describe('wrong key and altered tokens are "invalid"', () => {
  it('a different secret of the right length', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'A256KW', enc: 'A256GCM' }, plaintext: 'hi', key: secretKey(256) });
    const outcome = await decryptJwe(token, [secretKey(256)]);
    expect(outcome.state).toBe('invalid');
    expect(outcome.message).toBe('Decryption failed: the key does not fit, or the token was altered (JWE cannot tell which).');
    expect(outcome.plaintext).toBeUndefined();
  });

  it('another RSA private key', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'RSA-OAEP-256', enc: 'A128GCM' }, plaintext: 'hi', key: rsa.publicKey });
    expect((await decryptJwe(token, [otherRsa.privateKey])).state).toBe('invalid');
    expect((await decryptJwe(token, [rsa.privateKey])).state).toBe('valid');
  });

  it.each([
    ['protected header', 0],
    ['encrypted key', 1],
    ['initialization vector', 2],
    ['ciphertext', 3],
    ['authentication tag', 4],
  ])('a changed %s', async (_name, segment) => {
    const key = secretKey(128);
    const token = await encrypt({ protectedHeader: { alg: 'A128KW', enc: 'A128CBC-HS256' }, plaintext: 'a longer plaintext of a few blocks', key });
    expect((await decryptJwe(token, [key])).state).toBe('valid');
    const outcome = await decryptJwe(tamper(token, segment), [key]);
    // A changed header may no longer be JSON; that is an error, not a decryption.
    expect(outcome.state === 'invalid' || (segment === 0 && outcome.state === 'error')).toBe(true);
    expect(outcome.plaintext).toBeUndefined();
  });

  it('a wrong password', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, plaintext: 'hi', key: { password: 'right' } });
    const outcome = await decryptJwe(token, { password: 'wrong' });
    expect(outcome.state).toBe('invalid');
    expect(outcome.message).toMatch(/password is wrong/);
  });
});

describe('keys that cannot be used are "error" with a plain sentence', () => {
  it('dir with a secret of the wrong length', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'dir', enc: 'A256GCM' }, plaintext: 'hi', key: secretKey(256) });
    const outcome = await decryptJwe(token, [secretKey(128)]);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toBe('A256GCM with dir needs a 256-bit secret; this one is 128 bits.');
  });

  it('A128KW with a 256-bit secret', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'A128KW', enc: 'A128GCM' }, plaintext: 'hi', key: secretKey(128) });
    const outcome = await decryptJwe(token, [secretKey(256)]);
    expect(outcome.message).toBe('A128KW needs a 128-bit secret; this one is 256 bits.');
  });

  it('RSA-OAEP with an EC key', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'RSA-OAEP', enc: 'A128GCM' }, plaintext: 'hi', key: rsa.publicKey });
    const outcome = await decryptJwe(token, [p256.privateKey]);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toBe('RSA-OAEP needs an RSA private key; this is an EC P-256 private key.');
  });

  it('a public key where the private key is needed (RSA and EC)', async () => {
    const rsaToken = await encrypt({ protectedHeader: { alg: 'RSA-OAEP-256', enc: 'A256GCM' }, plaintext: 'hi', key: rsa.publicKey });
    const rsaOutcome = await decryptJwe(rsaToken, [rsa.publicKey]);
    expect(rsaOutcome.state).toBe('error');
    expect(rsaOutcome.message).toBe('Decryption needs the private key; this is an RSA 2048-bit public key.');
    const ecToken = await encrypt({ protectedHeader: { alg: 'ECDH-ES', enc: 'A256GCM' }, plaintext: 'hi', key: p256.publicKey });
    const ecOutcome = await decryptJwe(ecToken, [p256.publicKey]);
    expect(ecOutcome.state).toBe('error');
    expect(ecOutcome.message).toMatch(/^Decryption needs the private key/);
  });

  it('an RSA key shorter than 2048 bits', async () => {
    const small = keyPair({ type: 'rsa', modulusLength: 1024 });
    const token = nodeEncrypt({ alg: 'RSA-OAEP', enc: 'A128GCM', key: small.publicKey.publicJwk, plaintext: 'hi' });
    const outcome = await decryptJwe(token, [small.privateKey]);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/at least 2048 bits.*1024 bits/);
  });

  it('ECDH-ES with an Ed25519 key, and with an X448 key', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'ECDH-ES', enc: 'A128GCM' }, plaintext: 'hi', key: keyPair({ type: 'x25519' }).publicKey });
    const ed = await decryptJwe(token, [keyPair({ type: 'ed25519' }).privateKey]);
    expect(ed.state).toBe('error');
    expect(ed.message).toMatch(/X25519.*not an Ed25519 key/);
    const x448 = await decryptJwe(token, [keyPair({ type: 'x448' }).privateKey]);
    expect(x448.state).toBe('error');
    expect(x448.message).toMatch(/X448 key is not supported/);
  });

  it('a key marked for signatures or for another algorithm', async () => {
    const secret = secretKey(128);
    const token = await encrypt({ protectedHeader: { alg: 'A128KW', enc: 'A128GCM' }, plaintext: 'hi', key: secret });
    const sig = await decryptJwe(token, [parsedKey({ ...secret.jwk, use: 'sig' })]);
    expect(sig.message).toMatch(/"use": "sig" \(for signatures\)/);
    const otherAlg = await decryptJwe(token, [parsedKey({ ...secret.jwk, alg: 'A128GCMKW' })]);
    expect(otherAlg.message).toBe('This key is marked for "alg": "A128GCMKW", but the token uses "A128KW".');
    const sameAlg = await decryptJwe(token, [parsedKey({ ...secret.jwk, alg: 'A128KW', use: 'enc' })]);
    expect(sameAlg.state).toBe('valid');
  });

  it('a password for a token that does not use PBES2, and a key for one that does', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'A128KW', enc: 'A128GCM' }, plaintext: 'hi', key: secretKey(128) });
    const outcome = await decryptJwe(token, { password: 'secret' });
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/needs a 128-bit shared secret, not a password/);
    const pbes2 = await encrypt({ protectedHeader: { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, plaintext: 'hi', key: { password: 'pw' } });
    const withRsa = await decryptJwe(pbes2, [rsa.privateKey]);
    expect(withRsa.message).toBe('PBES2-HS256+A128KW needs the password; this is an RSA 2048-bit private key.');
  });

  it('a password given as a parsed secret (its bytes are the password)', async () => {
    const pbes2 = await encrypt({ protectedHeader: { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }, plaintext: 'hi', key: { password: 'pw' } });
    const asSecret = parsedKey({ kty: 'oct', k: Buffer.from('pw').toString('base64url') });
    const outcome = await decryptJwe(pbes2, [asSecret]);
    expect(outcome.state).toBe('valid');
    expect(outcome.usedKey?.source).toBe('password');
  });
});

describe('algorithms that cannot be used are "error" naming them', () => {
  it.each([
    [{ alg: 'RSA1_5', enc: 'A128GCM' }, /RSA1_5 is not supported/],
    [{ alg: 'A192KW', enc: 'A128GCM' }, /A192KW is not supported: .*192-bit AES/],
    [{ alg: 'A192GCMKW', enc: 'A128GCM' }, /A192GCMKW is not supported/],
    [{ alg: 'ECDH-ES+A192KW', enc: 'A128GCM' }, /ECDH-ES\+A192KW is not supported/],
    [{ alg: 'PBES2-HS384+A192KW', enc: 'A128GCM', p2c: 1000, p2s: 'AAAAAAAAAAA' }, /PBES2-HS384\+A192KW is not supported: it wraps with 192-bit AES/],
    [{ alg: 'A128KW', enc: 'A192GCM' }, /"enc" A192GCM is not supported/],
    [{ alg: 'A128KW', enc: 'A192CBC-HS384' }, /"enc" A192CBC-HS384 is not supported/],
    [{ alg: 'HS256', enc: 'A128GCM' }, /"alg" "HS256" is not a JWE key management algorithm/],
    [{ alg: 'A128KW', enc: 'ChaCha20' }, /"enc" "ChaCha20" is not a JWE content encryption algorithm/],
    [{ alg: 'A128KW', enc: 'A128GCM', zip: 'GZIP' }, /"zip" "GZIP" is not supported/],
  ])('%j', async (header, message) => {
    const outcome = await decryptJwe(headerOnlyToken(header), [secretKey(128)]);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(message);
  });

  it('refuses a PBES2 iteration count above the cap before doing any work', async () => {
    const token = headerOnlyToken({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 5_000_000, p2s: 'AAAAAAAAAAAAAAAAAAAAAA' });
    const started = Date.now();
    const outcome = await decryptJwe(token, { password: 'pw' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toBe(
      'The token asks for 5,000,000 PBES2 iterations ("p2c"); more than 1,000,000 are refused because a hostile token could freeze the page.',
    );
  });

  it('honours a lower cap and warns about a low count', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 500 }, plaintext: 'hi', key: { password: 'pw' } });
    expect((await decryptJwe(token, { password: 'pw' }, { maxPbes2Count: 100 })).message).toMatch(/more than 100 are refused/);
    const outcome = await decryptJwe(token, { password: 'pw' });
    expect(outcome.state).toBe('valid');
    expect(outcome.warnings.join(' ')).toMatch(/only 500 PBKDF2 iterations/);
  });

  it('reports an unknown critical header parameter', async () => {
    const key = secretKey(128);
    const token = nodeEncrypt({ alg: 'A128KW', enc: 'A128GCM', key: key.jwk, plaintext: 'hi', header: { crit: ['exp-magic'], 'exp-magic': 1 } });
    const outcome = await decryptJwe(token, [key]);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/exp-magic/);
  });
});

describe('token shape and missing keys', () => {
  it('no key yet is "unverified"', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'RSA-OAEP', enc: 'A128GCM' }, plaintext: 'hi', key: rsa.publicKey });
    const outcome = await decryptJwe(token, []);
    expect(outcome.state).toBe('unverified');
    expect(outcome.message).toMatch(/RSA private key/);
    expect(outcome.header?.alg).toBe('RSA-OAEP');
    expect((await decryptJwe(token, { password: '' })).state).toBe('unverified');
  });

  it('a token that is not a compact JWE', async () => {
    const outcome = await decryptJwe('eyJhbGciOiJIUzI1NiJ9.e30.sig', [secretKey(128)]);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/5 dot-separated segments.*has 3/);
    expect((await decryptJwe('!!!.a.b.c.d', [])).message).toMatch(/segment 1\) is not valid base64url/);
    const noEnc = await decryptJwe(headerOnlyToken({ alg: 'dir' }), []);
    expect(noEnc.message).toMatch(/no "enc"/);
  });

  it('surrounding whitespace is ignored', async () => {
    const key = secretKey(256);
    const token = await encrypt({ protectedHeader: { alg: 'dir', enc: 'A128CBC-HS256' }, plaintext: 'hi', key });
    expect((await decryptJwe(`\n  ${token}\n`, [key])).state).toBe('valid');
  });
});

describe('picking among several keys (a JWKS)', () => {
  const a = secretKey(128, { kid: 'a' });
  const b = secretKey(128, { kid: 'b' });
  const c = secretKey(256, { kid: 'c' });

  it('uses the key named by the kid', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'A128KW', enc: 'A128GCM', kid: 'b' }, plaintext: 'hi', key: b });
    const outcome = await decryptJwe(token, [a, b, c]);
    expect(outcome.state).toBe('valid');
    expect(outcome.usedKey).toMatchObject({ index: 1, kid: 'b' });
    expect(outcome.message).toBe('Decrypted with the 128-bit secret (kid "b").');
  });

  it('without a kid match, tries every key that fits and says which one worked', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'A128KW', enc: 'A128GCM', kid: 'zzz' }, plaintext: 'hi', key: b });
    const outcome = await decryptJwe(token, [c, a, b]);
    expect(outcome.state).toBe('valid');
    expect(outcome.usedKey?.index).toBe(2);
    expect(outcome.warnings.join(' ')).toMatch(/No key has the token's kid "zzz"/);
  });

  it('all fitting keys fail: "invalid" with the count', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'A128KW', enc: 'A128GCM' }, plaintext: 'hi', key: secretKey(128) });
    const outcome = await decryptJwe(token, [a, b, c]);
    expect(outcome.state).toBe('invalid');
    expect(outcome.message).toMatch(/each of the 2 keys that fit/);
  });

  it('no key fits: "error" with a reason', async () => {
    const token = await encrypt({ protectedHeader: { alg: 'RSA-OAEP', enc: 'A128GCM' }, plaintext: 'hi', key: rsa.publicKey });
    const outcome = await decryptJwe(token, [a, rsa.publicKey]);
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/^None of the 2 keys can decrypt this RSA-OAEP token/);
  });
});

describe('what the plaintext is', () => {
  it('a nested JWS with "cty": "JWT"', async () => {
    const key = secretKey(256);
    const jws = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl';
    const token = await encrypt({ protectedHeader: { alg: 'dir', enc: 'A256GCM', cty: 'JWT' }, plaintext: jws, key });
    const outcome = await decryptJwe(token, [key]);
    expect(outcome.nestedJws).toBe(true);
    expect(outcome.plaintextIsJson).toBe(false);
    expect(outcome.warnings).toEqual([]);
    const withoutCty = await encrypt({ protectedHeader: { alg: 'dir', enc: 'A256GCM' }, plaintext: jws, key });
    const bare = await decryptJwe(withoutCty, [key]);
    expect(bare.nestedJws).toBe(true);
    expect(bare.warnings.join(' ')).toMatch(/lacks "cty": "JWT"/);
  });

  it('"cty": "JWT" over plain text is called out', async () => {
    const key = secretKey(256);
    const token = await encrypt({ protectedHeader: { alg: 'dir', enc: 'A256GCM', cty: 'JWT' }, plaintext: '{"a":1}', key });
    const outcome = await decryptJwe(token, [key]);
    expect(outcome.nestedJws).toBe(false);
    expect(outcome.plaintextIsJson).toBe(true);
    expect(outcome.warnings.join(' ')).toMatch(/not a compact JWS/);
  });

  it('bytes that are not UTF-8 are shown as hex', async () => {
    const key = secretKey(128);
    const token = nodeEncrypt({ alg: 'A128KW', enc: 'A128GCM', key: key.jwk, plaintext: Uint8Array.of(0xff, 0x00, 0xc3) });
    const outcome = await decryptJwe(token, [key]);
    expect(outcome.state).toBe('valid');
    expect(outcome.plaintextEncoding).toBe('hex');
    expect(outcome.plaintext).toBe('ff00c3');
  });

  it('a compressed plaintext made by encryptJwe inflates back', async () => {
    const key = secretKey(256);
    const big = JSON.stringify({ data: 'x'.repeat(5000) });
    const token = await encrypt({ protectedHeader: { alg: 'A256KW', enc: 'A256GCM', zip: 'DEF' }, plaintext: big, key });
    expect(token.length).toBeLessThan(1000);
    const outcome = await decryptJwe(token, [key]);
    expect(outcome.plaintext).toBe(big);
    expect((await decryptJwe(token, [key], { maxDecompressedBytes: 1000 })).state).toBe('error');
  });
});
