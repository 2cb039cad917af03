// Checks both token kinds share: exact issuer, audience membership, required claims, and the times.
import { checkClaims, describeTime } from '@/lib/claims';
import type { Json, OidcCheck, OidcCheckName } from './types';
import { own } from './kind';

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
  if (iss === undefined) return fail('iss', 'the token has no iss claim; it is required.');
  if (typeof iss !== 'string') return fail('iss', `iss is ${show(iss)}, not a string.`);
  if (!given(expected)) return unchecked('iss', `iss is ${show(iss)}; ${enter}`);
  if (iss === expected) return pass('iss', `iss is ${show(iss)}, the expected issuer.`);
  return fail('iss', `iss is ${show(iss)}, expected ${show(expected)} (compared exactly).`);
}

/** aud as a list of strings (RFC 7519 §4.1.3), or null when it is neither a string nor an array of strings. */
export function audienceList(aud: unknown): string[] | null {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud) && aud.length > 0 && aud.every((entry) => typeof entry === 'string')) return aud as string[];
  return null;
}

export function checkAudience(payload: Json, expected: string | undefined, noun: string, enter: string): OidcCheck {
  const aud = own(payload, 'aud');
  if (aud === undefined) return fail('aud', 'the token has no aud claim; it is required.');
  const list = audienceList(aud);
  if (!list) return fail('aud', `aud is ${show(aud)}; it must be a string or a non-empty array of strings.`);
  if (!given(expected)) return unchecked('aud', `aud is ${show(aud)}; ${enter}`);
  if (list.includes(expected)) return pass('aud', list.length > 1 ? `aud includes ${show(expected)}, your ${noun}.` : `aud is ${show(expected)}, your ${noun}.`);
  return fail('aud', `aud ${show(aud)} does not include ${show(expected)}, your ${noun}.`);
}

/** A claim that must be there as a non-empty string. */
export function checkRequiredString(payload: Json, check: 'sub' | 'jti' | 'client_id'): OidcCheck {
  const value = own(payload, check);
  if (value === undefined) return fail(check, `the token has no ${check} claim; it is required.`);
  if (typeof value !== 'string' || value === '') return fail(check, `${check} is ${show(value)}; it must be a non-empty string.`);
  return pass(check, `${check} is ${show(value)}.`);
}

/**
 * exp and iat, required in both kinds: judged by the claim checks' own rules
 * (the same sentences, the same clock skew), with the leniencies a verifier
 * must not have here turned into failures: a missing claim, a value in
 * milliseconds, an iat beyond the skew in the future.
 */
export function checkTime(payload: Json, claim: 'exp' | 'iat', now: number, skew: number): OidcCheck {
  const value = own(payload, claim);
  if (value === undefined) return fail(claim, `the token has no ${claim} claim; it is required.`);
  const described = describeTime(value, now, claim);
  if (!described.ok) return fail(claim, described.message);
  const judged = checkClaims(null, { [claim]: value }, { now, clockSkewSeconds: skew }).checks.find((check) => check.claim === claim);
  /* c8 ignore next */
  if (!judged) return fail(claim, `${claim} could not be checked.`);
  // exp's "warn" is "expired, but within the clock skew": accepted. iat's is "in the future beyond the skew".
  const accepted = judged.status === 'pass' || (claim === 'exp' && judged.status === 'warn');
  return { check: claim, state: accepted ? 'pass' : 'fail', message: judged.message };
}
