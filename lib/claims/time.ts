/**
 * Time claims in words: the UTC date, the local time, "in 5 minutes",
 * "expired 3 hours ago", and the mistakes people make with NumericDate
 * (RFC 7519 §2: seconds since the epoch, a JSON number, fractions allowed).
 */
import { lookupClaim } from './catalogue';

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

// toLocaleString builds a new formatter on every call (milliseconds each, and
// every time claim is formatted on each keystroke); one formatter, made once, is reused.
let localFormat: Intl.DateTimeFormat | null = null;
const defaultFormatLocal = (date: Date): string => {
  localFormat ??= new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    timeZoneName: 'short',
  });
  return localFormat.format(date);
};

/** ISO-8601 UTC without ".000" when the time is a whole second. */
export function isoUtc(seconds: number): string {
  if (!inDateRange(seconds)) return `${rawNumber(seconds)} (beyond the range of dates)`;
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

const UNITS: ReadonlyArray<readonly [unit: string, seconds: number, limit: number]> = [
  ['second', 1, 60],
  ['minute', 60, 60],
  ['hour', 3600, 24],
  ['day', 86400, 30],
  ['month', 2629800, 12], // an average month, 30.44 days
  ['year', 31557600, Infinity],
];

/**
 * A span as one rounded unit: 89 seconds is "1 minute", 59.6 seconds is
 * "1 minute" too (never "60 seconds"), 36 hours is "2 days".
 */
export function approximateSpan(seconds: number): { count: number; unit: string; text: string } {
  const abs = Math.abs(seconds);
  if (!Number.isFinite(abs)) return { count: Infinity, unit: 'year', text: 'more years than a number can hold' };
  for (const [unit, size, limit] of UNITS) {
    const count = Math.round(abs / size);
    if (count < limit) return { count, unit, text: plural(count, unit) };
  }
  /* c8 ignore next */
  throw new Error('unreachable: the last unit has no limit');
}

/** An exact duration in at most two units: "1 hour", "90 days", "1 hour 30 minutes". */
export function exactDuration(seconds: number): string {
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return '0 seconds';
  if (!Number.isFinite(rest)) return 'longer than a number can hold';
  if (rest > MAX_SECONDS) return approximateSpan(rest).text;
  const parts: string[] = [];
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]] as const) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(plural(count, unit));
  }
  return parts.slice(0, 2).join(' ');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function read(seconds: number, now: number, options: TimeOptions): TimeReading {
  const delta = seconds - now / 1000;
  const span = approximateSpan(delta);
  const tense = span.count === 0 && span.unit === 'second' ? 'now' : delta > 0 ? 'future' : 'past';
  const relative = tense === 'now' ? 'now' : tense === 'future' ? `in ${span.text}` : `${span.text} ago`;
  const local = (options.formatLocal ?? defaultFormatLocal)(new Date(seconds * 1000));
  return { seconds, iso: isoUtc(seconds), local, relative, tense };
}

function statusFor(claim: string | undefined, r: TimeReading, delta: number): string {
  const span = approximateSpan(delta);
  const since = r.tense === 'now' ? 'just now' : r.relative;
  switch (claim) {
    case 'exp':
      // RFC 7519 §4.1.4: the token must not be accepted on or after exp.
      if (delta <= 0) return `expired ${since}`;
      if (r.tense === 'now') return 'valid for less than a second more';
      return `valid for ${span.count} more ${span.count === 1 ? span.unit : `${span.unit}s`}`;
    case 'nbf':
      return r.tense === 'future' ? `not valid for another ${span.text}` : `valid since ${since}`;
    case 'iat':
      return r.tense === 'future' ? `issued in the future (${r.relative})` : `issued ${since}`;
    case 'auth_time':
      return r.tense === 'future' ? `authentication time is in the future (${r.relative})` : `authenticated ${since}`;
    case 'updated_at':
      return r.tense === 'future' ? `updated in the future (${r.relative})` : `updated ${since}`;
    case 'toe':
      return r.tense === 'future' ? `event time is in the future (${r.relative})` : `event happened ${since}`;
    default:
      return r.relative;
  }
}

