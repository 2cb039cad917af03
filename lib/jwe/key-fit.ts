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
import { t } from './messages';
import { activeLocale } from '@/lib/i18n/translate';

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

/** "this is an RSA … key": English needs its article; the other languages take the description as it is. */
function article(text: string): string {
  if (activeLocale() !== 'en') return text;
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
    return jwk.use === 'sig' ? t('jwe.useMarkedSig', { use: String(jwk.use) }) : t('jwe.useMarked', { use: String(jwk.use) });
  }
  if (typeof jwk.alg === 'string') {
    const allowed = alg.mode === 'direct' ? ['dir', enc.name] : [alg.name];
    if (!allowed.includes(jwk.alg)) {
      return t('jwe.algMarked', { keyAlg: jwk.alg, tokenAlg: alg.mode === 'direct' ? t('jwe.dirWith', { enc: enc.name }) : alg.name });
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
    if (!bytes) return { ok: false, reason: t('jwe.passwordNotKey', { alg: alg.name, key: article(label) }) };
    return { ok: true, keyInput: bytes };
  }

  if (alg.mode === 'direct' || alg.mode === 'key-wrap') {
    const needed = alg.mode === 'direct' ? enc.cekBits : (alg.secretBits ?? 0);
    const what = alg.mode === 'direct' ? t('jwe.encWithDir', { enc: enc.name }) : alg.name;
    if (jwk.kty !== 'oct') {
      return { ok: false, reason: t('jwe.needsSharedSecret', { what, bits: needed, key: article(label) }) };
    }
    const bytes = typeof jwk.k === 'string' ? base64UrlToBytes(jwk.k) : null;
    if (!bytes) return { ok: false, reason: t('jwe.noK') };
    if (bytes.length * 8 !== needed) {
      return { ok: false, reason: t('jwe.wrongSecretLength', { what, bits: needed, actual: bytes.length * 8 }) };
    }
    return { ok: true, keyInput: bytes };
  }

  const isPrivate = jwkVisibility(jwk) === 'private';
  const needsPrivate = purpose === 'decrypt';

  if (alg.mode === 'key-encryption') {
    if (jwk.kty !== 'RSA') {
      return { ok: false, reason: t('jwe.needsRsa', { alg: alg.name, part: needsPrivate ? 'private' : 'public', key: article(label) }) };
    }
    if (needsPrivate && !isPrivate) return { ok: false, reason: privateNeeded(label) };
    const bits = rsaBits(jwk);
    if (bits !== null && bits < 2048) {
      return {
        ok: false,
        reason: t('jwe.rsaTooSmall', { alg: alg.name, bits }),
      };
    }
    return { ok: true, keyInput: cleanJwk(needsPrivate ? jwk : key.publicJwk, needsPrivate) };
  }

  // ECDH-ES family.
  const crv = typeof jwk.crv === 'string' ? jwk.crv : '';
  if (jwk.kty === 'OKP' && crv === 'X448') {
    return {
      ok: false,
      reason: t('jwe.x448', { alg: alg.name }),
    };
  }
  if (jwk.kty === 'OKP' && (crv === 'Ed25519' || crv === 'Ed448')) {
    return {
      ok: false,
      reason: t('jwe.edCurve', { alg: alg.name, crv }),
    };
  }
  if ((jwk.kty !== 'EC' && jwk.kty !== 'OKP') || !ECDH_CURVES.includes(crv)) {
    return {
      ok: false,
      reason: t('jwe.needsEcdh', { alg: alg.name, part: needsPrivate ? 'private' : 'public', key: article(label) }),
    };
  }
  if (needsPrivate && !isPrivate) return { ok: false, reason: privateNeeded(label) };
  const epk = header?.epk;
  if (purpose === 'decrypt' && typeof epk === 'object' && epk !== null) {
    const epkCrv = (epk as Record<string, unknown>).crv;
    if (typeof epkCrv === 'string' && epkCrv !== crv) {
      return {
        ok: false,
        reason: t('jwe.epkCurve', { epkCrv, crv }),
      };
    }
  }
  return { ok: true, keyInput: cleanJwk(needsPrivate ? jwk : key.publicJwk, needsPrivate) };
}

function privateNeeded(label: string): string {
  return t('jwe.privateNeeded', { key: article(label) });
}
