/**
 * ID token validation, OpenID Connect Core 1.0 §3.1.3.7 (and §3.2.2.11,
 * §3.3.2.12 for at_hash and c_hash). The signature is the decoder's own
 * verdict; these are the checks a relying party makes besides it.
 * Never throws: a hostile payload gets failures, not exceptions.
 */
import { describeTime, isoUtc } from '@/lib/claims';
import { audienceList, checkAudience, checkIssuer, checkTime, fail, given, pass, show, skewOf, unchecked } from './common';
import { own } from './kind';
import { t } from './messages';
import { hashAlgorithmFor, leftHalfHash } from './token-hash';
import type { Json, OidcCheck, OidcCheckOptions } from './types';

export async function checkIdToken(header: Json | null, payload: Json, options: OidcCheckOptions): Promise<OidcCheck[]> {
  const expected = options.expected ?? {};
  const skew = skewOf(options.clockSkewSeconds);
  return [
    checkAlg(own(header, 'alg')),
    checkIssuer(payload, expected.issuer, t('oidc.enterIssuerIdToken')),
    checkAudience(payload, expected.clientId, 'clientId', t('oidc.enterClientIdAudience')),
    checkAzp(payload, expected.clientId),
    checkNonce(own(payload, 'nonce'), expected.nonce),
    checkTime(payload, 'exp', options.now, skew),
    checkTime(payload, 'iat', options.now, skew),
    checkAuthTime(own(payload, 'auth_time'), expected.maxAge, options.now, skew),
    await checkTokenHash('at_hash', own(payload, 'at_hash'), own(header, 'alg'), expected.accessToken),
    await checkTokenHash('c_hash', own(payload, 'c_hash'), own(header, 'alg'), expected.code),
  ];
}

function checkAlg(alg: unknown): OidcCheck {
  if (typeof alg !== 'string') return fail('alg', t('oidc.notAString', { claim: 'alg', value: show(alg) }));
  // §2: "none" only when no ID token comes from the authorization endpoint and the client registered for it.
  if (alg === 'none') return fail('alg', t('oidc.algNoneIdToken'));
  return pass('alg', t('oidc.algSignedIdToken', { value: show(alg) }));
}

function checkAzp(payload: Json, clientId: string | undefined): OidcCheck {
  const azp = own(payload, 'azp');
  const audiences = audienceList(own(payload, 'aud'));
  const several = audiences !== null && audiences.length > 1;
  if (azp === undefined) {
    if (several) return fail('azp', t('oidc.azpMissingSeveral', { count: String(audiences.length) }));
    return pass('azp', t('oidc.azpNotNeeded'));
  }
  if (typeof azp !== 'string') return fail('azp', t('oidc.notAString', { claim: 'azp', value: show(azp) }));
  if (!given(clientId)) return unchecked('azp', t('oidc.azpEnterClientId', { value: show(azp) }));
  if (azp === clientId) return pass('azp', t('oidc.azpIsClientId', { value: show(azp) }));
  return fail('azp', t('oidc.azpOtherParty', { value: show(azp), clientId: show(clientId) }));
}

function checkNonce(nonce: unknown, sent: string | undefined): OidcCheck {
  if (nonce !== undefined && typeof nonce !== 'string') return fail('nonce', t('oidc.notAString', { claim: 'nonce', value: show(nonce) }));
  if (!given(sent)) {
    return unchecked('nonce', nonce === undefined ? t('oidc.nonceEnterMissing') : t('oidc.nonceEnter', { value: show(nonce) }));
  }
  if (nonce === undefined) return fail('nonce', t('oidc.nonceMissingButSent', { sent: show(sent) }));
  if (nonce === sent) return pass('nonce', t('oidc.nonceMatches', { value: show(nonce) }));
  return fail('nonce', t('oidc.nonceMismatch', { value: show(nonce), sent: show(sent) }));
}

/** max_age as typed: a whole number of seconds, or null. */
function parseMaxAge(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,12}$/.test(trimmed) ? Number(trimmed) : null;
}

function checkAuthTime(authTime: unknown, maxAgeText: string | undefined, now: number, skew: number): OidcCheck {
  const described = authTime === undefined ? null : describeTime(authTime, now, 'auth_time');
  if (described && !described.ok) return fail('auth_time', described.message);
  if (!given(maxAgeText)) {
    return unchecked('auth_time', described ? t('oidc.authTimeEnter', { status: described.status, iso: described.iso }) : t('oidc.authTimeEnterMissing'));
  }
  const maxAge = parseMaxAge(maxAgeText);
  if (maxAge === null) return unchecked('auth_time', t('oidc.maxAgeNotWhole', { value: show(maxAgeText) }));
  // §3.1.2.1: with max_age in the request, auth_time is required.
  if (!described) return fail('auth_time', t('oidc.authTimeRequired'));
  const age = now / 1000 - described.seconds;
  const reading = { status: described.status, iso: described.iso, maxAge: String(maxAge) };
  if (age < -skew) return fail('auth_time', t('oidc.authTimeInFuture', reading));
  if (age <= maxAge + skew) return pass('auth_time', t('oidc.authTimeWithinMaxAge', reading));
  return fail('auth_time', t('oidc.authTimeBeyondMaxAge', { ...reading, earliest: isoUtc(now / 1000 - maxAge) }));
}

async function checkTokenHash(check: 'at_hash' | 'c_hash', claim: unknown, alg: unknown, value: string | undefined): Promise<OidcCheck> {
  if (claim !== undefined && typeof claim !== 'string') return fail(check, t('oidc.notAString', { claim: check, value: show(claim) }));
  if (!given(value)) {
    return unchecked(check, claim === undefined ? t('oidc.hashEnterMissing', { check }) : t('oidc.hashEnter', { check, value: show(claim) }));
  }
  if (claim === undefined) {
    return unchecked(check, t('oidc.hashNothingBinds', { check }));
  }
  const hash = hashAlgorithmFor(alg);
  if (!hash.ok) return unchecked(check, t('oidc.sentence', { text: hash.reason }));
  let computed: string;
  try {
    computed = await leftHalfHash(value.trim(), hash.hash);
  } catch {
    return unchecked(check, t('oidc.hashCannotCompute', { hash: hash.hash }));
  }
  if (computed === claim) return pass(check, t('oidc.hashMatches', { check, hash: hash.hash }));
  return fail(check, t('oidc.hashMismatch', { check, value: show(claim), hash: hash.hash, computed }));
}
