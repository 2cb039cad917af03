/**
 * What each JWE "alg" and "enc" needs, and whether it works here.
 * "Here" means jose v6 on the browser's WebCrypto: the app refuses what a
 * browser cannot do even when Node (where the tests run) could, so a token
 * behaves the same in the page and in the tests.
 */
import { t } from './messages';

/** How the content encryption key (CEK) is obtained (RFC 7516 §2). */
export type JweKeyManagementMode =
  | 'direct' // the shared secret is the CEK
  | 'key-wrap' // a shared secret wraps a random CEK
  | 'key-encryption' // an RSA public key encrypts a random CEK
  | 'key-agreement' // ECDH-ES derives the CEK
  | 'key-agreement-wrap' // ECDH-ES derives a key that wraps a random CEK
  | 'password'; // PBES2 derives a key from a password that wraps a random CEK

export type JweKeyType = 'oct' | 'RSA' | 'EC' | 'OKP' | 'password';

export interface JweAlgorithmInfo {
  name: string;
  mode: JweKeyManagementMode;
  /** Key types that can decrypt it. */
  keyTypes: JweKeyType[];
  /** Plain words for the key the user has to paste to decrypt (in the language shown when read). */
  readonly keyNeeded: string;
  /** Required secret length for the symmetric algorithms (dir depends on "enc"). */
  secretBits?: number;
  /** Usable in this app (jose v6 + browser WebCrypto). */
  supported: boolean;
  /** Why not, when not supported. */
  readonly unsupportedReason?: string;
}

export interface JweEncryptionInfo {
  name: string;
  /** Content encryption key length in bits (for dir: the secret length). */
  cekBits: number;
  readonly description: string;
  supported: boolean;
  readonly unsupportedReason?: string;
}

const NO_AES_192 = () => t('jwe.noAes192');

type Words<T> = { [K in keyof T]: () => NonNullable<T[K]> };

/**
 * The entry with its words as getters: the tables are built once, at import, and each
 * word is read in the language shown when it is read.
 */
function withWords<T extends object, W extends keyof T>(entry: Omit<T, W>, words: Partial<Words<Pick<T, W>>>): T {
  const out = { ...entry } as T;
  for (const [name, get] of Object.entries(words)) {
    if (typeof get === 'function') Object.defineProperty(out, name, { get: get as () => unknown, enumerable: true });
  }
  return out;
}

function info(
  entry: Omit<JweAlgorithmInfo, 'keyNeeded' | 'unsupportedReason'>,
  keyNeeded: () => string,
  unsupportedReason?: () => string,
): JweAlgorithmInfo {
  return withWords<JweAlgorithmInfo, 'keyNeeded' | 'unsupportedReason'>(entry, unsupportedReason ? { keyNeeded, unsupportedReason } : { keyNeeded });
}

const aesKw = (bits: 128 | 192 | 256, gcm: boolean): JweAlgorithmInfo =>
  info({
    name: `A${bits}${gcm ? 'GCMKW' : 'KW'}`,
    mode: 'key-wrap',
    keyTypes: ['oct'],
    secretBits: bits,
    supported: bits !== 192,
  }, () => t('jwe.needBitSecret', { bits }), bits === 192 ? NO_AES_192 : undefined);

const rsaOaep = (name: string): JweAlgorithmInfo =>
  info({
    name,
    mode: 'key-encryption',
    keyTypes: ['RSA'],
    supported: true,
  }, () => t('jwe.needRsaPrivate2048'));

const ecdh = (name: string, wrapBits?: 128 | 192 | 256): JweAlgorithmInfo =>
  info({
    name,
    mode: wrapBits ? 'key-agreement-wrap' : 'key-agreement',
    keyTypes: ['EC', 'OKP'],
    supported: wrapBits !== 192,
  }, () => t('jwe.needEcdhPrivate'), wrapBits === 192 ? NO_AES_192 : undefined);

const pbes2 = (name: string, wrapBits: 128 | 192 | 256): JweAlgorithmInfo =>
  info({
    name,
    mode: 'password',
    keyTypes: ['password'],
    supported: wrapBits !== 192,
  }, () => t('jwe.needPassword'), wrapBits === 192 ? () => t('jwe.wrapsWithAes192') : undefined);

