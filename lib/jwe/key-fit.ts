/**
 * Does this key fit this token's algorithms? Answered before jose is called, so
 * the user reads "A128KW needs a 128-bit secret; this one is 256 bits" rather
 * than a WebCrypto exception.
 */
import type { JWK } from 'jose';
import type { Jwk, ParsedKey } from '@/lib/keys/types';
import { jwkVisibility } from '@/lib/keys/visibility';
import type { JweAlgorithmInfo, JweEncryptionInfo } from './algorithms';
import { base64UrlToBytes, unsignedBitLength } from './bytes';
import type { JweHeader } from './compact';

export type KeyFit =
  /** `keyInput` is what jose receives: raw secret bytes or a cleaned JWK. */
  | { ok: true; keyInput: Uint8Array | JWK }
  | { ok: false; reason: string };

const ECDH_CURVES = ['P-256', 'P-384', 'P-521', 'X25519'];

/** Key material members only: jose would otherwise enforce "alg"/"use"/"key_ops" with opaque errors. */
const MATERIAL = ['kty', 'crv', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'x', 'y'] as const;

export function describeJwk(jwk: Jwk): string {
  const part = jwkVisibility(jwk) === 'private' ? 'private' : 'public';
  switch (jwk.kty) {
    case 'oct':
      return `${secretBits(jwk) ?? '?'}-bit secret`;
    case 'RSA':
      return `RSA ${rsaBits(jwk) ?? '?'}-bit ${part} key`;
    case 'EC':
      return `EC ${jwk.crv ?? '(no curve)'} ${part} key`;
    case 'OKP':
      return `${jwk.crv ?? 'OKP'} ${part} key`;
    default:
      return `"${String(jwk.kty)}" key`;
  }
}

function secretBits(jwk: Jwk): number | null {
  const bytes = typeof jwk.k === 'string' ? base64UrlToBytes(jwk.k) : null;
  return bytes ? bytes.length * 8 : null;
}

function rsaBits(jwk: Jwk): number | null {
  const bytes = typeof jwk.n === 'string' ? base64UrlToBytes(jwk.n) : null;
  return bytes ? unsignedBitLength(bytes) : null;
}

function article(text: string): string {
  return /^[aeiou8]|^RSA|^EC|^X/i.test(text) ? `an ${text}` : `a ${text}`;
}

export function keyLabel(key: ParsedKey, jwk: Jwk = key.jwk): string {
  return key.description || describeJwk(jwk);
}

function cleanJwk(jwk: Jwk, includePrivate: boolean): JWK {
  const out: Record<string, unknown> = {};
  for (const member of MATERIAL) {
    if (jwk[member] === undefined) continue;
    if (!includePrivate && ['d', 'p', 'q', 'dp', 'dq', 'qi'].includes(member)) continue;
    out[member] = jwk[member];
  }
  return out as JWK;
}

/** The "alg"/"use" a JWK declares must agree with the token (RFC 7517 §4.2, §4.4). */
function checkDeclaredUse(jwk: Jwk, alg: JweAlgorithmInfo, enc: JweEncryptionInfo): string | null {
  if (jwk.use !== undefined && jwk.use !== 'enc') {
    return `This key is marked "use": "${String(jwk.use)}"${jwk.use === 'sig' ? ' (for signatures)' : ''}, so it is not meant for encryption.`;
  }
  if (typeof jwk.alg === 'string') {
    const allowed = alg.mode === 'direct' ? ['dir', enc.name] : [alg.name];
    if (!allowed.includes(jwk.alg)) {
      return `This key is marked for "alg": "${jwk.alg}", but the token uses "${alg.mode === 'direct' ? `dir with ${enc.name}` : alg.name}".`;
    }
  }
  return null;
}

/**
 * Checks one key against the token's "alg"/"enc" and returns what jose should get.
 * For 'encrypt' a private key is fine (its public part is used).
 */
