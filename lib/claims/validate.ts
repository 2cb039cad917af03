/**
 * Claim checks, kept apart from the signature: a validly signed expired token
 * is "signature verified, token expired", not "invalid".
 */
import { describeTime, isoUtc } from './time';
import { trimEndChar } from '../format/trim';
import { t } from './messages';

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
        checkExact('iss', payload.iss, expected.iss),
        checkAud(payload.aud, expected.aud),
        checkExact('sub', payload.sub, expected.sub),
      ]
    : (['exp', 'nbf', 'iat', 'iss', 'aud', 'sub'] as const).map((claim) => ({ claim, status: 'skip' as const, message: t('claims.checkNoClaimsSet') }));
  checks.push(checkTyp(header?.typ, expected.typ));
  return { checks, summary: summarize(checks) };
}

// Which failed checks are an expiry or a not-yet-valid token, for the summary line (their
// messages are in the active language, so the summary cannot recognise them by their words).
const TIME_FAILURES = new WeakMap<ClaimCheck, 'expired' | 'not-yet-valid'>();

function marked(check: ClaimCheck, failure: 'expired' | 'not-yet-valid' | null): ClaimCheck {
  if (failure) TIME_FAILURES.set(check, failure);
  return check;
}

/** "expired 3 hours ago (2026-…Z)" and, when the clock skew decided it, how. */
function withinSkew(when: string, skew: number): string {
  return t('claims.checkAcceptedWithinSkew', { when, skew });
}

function beyondSkew(when: string, skew: number): string {
  return skew > 0 ? t('claims.checkBeyondSkew', { when, skew }) : when;
}

function statusWithIso(status: string, seconds: number): string {
  return t('claims.checkStatusWithIso', { status, iso: isoUtc(seconds) });
}

function malformed(claim: 'exp' | 'nbf' | 'iat', value: unknown, now: number): ClaimCheck | null {
  const d = describeTime(value, now, claim);
  if (d.ok) return null;
  // A milliseconds value still parses as a (far-future) number, so verifiers accept it: a warning, not a failure.
  const status = d.problem === 'milliseconds' || d.problem === 'microseconds' ? 'warn' : 'fail';
  return { claim, status, message: d.message };
}

function checkExp(exp: unknown, now: number, nowSeconds: number, skew: number): ClaimCheck {
  if (exp === undefined) return { claim: 'exp', status: 'warn', message: t('claims.checkNoExp') };
  const bad = malformed('exp', exp, now);
  if (bad) return bad;
  const seconds = exp as number;
  const d = describeTime(seconds, now, 'exp');
  const when = statusWithIso(d.ok ? d.status : '', seconds);
  if (nowSeconds < seconds) return { claim: 'exp', status: 'pass', message: when };
  if (nowSeconds < seconds + skew) return { claim: 'exp', status: 'warn', message: withinSkew(when, skew) };
  const expired = d.ok && seconds <= nowSeconds;
  return marked({ claim: 'exp', status: 'fail', message: beyondSkew(when, skew) }, expired ? 'expired' : null);
}

function checkNbf(nbf: unknown, now: number, nowSeconds: number, skew: number): ClaimCheck {
  if (nbf === undefined) return { claim: 'nbf', status: 'skip', message: t('claims.checkNoNbf') };
  const bad = malformed('nbf', nbf, now);
  if (bad) return bad;
  const seconds = nbf as number;
  const d = describeTime(seconds, now, 'nbf');
  const when = statusWithIso(d.ok ? d.status : '', seconds);
  if (nowSeconds >= seconds) return { claim: 'nbf', status: 'pass', message: when };
  if (nowSeconds + skew >= seconds) return { claim: 'nbf', status: 'warn', message: withinSkew(when, skew) };
  const early = d.ok && d.tense === 'future';
  return marked({ claim: 'nbf', status: 'fail', message: beyondSkew(when, skew) }, early ? 'not-yet-valid' : null);
}

function checkIat(iat: unknown, now: number, nowSeconds: number, skew: number): ClaimCheck {
  if (iat === undefined) return { claim: 'iat', status: 'skip', message: t('claims.checkNoIat') };
  const bad = malformed('iat', iat, now);
  if (bad) return bad;
  const seconds = iat as number;
  const d = describeTime(seconds, now, 'iat');
  const when = statusWithIso(d.ok ? d.status : '', seconds);
  if (seconds <= nowSeconds + skew) return { claim: 'iat', status: 'pass', message: when };
  return { claim: 'iat', status: 'warn', message: t('claims.checkIatAhead', { when }) };
}

const given = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Why two values that look alike still differ; '' when they do not look alike. */
function nearMiss(actual: string, wanted: string): string {
  if (trimEndChar(actual, '/') === trimEndChar(wanted, '/')) return t('claims.checkNearMissSlash');
  if (actual.toLowerCase() === wanted.toLowerCase()) return t('claims.checkNearMissCase');
  if (actual.trim() === wanted.trim()) return t('claims.checkNearMissSpaces');
  return '';
}

