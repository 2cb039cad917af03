/**
 * A key carried in the token's own header ("jwk", RFC 7515 §4.1.3), turned
 * into the ParsedKey shape verification works with. Only its public part is
 * ever used.
 */
import type { Jwk, ParsedKey } from '@/lib/keys/types';
import { withoutPrivateMembers } from '@/lib/keys/visibility';
import { keySizeBits } from './key-fit';

export function embeddedJwkKey(value: unknown): ParsedKey | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const jwk = value as Jwk;
  if (typeof jwk.kty !== 'string' || jwk.kty === 'oct') return undefined;
  const publicJwk: Jwk = { ...withoutPrivateMembers(jwk), kty: jwk.kty };
  const bits = keySizeBits(publicJwk, 0);
  const kind = jwk.kty === 'RSA' ? `RSA ${bits}-bit` : `${jwk.kty} ${String(jwk.crv ?? '')}`.trim();
  return {
    jwk: publicJwk,
    publicJwk,
    visibility: 'public',
    description: `${kind} public key from the token's header`,
    bits,
    kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
  };
}