/** JWE "alg" values (RFC 7518 §4), keyed by name. */
export const JWE_ALGORITHMS: Readonly<Record<string, JweAlgorithmInfo>> = Object.freeze({
  dir: info({
    name: 'dir',
    mode: 'direct',
    keyTypes: ['oct'],
    supported: true,
  }, () => t('jwe.needDirSecret')),
  A128KW: aesKw(128, false),
  A192KW: aesKw(192, false),
  A256KW: aesKw(256, false),
  A128GCMKW: aesKw(128, true),
  A192GCMKW: aesKw(192, true),
  A256GCMKW: aesKw(256, true),
  RSA1_5: info({
    name: 'RSA1_5',
    mode: 'key-encryption',
    keyTypes: ['RSA'],
    supported: false,
  }, () => t('jwe.needRsaPrivate'), () => t('jwe.rsa15Reason')),
  'RSA-OAEP': rsaOaep('RSA-OAEP'),
  'RSA-OAEP-256': rsaOaep('RSA-OAEP-256'),
  'RSA-OAEP-384': rsaOaep('RSA-OAEP-384'),
  'RSA-OAEP-512': rsaOaep('RSA-OAEP-512'),
  'ECDH-ES': ecdh('ECDH-ES'),
  'ECDH-ES+A128KW': ecdh('ECDH-ES+A128KW', 128),
  'ECDH-ES+A192KW': ecdh('ECDH-ES+A192KW', 192),
  'ECDH-ES+A256KW': ecdh('ECDH-ES+A256KW', 256),
  'PBES2-HS256+A128KW': pbes2('PBES2-HS256+A128KW', 128),
  'PBES2-HS384+A192KW': pbes2('PBES2-HS384+A192KW', 192),
  'PBES2-HS512+A256KW': pbes2('PBES2-HS512+A256KW', 256),
});

const gcm = (bits: 128 | 192 | 256): JweEncryptionInfo =>
  withWords<JweEncryptionInfo, 'description' | 'unsupportedReason'>(
    { name: `A${bits}GCM`, cekBits: bits, supported: bits !== 192 },
    { description: () => t('jwe.gcmDescription', { bits }), ...(bits === 192 ? { unsupportedReason: NO_AES_192 } : {}) },
  );

const cbcHmac = (aesBits: 128 | 192 | 256, hashBits: 256 | 384 | 512): JweEncryptionInfo =>
  withWords<JweEncryptionInfo, 'description' | 'unsupportedReason'>(
    { name: `A${aesBits}CBC-HS${hashBits}`, cekBits: aesBits * 2, supported: aesBits !== 192 },
    { description: () => t('jwe.cbcDescription', { aesBits, hashBits }), ...(aesBits === 192 ? { unsupportedReason: NO_AES_192 } : {}) },
  );

/** JWE "enc" values (RFC 7518 §5), keyed by name. */
export const JWE_ENCRYPTIONS: Readonly<Record<string, JweEncryptionInfo>> = Object.freeze({
  A128GCM: gcm(128),
  A192GCM: gcm(192),
  A256GCM: gcm(256),
  'A128CBC-HS256': cbcHmac(128, 256),
  'A192CBC-HS384': cbcHmac(192, 384),
  'A256CBC-HS512': cbcHmac(256, 512),
});

/** Own-property lookup, so "constructor" or "__proto__" never match. */
export function jweAlgorithm(name: string): JweAlgorithmInfo | undefined {
  return Object.hasOwn(JWE_ALGORITHMS, name) ? JWE_ALGORITHMS[name] : undefined;
}

export function jweEncryption(name: string): JweEncryptionInfo | undefined {
  return Object.hasOwn(JWE_ENCRYPTIONS, name) ? JWE_ENCRYPTIONS[name] : undefined;
}

export function isPasswordAlgorithm(alg: string): boolean {
  return jweAlgorithm(alg)?.mode === 'password';
}
