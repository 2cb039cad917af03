/**
 * Claim checks, kept apart from the signature: a validly signed expired token
 * is "signature verified, token expired", not "invalid".
 */
import { describeTime, isoUtc } from './time';
import { trimEndChar } from '../format/trim';

export type CheckedClaim = 'exp' | 'nbf' | 'iat' | 'iss' | 'aud' | 'sub' | 'typ';
export type ClaimCheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface ClaimCheck {
  claim: CheckedClaim;
  status: ClaimCheckStatus;
  /** A sentence a person understands, e.g. "expired 3 hours ago (2026-01-01T09:00:00Z)". */
  message: string;
}

/** What the user typed as expected values; empty strings count as not given. */
export interface ExpectedClaims {
  iss?: string;
  aud?: string;
  sub?: string;
  typ?: string;
}

export interface ClaimCheckOptions {
  /** The current time in milliseconds since the epoch. */
  now: number;
  /** Leeway for exp, nbf and a future iat, in seconds (default 0). */
  clockSkewSeconds?: number;
  expected?: ExpectedClaims;
}

export type ClaimState = 'ok' | 'expired' | 'not-yet-valid' | 'mismatch' | 'ok-with-warnings';

export interface ClaimSummary {
  state: ClaimState;
  /** One line for the status area, e.g. "token expired 3 hours ago". */
  message: string;
}

export interface ClaimCheckResult {
  checks: ClaimCheck[];
  summary: ClaimSummary;
}

type Json = Record<string, unknown>;

const NO_CLAIMS = 'the payload is not a JSON claims set (or is not decrypted yet), so there is nothing to check';

/**
 * Checks the time claims against `now` and the identity claims against what
 * the user expects. Never throws; every check says why it passed or not.
 */
export function checkClaims(header: Json | null, payload: Json | null, options: ClaimCheckOptions): ClaimCheckResult {
  const skew = Number.isFinite(options.clockSkewSeconds) && (options.clockSkewSeconds ?? 0) > 0 ? (options.clockSkewSeconds as number) : 0;
  const expected = options.expected ?? {};
  const nowSeconds = options.now / 1000;
  const checks: ClaimCheck[] = payload
    ? [
        checkExp(payload.exp, options.now, nowSeconds, skew),
        checkNbf(payload.nbf, options.now, nowSeconds, skew),
        checkIat(payload.iat, options.now, nowSeconds, skew),
        checkExact('iss', 'issuer', payload.iss, expected.iss),
        checkAud(payload.aud, expected.aud),
        checkExact('sub', 'subject', payload.sub, expected.sub),
      ]
    : (['exp', 'nbf', 'iat', 'iss', 'aud', 'sub'] as const).map((claim) => ({ claim, status: 'skip' as const, message: NO_CLAIMS }));
  checks.push(checkTyp(header?.typ, expected.typ));
  return { checks, summary: summarize(checks) };
}

function skewText(skew: number): string {
  return `${skew}-second clock skew`;
}

function malformed(claim: 'exp' | 'nbf' | 'iat', value: unknown, now: number): ClaimCheck | null {
  const d = describeTime(value, now, claim);
  if (d.ok) return null;
  // A milliseconds value still parses as a (far-future) number, so verifiers accept it: a warning, not a failure.
  const status = d.problem === 'milliseconds' || d.problem === 'microseconds' ? 'warn' : 'fail';
  return { claim, status, message: d.message };
}

function checkExp(exp: unknown, now: number, nowSeconds: number, skew: number): ClaimCheck {
  if (exp === undefined) return { claim: 'exp', status: 'warn', message: 'no exp claim: the token never expires.' };
  const bad = malformed('exp', exp, now);
  if (bad) return bad;
  const seconds = exp as number;
  const d = describeTime(seconds, now, 'exp');
  const when = `${d.ok ? d.status : ''} (${isoUtc(seconds)})`;
  if (nowSeconds < seconds) return { claim: 'exp', status: 'pass', message: when };
  if (nowSeconds < seconds + skew) {
    return { claim: 'exp', status: 'warn', message: `${when}, accepted within the ${skewText(skew)}.` };
  }
  return { claim: 'exp', status: 'fail', message: skew > 0 ? `${when}, beyond the ${skewText(skew)}.` : when };
}

function checkNbf(nbf: unknown, now: number, nowSeconds: number, skew: number): ClaimCheck {
  if (nbf === undefined) return { claim: 'nbf', status: 'skip', message: 'no nbf claim: valid from the moment it was issued.' };
  const bad = malformed('nbf', nbf, now);
  if (bad) return bad;
  const seconds = nbf as number;
  const d = describeTime(seconds, now, 'nbf');
  const when = `${d.ok ? d.status : ''} (${isoUtc(seconds)})`;
  if (nowSeconds >= seconds) return { claim: 'nbf', status: 'pass', message: when };
  if (nowSeconds + skew >= seconds) {
    return { claim: 'nbf', status: 'warn', message: `${when}, accepted within the ${skewText(skew)}.` };
  }
  return { claim: 'nbf', status: 'fail', message: skew > 0 ? `${when}, beyond the ${skewText(skew)}.` : when };
}

function checkIat(iat: unknown, now: number, nowSeconds: number, skew: number): ClaimCheck {
  if (iat === undefined) return { claim: 'iat', status: 'skip', message: 'no iat claim: the token does not say when it was issued.' };
  const bad = malformed('iat', iat, now);
  if (bad) return bad;
  const seconds = iat as number;
  const d = describeTime(seconds, now, 'iat');
  const when = `${d.ok ? d.status : ''} (${isoUtc(seconds)})`;
  if (seconds <= nowSeconds + skew) return { claim: 'iat', status: 'pass', message: when };
  return { claim: 'iat', status: 'warn', message: `${when}: the issuer's clock is ahead, or the token was made by hand.` };
}

