/**
 * A second, independent JWE encryptor built on Node's crypto (not jose), used by
 * the tests to show that tokens from other implementations decrypt.
 * RFC 7516 §5.1, RFC 7518 §4–5.
 */
import {
  createCipheriv,
  createHash,
  createHmac,
    createPublicKey,
  constants,
  diffieHellman,
  generateKeyPairSync,
  pbkdf2Sync,
  publicEncrypt,
  randomBytes,
  type CipherGCM,
  type KeyObject,
} from 'node:crypto';
import type { Jwk } from '@/lib/keys/types';

const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromB64u = (text: string) => Buffer.from(text, 'base64url');
const AES_KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

const ENC_BITS: Record<string, number> = { A128GCM: 128, A256GCM: 256, 'A128CBC-HS256': 256, 'A256CBC-HS512': 512 };

function aesKeyWrap(kek: Buffer, cek: Buffer): Buffer {
  const cipher = createCipheriv(`id-aes${kek.length * 8}-wrap`, kek, AES_KW_IV);
  return Buffer.concat([cipher.update(cek), cipher.final()]);
}

function uint32be(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}

/** Concat KDF with SHA-256 (RFC 7518 §4.6.2, NIST SP 800-56A). */
function concatKdf(z: Buffer, algorithmId: string, bits: number): Buffer {
  const lengthPrefixed = (data: Buffer) => Buffer.concat([uint32be(data.length), data]);
  const otherInfo = Buffer.concat([
    lengthPrefixed(Buffer.from(algorithmId)),
    lengthPrefixed(Buffer.alloc(0)),
    lengthPrefixed(Buffer.alloc(0)),
    uint32be(bits),
  ]);
  const blocks: Buffer[] = [];
  for (let counter = 1; blocks.length * 256 < bits; counter++) {
    blocks.push(createHash('sha256').update(Buffer.concat([uint32be(counter), z, otherInfo])).digest());
  }
  return Buffer.concat(blocks).subarray(0, bits / 8);
}

function encryptContent(enc: string, cek: Buffer, plaintext: Buffer, aad: Buffer) {
  if (enc.endsWith('GCM')) {
    const iv = randomBytes(12);
    const cipher = createCipheriv(`aes-${cek.length * 8}-gcm`, cek, iv) as CipherGCM;
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { iv, ciphertext, tag: cipher.getAuthTag() };
  }
  // AES_CBC_HMAC_SHA2 (RFC 7518 §5.2): MAC key first half, encryption key second half.
  const half = cek.length / 2;
  const iv = randomBytes(16);
  const cipher = createCipheriv(`aes-${half * 8}-cbc`, cek.subarray(half), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const mac = createHmac(`sha${half * 16}`, cek.subarray(0, half)).update(Buffer.concat([aad, iv, ciphertext, al])).digest();
  return { iv, ciphertext, tag: mac.subarray(0, half) };
}

export interface NodeJweInput {
  alg: string;
  enc: string;
  /** JWK of the recipient (public or private), or for PBES2 the password. */
  key: Jwk | { password: string };
  plaintext: string | Uint8Array;
  header?: Record<string, unknown>;
}

export function nodeEncrypt({ alg, enc, key, plaintext, header: extra = {} }: NodeJweInput): string {
  const cekBits = ENC_BITS[enc];
  if (!cekBits) throw new Error(`test encryptor lacks ${enc}`);
  const header: Record<string, unknown> = { alg, enc, ...extra };
  let cek: Buffer = randomBytes(cekBits / 8);
  let encryptedKey: Buffer = Buffer.alloc(0);
  const jwk = key as Jwk;

  if (alg === 'dir') {
    cek = fromB64u(jwk.k ?? '');
  } else if (/^A\d+KW$/.test(alg)) {
    encryptedKey = aesKeyWrap(fromB64u(jwk.k ?? ''), cek);
  } else if (/^A\d+GCMKW$/.test(alg)) {
    const kek = fromB64u(jwk.k ?? '');
    const iv = randomBytes(12);
    const cipher = createCipheriv(`aes-${kek.length * 8}-gcm`, kek, iv) as CipherGCM;
    encryptedKey = Buffer.concat([cipher.update(cek), cipher.final()]);
    header.iv = b64u(iv);
    header.tag = b64u(cipher.getAuthTag());
  } else if (alg.startsWith('RSA-OAEP')) {
    const hash = alg === 'RSA-OAEP' ? 'sha1' : `sha${alg.slice(-3)}`;
    const publicKey = createPublicKey({ key: jwk as never, format: 'jwk' });
    encryptedKey = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, cek);
  } else if (alg.startsWith('ECDH-ES')) {
    const recipient = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as never, format: 'jwk' });
    const ephemeral: { privateKey: KeyObject; publicKey: KeyObject } =
      jwk.kty === 'OKP' ? generateKeyPairSync('x25519') : generateKeyPairSync('ec', { namedCurve: jwk.crv ?? '' });
    const epk = ephemeral.publicKey.export({ format: 'jwk' });
    header.epk = jwk.kty === 'OKP' ? { kty: epk.kty, crv: epk.crv, x: epk.x } : { kty: epk.kty, crv: epk.crv, x: epk.x, y: epk.y };
    const z = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
    if (alg === 'ECDH-ES') {
      cek = concatKdf(z, enc, cekBits);
    } else {
      const wrapBits = Number(alg.slice(-5, -2));
      encryptedKey = aesKeyWrap(concatKdf(z, alg, wrapBits), cek);
    }
  } else if (alg.startsWith('PBES2-')) {
    const password = (key as { password: string }).password;
    const hashBits = Number(alg.slice(8, 11));
    const wrapBits = Number(alg.slice(13, 16));
    const p2s = randomBytes(16);
    const p2c = typeof extra.p2c === 'number' ? extra.p2c : 4096;
    header.p2s = b64u(p2s);
    header.p2c = p2c;
    const salt = Buffer.concat([Buffer.from(alg), Buffer.from([0]), p2s]);
    encryptedKey = aesKeyWrap(pbkdf2Sync(Buffer.from(password, 'utf8'), salt, p2c, wrapBits / 8, `sha${hashBits}`), cek);
  } else {
    throw new Error(`test encryptor lacks ${alg}`);
  }

  const protectedB64 = b64u(Buffer.from(JSON.stringify(header)));
  const content = encryptContent(enc, cek, Buffer.from(plaintext), Buffer.from(protectedB64, 'ascii'));
  return [protectedB64, b64u(encryptedKey), b64u(content.iv), b64u(content.ciphertext), b64u(content.tag)].join('.');
}
