/**
 * at_hash and c_hash (OpenID Connect Core §3.1.3.6, §3.3.2.11): base64url of the
 * left-most half of the hash of the value's ASCII octets, with the hash of the
 * ID token's alg: SHA-256 for *256, SHA-384 for *384, SHA-512 for *512, and
 * SHA-512 for EdDSA with Ed25519.
 */
import { encodeBase64url } from '@/lib/token/base64url';
import { t } from './messages';

export type TokenHashAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

export type HashAlgorithmResult = { ok: true; hash: TokenHashAlgorithm } | { ok: false; reason: string };

const BY_SIZE: Record<string, TokenHashAlgorithm> = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' };

export function hashAlgorithmFor(alg: unknown): HashAlgorithmResult {
  if (typeof alg !== 'string') return { ok: false, reason: t('oidc.hashNoAlg') };
  // Ed25519 is the only EdDSA curve WebCrypto has; Ed448 would need SHAKE256.
  if (alg === 'EdDSA' || alg === 'Ed25519') return { ok: true, hash: 'SHA-512' };
  if (alg === 'Ed448') return { ok: false, reason: t('oidc.hashEd448') };
  const size = /^(?:HS|RS|PS|ES)(256|384|512)K?$/.exec(alg)?.[1];
  if (size) return { ok: true, hash: BY_SIZE[size]! };
  return { ok: false, reason: t('oidc.hashUnknownAlg', { alg }) };
}

/** base64url(left half of hash(value)); `value` is a token or code, ASCII by definition (other text is hashed as UTF-8). */
export async function leftHalfHash(value: string, hash: TokenHashAlgorithm): Promise<string> {
  const bytes = new TextEncoder().encode(value);
  const digest = new Uint8Array(await crypto.subtle.digest(hash, bytes));
  return encodeBase64url(digest.slice(0, digest.length / 2));
}
