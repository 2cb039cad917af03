// Checks both token kinds share: exact issuer, audience membership, required claims, and the times.
import { checkClaims, describeTime } from '@/lib/claims';
import type { Json, OidcCheck, OidcCheckName } from './types';
import { own } from './kind';
import { t } from './messages';

export const given = (value: string | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** A value for a sentence: JSON, cut short so a huge claim does not flood the page. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export const pass = (check: OidcCheckName, message: string): OidcCheck => ({ check, state: 'pass', message });
export const fail = (check: OidcCheckName, message: string): OidcCheck => ({ check, state: 'fail', message });
export const unchecked = (check: OidcCheckName, message: string): OidcCheck => ({ check, state: 'unchecked', message });

export function skewOf(clockSkewSeconds: number | undefined): number {
  return typeof clockSkewSeconds === 'number' && Number.isFinite(clockSkewSeconds) && clockSkewSeconds > 0 ? clockSkewSeconds : 0;
}

/** iss must be present, a string, and (when one is given) exactly the expected issuer. */
export function checkIssuer(payload: Json, expected: string | undefined, enter: string): OidcCheck {
  const iss = own(payload, 'iss');
  if (iss === undefined) return fail('iss', t('oidc.claimRequired', { claim: 'iss' }));
  if (typeof iss !== 'string') return fail('iss', t('oidc.notAString', { claim: 'iss', value: show(iss) }));
  if (!given(expected)) return unchecked('iss', t('oidc.valueThenEnter', { claim: 'iss', value: show(iss), enter }));
  if (iss === expected) return pass('iss', t('oidc.issExpected', { value: show(iss) }));
  return fail('iss', t('oidc.issMismatch', { value: show(iss), wanted: show(expected) }));
}

/** aud as a list of strings (RFC 7519 §4.1.3), or null when it is neither a string nor an array of strings. */
export function audienceList(aud: unknown): string[] | null {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud) && aud.length > 0 && aud.every((entry) => typeof entry === 'string')) return aud as string[];
  return null;
}

/** `expected` is the relying party's client ID (an ID token) or the resource server's audience (an access token). */
export function checkAudience(payload: Json, expected: string | undefined, noun: 'clientId' | 'audience', enter: string): OidcCheck {
  const aud = own(payload, 'aud');
  if (aud === undefined) return fail('aud', t('oidc.claimRequired', { claim: 'aud' }));
  const list = audienceList(aud);
  if (!list) return fail('aud', t('oidc.audShape', { value: show(aud) }));
  if (!given(expected)) return unchecked('aud', t('oidc.valueThenEnter', { claim: 'aud', value: show(aud), enter }));
  const wanted = show(expected);
  if (list.includes(expected)) {
    if (list.length > 1) return pass('aud', t('oidc.audIncludes', { noun, wanted }));
    return pass('aud', t('oidc.audIs', { noun, wanted }));
  }
  return fail('aud', t('oidc.audLacks', { noun, value: show(aud), wanted }));
}

/** A claim that must be there as a non-empty string. */
export function checkRequiredString(payload: Json, check: 'sub' | 'jti' | 'client_id'): OidcCheck {
  const value = own(payload, check);
  if (value === undefined) return fail(check, t('oidc.claimRequired', { claim: check }));
  if (typeof value !== 'string' || value === '') return fail(check, t('oidc.requiredNonEmpty', { claim: check, value: show(value) }));
  return pass(check, t('oidc.valueIs', { claim: check, value: show(value) }));
}

/**
 * exp and iat, required in both kinds: judged by the claim checks' own rules
 * (the same sentences, the same clock skew), with the leniencies a verifier
 * must not have here turned into failures: a missing claim, a value in
 * milliseconds, an iat beyond the skew in the future.
 */
export function checkTime(payload: Json, claim: 'exp' | 'iat', now: number, skew: number): OidcCheck {
  const value = own(payload, claim);
  if (value === undefined) return fail(claim, t('oidc.claimRequired', { claim }));
  const described = describeTime(value, now, claim);
  if (!described.ok) return fail(claim, described.message);
  const judged = checkClaims(null, { [claim]: value }, { now, clockSkewSeconds: skew }).checks.find((check) => check.claim === claim);
  /* c8 ignore next */
  if (!judged) return fail(claim, t('oidc.couldNotCheck', { claim }));
  // exp's "warn" is "expired, but within the clock skew": accepted. iat's is "in the future beyond the skew".
  const accepted = judged.status === 'pass' || (claim === 'exp' && judged.status === 'warn');
  return { check: claim, state: accepted ? 'pass' : 'fail', message: judged.message };
}
