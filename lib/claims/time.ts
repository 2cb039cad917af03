/**
 * Time claims in words: the UTC date, the local time, "in 5 minutes",
 * "expired 3 hours ago", and the mistakes people make with NumericDate
 * (RFC 7519 §2: seconds since the epoch, a JSON number, fractions allowed).
 */
import { lookupClaim } from './catalogue';
import { t } from './messages';
import { formatDateTime, formatRelative, formatUnitCount, formatUnitList, roundSpan } from '../i18n/format';

/** How a NumericDate reads, once it is known to be one. */
export interface TimeReading {
  /** The NumericDate in seconds. */
  seconds: number;
  /** ISO-8601 UTC, e.g. "2026-11-27T03:45:52Z" (milliseconds only when not whole). */
  iso: string;
  /** The same instant in the user's time zone. */
  local: string;
  /** "in 5 minutes", "2 days ago" or "now". */
  relative: string;
  tense: 'past' | 'now' | 'future';
}

export type TimeDescription =
  | (TimeReading & {
      ok: true;
      /** What the claim means at this moment, e.g. "expired 3 hours ago". */
      status: string;
    })
  | {
      ok: false;
      problem: 'string' | 'milliseconds' | 'microseconds' | 'out-of-range' | 'not-a-number';
      /** A sentence naming the claim and what NumericDate should be. */
      message: string;
      /** The most likely intended reading, when there is one (e.g. the value read as milliseconds). */
      likely?: TimeReading;
    };

export interface TimeOptions {
  /** Formats the local time; injectable so tests do not depend on the machine's locale and zone. */
  formatLocal?: (date: Date) => string;
}

// Date's own limits: ±8.64e15 ms around the epoch.
const MAX_SECONDS = 8.64e12;
// Any milliseconds value after 1973-03-03 exceeds 1e11, which as seconds is year 5138.
const MILLISECONDS_ABOVE = 1e11;
const MICROSECONDS_ABOVE = 1e14;

/** ISO-8601 UTC without ".000" when the time is a whole second. */
export function isoUtc(seconds: number): string {
  if (!inDateRange(seconds)) return t('claims.beyondDateRange', { number: rawNumber(seconds) });
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Whether `new Date(seconds * 1000)` is a valid date (±8.64e12 seconds, the years −271821 to 275760). */
export function inDateRange(seconds: number): boolean {
  return Number.isFinite(seconds) && Math.abs(seconds) <= MAX_SECONDS;
}

/** A number as text: digits in full below 1e21, "-0" for negative zero, "Infinity" (never JSON's "null"). */
export function rawNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * A span as one rounded unit: 89 seconds is "1 minute", 59.6 seconds is
 * "1 minute" too (never "60 seconds"), 36 hours is "2 days". The text is in the
 * active language; `unit` stays the English unit name.
 */
export function approximateSpan(seconds: number): { count: number; unit: string; text: string } {
  const { count, unit } = roundSpan(seconds);
  if (!Number.isFinite(count)) return { count, unit, text: t('claims.moreYearsThanANumberHolds') };
  return { count, unit, text: formatUnitCount(count, unit) };
}

/** An exact duration in at most two units: "1 hour", "90 days", "1 hour 30 minutes". */
export function exactDuration(seconds: number): string {
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return formatUnitCount(0, 'second');
  if (!Number.isFinite(rest)) return t('claims.longerThanANumberHolds');
  if (rest > MAX_SECONDS) return approximateSpan(rest).text;
  const parts: string[] = [];
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]] as const) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(formatUnitCount(count, unit));
  }
  return formatUnitList(parts.slice(0, 2));
}

function read(seconds: number, now: number, options: TimeOptions): TimeReading {
  const delta = seconds - now / 1000;
  const span = approximateSpan(delta);
  const tense = span.count === 0 && span.unit === 'second' ? 'now' : delta > 0 ? 'future' : 'past';
  const relative = formatRelative(delta);
  const local = (options.formatLocal ?? formatDateTime)(new Date(seconds * 1000));
  return { seconds, iso: isoUtc(seconds), local, relative, tense };
}