function yearOf(seconds: number): string {
  return Math.abs(seconds) <= MAX_SECONDS ? String(new Date(seconds * 1000).getUTCFullYear()) : 'beyond 275760';
}

/**
 * Describes a time claim's value at the instant `now` (milliseconds since the epoch).
 * Values that are not a NumericDate come back as `{ ok: false }` with a sentence
 * and, when the intent is guessable, the likely reading.
 */
export function describeTime(value: unknown, now: number, claim?: string, options: TimeOptions = {}): TimeDescription {
  const label = claim ?? 'this value';
  if (typeof value === 'string') {
    const asNumber = value.trim() === '' ? NaN : Number(value);
    const asDate = Number.isFinite(asNumber) ? asNumber : Date.parse(value) / 1000;
    const likely = Number.isFinite(asDate) && Math.abs(asDate) <= MAX_SECONDS ? read(asDate, now, options) : undefined;
    return {
      ok: false,
      problem: 'string',
      message: `${label} is a string; NumericDate is a number of seconds${likely ? ` (this string reads as ${likely.iso})` : ''}.`,
      ...(likely ? { likely } : {}),
    };
  }
  if (typeof value === 'number' && (value === Infinity || value === -Infinity)) {
    return {
      ok: false,
      problem: 'out-of-range',
      message: `${label} is a number too large for JavaScript: it overflows to ${value} (JSON.stringify shows it as null); NumericDate is a number of seconds since 1970-01-01T00:00:00Z.`,
    };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
    return { ok: false, problem: 'not-a-number', message: `${label} is ${kind}; NumericDate is a number of seconds since 1970-01-01T00:00:00Z.` };
  }
  if (Math.abs(value) > MICROSECONDS_ABOVE && !inDateRange(value / 1e6)) {
    return {
      ok: false,
      problem: 'out-of-range',
      message: `${label} is ${rawNumber(value)}, beyond any date: even read as microseconds it is past the year 275760, where dates end (±8.64e12 seconds).`,
    };
  }
  if (Math.abs(value) > MICROSECONDS_ABOVE) {
    const likely = read(value / 1e6, now, options);
    return {
      ok: false,
      problem: 'microseconds',
      message: `${label} looks like microseconds; NumericDate is seconds — read as seconds this would be the year ${yearOf(value)}; read as microseconds it is ${likely.iso}.`,
      likely,
    };
  }
  if (Math.abs(value) > MILLISECONDS_ABOVE) {
    const likely = read(value / 1000, now, options);
    return {
      ok: false,
      problem: 'milliseconds',
      message: `${label} looks like milliseconds; NumericDate is seconds — this would be the year ${yearOf(value)}; read as milliseconds it is ${likely.iso}.`,
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
    warnings.push(`exp is ${exp === nbf ? 'equal to' : 'before'} nbf: the token is never valid.`);
  }
  if (exp !== undefined && iat !== undefined && exp < iat) {
    warnings.push(`exp is before iat: the token expired ${exactDuration(iat - exp)} before it was issued.`);
  }
  if (iat !== undefined && now !== undefined && iat > now / 1000) {
    warnings.push(`iat is in the future (${approximateSpan(iat - now / 1000).text} from now): the issuer's clock is ahead, or the token was made by hand.`);
  }
  const start = iat ?? nbf;
  const from = iat !== undefined ? 'iat' : nbf !== undefined ? 'nbf' : null;
  if (exp === undefined || start === undefined) return { seconds: null, text: null, from, warnings };
  const seconds = exp - start;
  return { seconds, text: seconds < 0 ? `minus ${exactDuration(seconds)}` : exactDuration(seconds), from, warnings };
}
