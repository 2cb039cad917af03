/**
 * JWT access token validation, RFC 9068 §4: the typ, the required claims
 * (§2.2: iss, exp, aud, sub, client_id, iat, jti), and an alg other than none.
 * Never throws.
 */
import { normalizeTyp } from '@/lib/claims/validate';
import { checkAudience, checkIssuer, checkRequiredString, checkTime, fail, given, pass, show, skewOf, unchecked } from './common';
import { own } from './kind';
import type { Json, OidcCheck, OidcCheckOptions } from './types';

export function checkAccessToken(header: Json | null, payload: Json, options: OidcCheckOptions): OidcCheck[] {
  const expected = options.expected ?? {};
  const skew = skewOf(options.clockSkewSeconds);
  return [
    checkTyp(own(header, 'typ')),
    checkAlg(own(header, 'alg')),
    checkIssuer(payload, expected.issuer, 'enter the expected issuer (the authorization server\'s issuer URL) to check it.'),
    checkAudience(payload, expected.audience, 'expected audience', 'enter the expected audience (your API\'s identifier) under the claim checks to check it.'),
    checkTime(payload, 'exp', options.now, skew),
    checkTime(payload, 'iat', options.now, skew),
    checkRequiredString(payload, 'sub'),
    checkClientId(payload, expected.clientId),
    checkRequiredString(payload, 'jti'),
  ];
}

function checkTyp(typ: unknown): OidcCheck {
  if (typeof typ === 'string' && normalizeTyp(typ) === 'at+jwt') return pass('typ', `typ is ${show(typ)}, as RFC 9068 requires.`);
  return fail('typ', `typ is ${typ === undefined ? 'missing' : show(typ)}; a JWT access token must have typ "at+jwt" (RFC 9068 §2.1).`);
}

function checkAlg(alg: unknown): OidcCheck {
  if (typeof alg !== 'string') return fail('alg', `alg is ${show(alg)}, not a string.`);
  if (alg === 'none') return fail('alg', 'alg is "none": a JWT access token must be signed (RFC 9068 §2.1).');
  return pass('alg', `alg is ${show(alg)}: the token is signed (its signature is checked with the key).`);
}

function checkClientId(payload: Json, clientId: string | undefined): OidcCheck {
  const required = checkRequiredString(payload, 'client_id');
  if (required.state === 'fail' || !given(clientId)) return required.state === 'fail' ? required : unchecked('client_id', `${required.message.slice(0, -1)}; enter the client ID to compare it.`);
  const value = own(payload, 'client_id');
  if (value === clientId) return pass('client_id', `client_id is ${show(value)}, as expected.`);
  return fail('client_id', `client_id is ${show(value)}, expected ${show(clientId)}.`);
}