/** "valid for 5 more minutes": one message per unit, since languages word the count and unit together. */
function validForMore(count: number, unit: string): string {
  // The count is also passed as text, so a count in years is written without grouping.
  const values = { n: count, count: String(count) };
  switch (unit) {
    case 'second':
      return t('claims.expValidForMoreSeconds', values);
    case 'minute':
      return t('claims.expValidForMoreMinutes', values);
    case 'hour':
      return t('claims.expValidForMoreHours', values);
    case 'day':
      return t('claims.expValidForMoreDays', values);
    case 'month':
      return t('claims.expValidForMoreMonths', values);
    default:
      return t('claims.expValidForMoreYears', values);
  }
}

function statusFor(claim: string | undefined, r: TimeReading, delta: number): string {
  const span = approximateSpan(delta);
  const justNow = r.tense === 'now';
  const relative = r.relative;
  switch (claim) {
    case 'exp':
      // RFC 7519 §4.1.4: the token must not be accepted on or after exp.
      if (delta <= 0) return justNow ? t('claims.expExpiredJustNow') : t('claims.expExpired', { relative });
      if (justNow) return t('claims.expValidForLessThanASecond');
      return validForMore(span.count, span.unit);
    case 'nbf':
      if (r.tense === 'future') return t('claims.nbfNotValidForAnother', { span: span.text });
      return justNow ? t('claims.nbfValidSinceJustNow') : t('claims.nbfValidSince', { relative });
    case 'iat':
      if (r.tense === 'future') return t('claims.iatInFuture', { relative });
      return justNow ? t('claims.iatIssuedJustNow') : t('claims.iatIssued', { relative });
    case 'auth_time':
      if (r.tense === 'future') return t('claims.authTimeInFuture', { relative });
      return justNow ? t('claims.authTimeJustNow') : t('claims.authTimeAgo', { relative });
    case 'updated_at':
      if (r.tense === 'future') return t('claims.updatedAtInFuture', { relative });
      return justNow ? t('claims.updatedAtJustNow') : t('claims.updatedAtAgo', { relative });
    case 'toe':
      if (r.tense === 'future') return t('claims.toeInFuture', { relative });
      return justNow ? t('claims.toeJustNow') : t('claims.toeAgo', { relative });
    default:
      return r.relative;
  }
}

function yearOf(seconds: number): string {
  return Math.abs(seconds) <= MAX_SECONDS ? String(new Date(seconds * 1000).getUTCFullYear()) : t('claims.yearBeyondDates');
}

/** What a value that is not a number is, for "exp is an array": null, array, object or its typeof. */
function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Describes a time claim's value at the instant `now` (milliseconds since the epoch).
 * Values that are not a NumericDate come back as `{ ok: false }` with a sentence
 * and, when the intent is guessable, the likely reading.
 */
