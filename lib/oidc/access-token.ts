/**
 * JWT access token validation, RFC 9068 §4: the typ, the required claims
 * (§2.2: iss, exp, aud, sub, client_id, iat, jti), and an alg other than none.
 * Never throws.
 */
import { normalizeTyp } from '@/lib/claims/validate';
import { checkAudience, checkIssuer, checkRequiredString, checkTime, fail, given, pass, show, skewOf, unchecked } from './common';
import { own } from './kind';
import { t } from './messages';
import type { Json, OidcCheck, OidcCheckOptions } from './types';

export function checkAccessToken(header: Json | null, payload: Json, options: OidcCheckOptions): OidcCheck[] {
  const expected = options.expected ?? {};
  const skew = skewOf(options.clockSkewSeconds);
  return [
    checkTyp(own(header, 'typ')),
    checkAlg(own(header, 'alg')),
    checkIssuer(payload, expected.issuer, t('oidc.enterIssuerAccessToken')),
    checkAudience(payload, expected.audience, 'audience', t('oidc.enterAudienceAccessToken')),
    checkTime(payload, 'exp', options.now, skew),
    checkTime(payload, 'iat', options.now, skew),
    checkRequiredString(payload, 'sub'),
    checkClientId(payload, expected.clientId),
    checkRequiredString(payload, 'jti'),
  ];
}

function checkTyp(typ: unknown): OidcCheck {
  if (typeof typ === 'string' && normalizeTyp(typ) === 'at+jwt') return pass('typ', t('oidc.typAtJwt', { value: show(typ) }));
  return fail('typ', typ === undefined ? t('oidc.typMissing') : t('oidc.typWrong', { value: show(typ) }));
}

function checkAlg(alg: unknown): OidcCheck {
  if (typeof alg !== 'string') return fail('alg', t('oidc.notAString', { claim: 'alg', value: show(alg) }));
  if (alg === 'none') return fail('alg', t('oidc.algNoneAccessToken'));
  return pass('alg', t('oidc.algSignedAccessToken', { value: show(alg) }));
}

function checkClientId(payload: Json, clientId: string | undefined): OidcCheck {
  const required = checkRequiredString(payload, 'client_id');
  const value = own(payload, 'client_id');
  if (required.state === 'fail') return required;
  if (!given(clientId)) return unchecked('client_id', t('oidc.clientIdEnter', { value: show(value) }));
  if (value === clientId) return pass('client_id', t('oidc.clientIdAsExpected', { value: show(value) }));
  return fail('client_id', t('oidc.clientIdMismatch', { value: show(value), wanted: show(clientId) }));
}