function checkExact(claim: 'iss' | 'sub', actual: unknown, wanted: string | undefined): ClaimCheck {
  if (!given(wanted)) {
    const message =
      actual === undefined ? t('claims.checkEnterExpectedMissing', { claim }) : t('claims.checkEnterExpected', { claim, value: show(actual) });
    return { claim, status: 'skip', message };
  }
  if (actual === undefined) return { claim, status: 'fail', message: t('claims.checkTokenLacks', { claim, wanted }) };
  if (typeof actual !== 'string') return { claim, status: 'fail', message: t('claims.checkNotAString', { claim, value: show(actual), wanted }) };
  if (actual === wanted) return { claim, status: 'pass', message: t('claims.checkAsExpected', { claim, actual }) };
  return { claim, status: 'fail', message: t('claims.checkMismatch', { claim, actual, wanted, hint: nearMiss(actual, wanted) }) };
}

function checkAud(actual: unknown, wanted: string | undefined): ClaimCheck {
  if (!given(wanted)) {
    const message =
      actual === undefined ? t('claims.checkEnterExpectedMissing', { claim: 'aud' }) : t('claims.checkEnterExpected', { claim: 'aud', value: show(actual) });
    return { claim: 'aud', status: 'skip', message };
  }
  if (actual === undefined) return { claim: 'aud', status: 'fail', message: t('claims.checkTokenLacks', { claim: 'aud', wanted }) };
  // RFC 7519 §4.1.3: a single string or an array of strings.
  const list = typeof actual === 'string' ? [actual] : Array.isArray(actual) ? actual : null;
  if (!list || list.some((a) => typeof a !== 'string')) {
    return { claim: 'aud', status: 'fail', message: t('claims.checkAudShape', { value: show(actual) }) };
  }
  if (list.includes(wanted)) {
    const message = Array.isArray(actual) ? t('claims.checkAudIncludes', { wanted }) : t('claims.checkAsExpected', { claim: 'aud', actual: wanted });
    return { claim: 'aud', status: 'pass', message };
  }
  const hint = list.map((a) => nearMiss(a as string, wanted)).find((h) => h !== '') ?? '';
  return {
    claim: 'aud',
    status: 'fail',
    message: Array.isArray(actual)
      ? t('claims.checkAudLacks', { value: show(actual), wanted, hint })
      : t('claims.checkMismatch', { claim: 'aud', actual: actual as string, wanted, hint }),
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
    const message = actual === undefined ? t('claims.checkTypEnterExpectedMissing') : t('claims.checkTypEnterExpected', { value: show(actual) });
    return { claim: 'typ', status: 'skip', message };
  }
  if (actual === undefined) return { claim: 'typ', status: 'fail', message: t('claims.checkTypMissing', { wanted }) };
  if (typeof actual !== 'string') return { claim: 'typ', status: 'fail', message: t('claims.checkNotAString', { claim: 'typ', value: show(actual), wanted }) };
  if (normalizeTyp(actual) === normalizeTyp(wanted)) {
    const message = actual === wanted ? t('claims.checkAsExpected', { claim: 'typ', actual }) : t('claims.checkTypAsExpectedLoosely', { actual });
    return { claim: 'typ', status: 'pass', message };
  }
  return { claim: 'typ', status: 'fail', message: t('claims.checkMismatch', { claim: 'typ', actual, wanted, hint: '' }) };
}

/** The one-line state shown beside the signature status. */
export function summarize(checks: readonly ClaimCheck[]): ClaimSummary {
  const fails = checks.filter((c) => c.status === 'fail');
  const warns = checks.filter((c) => c.status === 'warn');
  const others = fails.length - 1;
  const expired = fails.find((c) => c.claim === 'exp' && TIME_FAILURES.get(c) === 'expired');
  if (expired) return { state: 'expired', message: t('claims.summaryToken', { check: stripPeriod(expired.message), others }) };
  const early = fails.find((c) => c.claim === 'nbf' && TIME_FAILURES.get(c) === 'not-yet-valid');
  if (early) return { state: 'not-yet-valid', message: t('claims.summaryToken', { check: stripPeriod(early.message), others }) };
  const first = fails[0];
  if (first) return { state: 'mismatch', message: t('claims.summaryMismatch', { check: stripPeriod(first.message), others }) };
  const warn = warns[0];
  if (warn) return { state: 'ok-with-warnings', message: t('claims.summaryWarnings', { count: warns.length, check: stripPeriod(warn.message) }) };
  if (checks.every((c) => c.status === 'skip')) return { state: 'ok', message: t('claims.summaryNothingChecked') };
  return { state: 'ok', message: t('claims.summaryAllPass') };
}

/** A sentence's closing full stop (or the ideographic one) dropped, to continue it in another. */
function stripPeriod(s: string): string {
  return s.endsWith('.') || s.endsWith('。') ? s.slice(0, -1) : s;
}