export function describeTime(value: unknown, now: number, claim?: string, options: TimeOptions = {}): TimeDescription {
  const label = claim ?? t('claims.thisValue');
  if (typeof value === 'string') {
    const asNumber = value.trim() === '' ? NaN : Number(value);
    const asDate = Number.isFinite(asNumber) ? asNumber : Date.parse(value) / 1000;
    const likely = Number.isFinite(asDate) && Math.abs(asDate) <= MAX_SECONDS ? read(asDate, now, options) : undefined;
    return {
      ok: false,
      problem: 'string',
      message: likely ? t('claims.timeIsStringReadsAs', { label, iso: likely.iso }) : t('claims.timeIsString', { label }),
      ...(likely ? { likely } : {}),
    };
  }
  if (typeof value === 'number' && (value === Infinity || value === -Infinity)) {
    return { ok: false, problem: 'out-of-range', message: t('claims.timeOverflows', { label, value: String(value) }) };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { ok: false, problem: 'not-a-number', message: t('claims.timeNotANumber', { label, kind: kindOf(value) }) };
  }
  if (Math.abs(value) > MICROSECONDS_ABOVE && !inDateRange(value / 1e6)) {
    return { ok: false, problem: 'out-of-range', message: t('claims.timeBeyondAnyDate', { label, value: rawNumber(value) }) };
  }
  if (Math.abs(value) > MICROSECONDS_ABOVE) {
    const likely = read(value / 1e6, now, options);
    return {
      ok: false,
      problem: 'microseconds',
      message: t('claims.timeLooksLikeMicroseconds', { label, year: yearOf(value), iso: likely.iso }),
      likely,
    };
  }
  if (Math.abs(value) > MILLISECONDS_ABOVE) {
    const likely = read(value / 1000, now, options);
    return {
      ok: false,
      problem: 'milliseconds',
      message: t('claims.timeLooksLikeMilliseconds', { label, year: yearOf(value), iso: likely.iso }),
      likely,
    };
  }
  const reading = read(value, now, options);
  return { ok: true, ...reading, status: statusFor(claim, reading, value - now / 1000) };
}

const DATE_NAME = /(_at|_time|At|Time|time)$/;
const DURATION_NAME = /(life|up|run)time$/i;
// 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z: integers in this range are plausibly dates.
const PLAUSIBLE_FROM = 946684800;
const PLAUSIBLE_TO = 4102444800;

/**
 * Whether a claim should be shown as a date: the catalogue's NumericDate claims
 * (whatever their value, so a string `exp` gets flagged), and numbers whose name
 * or size says date, unless the catalogue knows the claim as something else.
 */
export function isLikelyTimeClaim(name: string, value: unknown): boolean {
  const info = lookupClaim(name, 'payload');
  if (info?.type === 'NumericDate') return value !== undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (info && !info.pattern) return false;
  if (DATE_NAME.test(name) && !DURATION_NAME.test(name)) return true;
  return Number.isInteger(value) && value >= PLAUSIBLE_FROM && value < PLAUSIBLE_TO;
}

export interface Lifetime {
  /** exp − iat (or exp − nbf without iat), in seconds; null without both ends. */
  seconds: number | null;
  /** The span in words: "1 hour", "90 days". */
  text: string | null;
  /** Which claim the span is measured from. */
  from: 'iat' | 'nbf' | null;
  /** Sentences about impossible or suspicious combinations. */
  warnings: string[];
}

const numeric = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The token's lifetime and what is wrong with its time claims taken together.
 * `now` (milliseconds) is needed only to notice an `iat` in the future.
 */
export function lifetime(payload: Record<string, unknown>, now?: number): Lifetime {
  const exp = numeric(payload.exp);
  const iat = numeric(payload.iat);
  const nbf = numeric(payload.nbf);
  const warnings: string[] = [];
  if (exp !== undefined && nbf !== undefined && exp <= nbf) {
    warnings.push(exp === nbf ? t('claims.lifetimeExpEqualsNbf') : t('claims.lifetimeExpBeforeNbf'));
  }
  if (exp !== undefined && iat !== undefined && exp < iat) {
    warnings.push(t('claims.lifetimeExpBeforeIat', { duration: exactDuration(iat - exp) }));
  }
  if (iat !== undefined && now !== undefined && iat > now / 1000) {
    warnings.push(t('claims.lifetimeIatInFuture', { span: approximateSpan(iat - now / 1000).text }));
  }
  const start = iat ?? nbf;
  const from = iat !== undefined ? 'iat' : nbf !== undefined ? 'nbf' : null;
  if (exp === undefined || start === undefined) return { seconds: null, text: null, from, warnings };
  const seconds = exp - start;
  return { seconds, text: seconds < 0 ? t('claims.lifetimeNegative', { duration: exactDuration(seconds) }) : exactDuration(seconds), from, warnings };
}