export function fitKey(
  key: ParsedKey,
  alg: JweAlgorithmInfo,
  enc: JweEncryptionInfo,
  header: JweHeader | null,
  purpose: 'decrypt' | 'encrypt',
): KeyFit {
  const jwk = key.jwk;
  const label = keyLabel(key);
  const declared = checkDeclaredUse(jwk, alg, enc);
  if (declared) return { ok: false, reason: declared };

  if (alg.mode === 'password') {
    // A secret from the key parser stands for the password bytes.
    const bytes = jwk.kty === 'oct' && typeof jwk.k === 'string' ? base64UrlToBytes(jwk.k) : null;
    if (!bytes) return { ok: false, reason: `${alg.name} needs the password; this is ${article(label)}.` };
    return { ok: true, keyInput: bytes };
  }

  if (alg.mode === 'direct' || alg.mode === 'key-wrap') {
    const needed = alg.mode === 'direct' ? enc.cekBits : (alg.secretBits ?? 0);
    const what = alg.mode === 'direct' ? `${enc.name} with dir` : alg.name;
    if (jwk.kty !== 'oct') {
      return { ok: false, reason: `${what} needs a ${needed}-bit shared secret; this is ${article(label)}.` };
    }
    const bytes = typeof jwk.k === 'string' ? base64UrlToBytes(jwk.k) : null;
    if (!bytes) return { ok: false, reason: 'The secret key has no readable "k" value.' };
    if (bytes.length * 8 !== needed) {
      return { ok: false, reason: `${what} needs a ${needed}-bit secret; this one is ${bytes.length * 8} bits.` };
    }
    return { ok: true, keyInput: bytes };
  }

  const isPrivate = jwkVisibility(jwk) === 'private';
  const needsPrivate = purpose === 'decrypt';

  if (alg.mode === 'key-encryption') {
    if (jwk.kty !== 'RSA') {
      return { ok: false, reason: `${alg.name} needs an RSA ${needsPrivate ? 'private' : 'public'} key; this is ${article(label)}.` };
    }
    if (needsPrivate && !isPrivate) return { ok: false, reason: privateNeeded(label) };
    const bits = rsaBits(jwk);
    if (bits !== null && bits < 2048) {
      return {
        ok: false,
        reason: `${alg.name} needs an RSA key of at least 2048 bits (jose refuses smaller ones); this one is ${bits} bits.`,
      };
    }
    return { ok: true, keyInput: cleanJwk(needsPrivate ? jwk : key.publicJwk, needsPrivate) };
  }

  // ECDH-ES family.
  const crv = typeof jwk.crv === 'string' ? jwk.crv : '';
  if (jwk.kty === 'OKP' && crv === 'X448') {
    return {
      ok: false,
      reason: `${alg.name} with an X448 key is not supported: jose v6 and browsers' WebCrypto implement only X25519 among the OKP curves.`,
    };
  }
  if (jwk.kty === 'OKP' && (crv === 'Ed25519' || crv === 'Ed448')) {
    return {
      ok: false,
      reason: `${alg.name} needs an X25519 (or EC) key, not an ${crv} key: ${crv} keys sign, X25519 keys agree on secrets.`,
    };
  }
  if ((jwk.kty !== 'EC' && jwk.kty !== 'OKP') || !ECDH_CURVES.includes(crv)) {
    return {
      ok: false,
      reason: `${alg.name} needs an EC (P-256, P-384, P-521) or X25519 ${needsPrivate ? 'private' : 'public'} key; this is ${article(label)}.`,
    };
  }
  if (needsPrivate && !isPrivate) return { ok: false, reason: privateNeeded(label) };
  const epk = header?.epk;
  if (purpose === 'decrypt' && typeof epk === 'object' && epk !== null) {
    const epkCrv = (epk as Record<string, unknown>).crv;
    if (typeof epkCrv === 'string' && epkCrv !== crv) {
      return {
        ok: false,
        reason: `The token was encrypted to a ${epkCrv} key (its "epk" is on ${epkCrv}); this key is on ${crv}.`,
      };
    }
  }
  return { ok: true, keyInput: cleanJwk(needsPrivate ? jwk : key.publicJwk, needsPrivate) };
}

function privateNeeded(label: string): string {
  return `Decryption needs the private key; this is ${article(label)}.`;
}
