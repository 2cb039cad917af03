/**
 * Which checks a decoded JWS gets. The rule, in order:
 * 1. header `typ` is `at+jwt` (or `application/at+jwt`, any case): a JWT access token (RFC 9068).
 * 2. any other `typ` than `JWT` (dpop+jwt, logout+jwt, secevent+jwt…): neither.
 * 3. the payload has all of `iss`, `sub`, `aud`, `exp` and `iat` (the claims an ID token
 *    must carry, OpenID Connect Core §2), and either a claim only ID tokens carry
 *    (`nonce`, `at_hash`, `c_hash`) or none of the claims access tokens carry
 *    (`scope`, `scp`, `client_id`): an ID token.
 * Anything else: neither.
 */
import { normalizeTyp } from '@/lib/claims/validate';
import type { Json } from './types';

export type OidcTokenKind = 'id-token' | 'access-token';

const ID_TOKEN_REQUIRED = ['iss', 'sub', 'aud', 'exp', 'iat'] as const;
const ID_TOKEN_ONLY = ['nonce', 'at_hash', 'c_hash'] as const;
const ACCESS_TOKEN_MARKERS = ['scope', 'scp', 'client_id'] as const;

/** Own properties only: a payload named `__proto__` or `constructor` is data, never the prototype. */
export function own(object: Json | null, name: string): unknown {
  return object !== null && Object.hasOwn(object, name) ? object[name] : undefined;
}

const has = (object: Json, name: string) => Object.hasOwn(object, name);

export function oidcTokenKind(header: Json | null, payload: Json | null): OidcTokenKind | null {
  const typ = own(header, 'typ');
  if (typeof typ === 'string' && normalizeTyp(typ) === 'at+jwt') return 'access-token';
  if (typ !== undefined && (typeof typ !== 'string' || normalizeTyp(typ) !== 'jwt')) return null;
  if (payload === null || !ID_TOKEN_REQUIRED.every((name) => has(payload, name))) return null;
  if (ID_TOKEN_ONLY.some((name) => has(payload, name))) return 'id-token';
  return ACCESS_TOKEN_MARKERS.some((name) => has(payload, name)) ? null : 'id-token';
}