const given = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function nearMiss(actual: string, wanted: string): string {
  if (trimEndChar(actual, '/') === trimEndChar(wanted, '/')) return ' (they differ only by a trailing slash; values are compared exactly)';
  if (actual.toLowerCase() === wanted.toLowerCase()) return ' (they differ only in letter case; values are compared exactly)';
  if (actual.trim() === wanted.trim()) return ' (they differ only in surrounding spaces)';
  return '';
}

function checkExact(claim: 'iss' | 'sub', noun: string, actual: unknown, wanted: string | undefined): ClaimCheck {
  if (!given(wanted)) {
    const note = actual === undefined ? `no ${claim} claim` : `${claim} is ${show(actual)}`;
    return { claim, status: 'skip', message: `${note}; enter an expected ${noun} to check it.` };
  }
  if (actual === undefined) return { claim, status: 'fail', message: `the token has no ${claim} claim; expected "${wanted}".` };
  if (typeof actual !== 'string') return { claim, status: 'fail', message: `${claim} is ${show(actual)}, not a string; expected "${wanted}".` };
  if (actual === wanted) return { claim, status: 'pass', message: `${claim} is "${actual}", as expected.` };
  return { claim, status: 'fail', message: `${claim} is "${actual}", expected "${wanted}"${nearMiss(actual, wanted)}.` };
}

function checkAud(actual: unknown, wanted: string | undefined): ClaimCheck {
  if (!given(wanted)) {
    const note = actual === undefined ? 'no aud claim' : `aud is ${show(actual)}`;
    return { claim: 'aud', status: 'skip', message: `${note}; enter an expected audience to check it.` };
  }
  if (actual === undefined) return { claim: 'aud', status: 'fail', message: `the token has no aud claim; expected "${wanted}".` };
  // RFC 7519 §4.1.3: a single string or an array of strings.
  const list = typeof actual === 'string' ? [actual] : Array.isArray(actual) ? actual : null;
  if (!list || list.some((a) => typeof a !== 'string')) {
    return { claim: 'aud', status: 'fail', message: `aud is ${show(actual)}; it must be a string or an array of strings.` };
  }
  if (list.includes(wanted)) {
    return { claim: 'aud', status: 'pass', message: Array.isArray(actual) ? `aud includes "${wanted}".` : `aud is "${wanted}", as expected.` };
  }
  const hint = list.map((a) => nearMiss(a as string, wanted)).find((h) => h !== '') ?? '';
  return {
    claim: 'aud',
    status: 'fail',
    message: Array.isArray(actual) ? `aud ${show(actual)} does not include "${wanted}"${hint}.` : `aud is "${actual}", expected "${wanted}"${hint}.`,
  };
}

/**
 * RFC 7515 §4.1.9 / RFC 8725 §3.11: media types compare case-insensitively,
 * and "application/" may be left off when no other "/" appears.
 */
export function normalizeTyp(typ: string): string {
  const lower = typ.trim().toLowerCase();
  return lower.startsWith('application/') && !lower.slice('application/'.length).includes('/') ? lower.slice('application/'.length) : lower;
}

function checkTyp(actual: unknown, wanted: string | undefined): ClaimCheck {
  if (!given(wanted)) {
    const note = actual === undefined ? 'no typ header' : `typ is ${show(actual)}`;
    return { claim: 'typ', status: 'skip', message: `${note}; enter an expected type (e.g. at+jwt) to check it.` };
  }
  if (actual === undefined) return { claim: 'typ', status: 'fail', message: `the header has no typ; expected "${wanted}".` };
  if (typeof actual !== 'string') return { claim: 'typ', status: 'fail', message: `typ is ${show(actual)}, not a string; expected "${wanted}".` };
  if (normalizeTyp(actual) === normalizeTyp(wanted)) {
    const exact = actual === wanted ? '' : ' (compared case-insensitively, with or without "application/")';
    return { claim: 'typ', status: 'pass', message: `typ is "${actual}", as expected${exact}.` };
  }
  return { claim: 'typ', status: 'fail', message: `typ is "${actual}", expected "${wanted}".` };
}

/** The one-line state shown beside the signature status. */
export function summarize(checks: readonly ClaimCheck[]): ClaimSummary {
  const fails = checks.filter((c) => c.status === 'fail');
  const warns = checks.filter((c) => c.status === 'warn');
  const others = (n: number) => (n > 0 ? `; ${n} other check${n === 1 ? '' : 's'} failed` : '');
  const expired = fails.find((c) => c.claim === 'exp' && c.message.startsWith('expired'));
  if (expired) return { state: 'expired', message: `token ${stripPeriod(expired.message)}${others(fails.length - 1)}` };
  const early = fails.find((c) => c.claim === 'nbf' && c.message.startsWith('not valid'));
  if (early) return { state: 'not-yet-valid', message: `token ${stripPeriod(early.message)}${others(fails.length - 1)}` };
  const first = fails[0];
  if (first) return { state: 'mismatch', message: `${stripPeriod(first.message)}${others(fails.length - 1)}` };
  const warn = warns[0];
  if (warn) {
    return { state: 'ok-with-warnings', message: `claims accepted with ${warns.length} warning${warns.length === 1 ? '' : 's'}: ${stripPeriod(warn.message)}` };
  }
  if (checks.every((c) => c.status === 'skip')) return { state: 'ok', message: 'no claims checked' };
  return { state: 'ok', message: 'all claim checks pass' };
}

function stripPeriod(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}
