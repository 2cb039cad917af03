// Unusable key material, thrown by the signature maths (primitives.ts and the
// ML-DSA module it loads on demand) and turned into result values by verify.ts and sign.ts.
import { jwkBytes } from './base64url';
import { t } from './messages';

export class KeyUseError extends Error {}

/** A JWK member's bytes, or a KeyUseError that names the member and the length it must have. */
export function requireBytes(value: unknown, member: string, length: number | undefined, what: string): Uint8Array<ArrayBuffer> {
  const bytes = jwkBytes(value);
  if (!bytes) throw new KeyUseError(t('jws.memberMissing', { what, member }));
  if (length !== undefined && bytes.length !== length) {
    throw new KeyUseError(t('jws.memberWrongLength', { what, member, count: bytes.length, n: String(bytes.length), expected: String(length) }));
  }
  return bytes;
}

/** An error's message as a parenthesised clause, for a sentence that already says what failed. */
export function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? t('jws.reasonSuffix', { reason: error.message }) : '';
}
