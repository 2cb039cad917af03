/**
 * Dates, spans and relative times in the active language, through the
 * platform's Intl formatters (no catalog needed: the browser knows how each
 * language writes "3 hours ago"). Formatters are made once per language, since
 * building one costs milliseconds and times are formatted on every keystroke.
 */
import { activeLocale } from './translate';

/** The units a span is rounded to, smallest first. */
export type SpanUnit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

const UNITS: ReadonlyArray<readonly [unit: SpanUnit, seconds: number, limit: number]> = [
  ['second', 1, 60],
  ['minute', 60, 60],
  ['hour', 3600, 24],
  ['day', 86400, 30],
  ['month', 2629800, 12], // an average month, 30.44 days
  ['year', 31557600, Infinity],
];

/**
 * A span as one rounded unit: 89 seconds is 1 minute, 59.6 seconds is 1 minute
 * too (never 60 seconds), 36 hours is 2 days. The sign is dropped; a span that
 * is not finite is Infinity years.
 */
export function roundSpan(seconds: number): { count: number; unit: SpanUnit } {
  const abs = Math.abs(seconds);
  if (!Number.isFinite(abs)) return { count: Infinity, unit: 'year' };
  for (const [unit, size, limit] of UNITS) {
    const count = Math.round(abs / size);
    if (count < limit) return { count, unit };
  }
  /* c8 ignore next */
  throw new Error('unreachable: the last unit has no limit');
}

function cached<F>(make: (locale: string) => F): (locale: string) => F {
  const made = new Map<string, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = make(locale)));
    return formatter;
  };
}

const unitFormats = new Map<SpanUnit, (locale: string) => Intl.NumberFormat>(
  UNITS.map(([unit]) => [unit, cached((locale) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', useGrouping: false }))]),
);
const relativeFormat = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }));
const nowFormat = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const listFormat = cached((locale) => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }));
const dateTimeFormat = cached(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    }),
);

/** "5 minutes", "1 Stunde", "3 日": a count of one unit, digits never grouped (years can run to 275760). */
export function formatUnitCount(count: number, unit: SpanUnit): string {
  return unitFormats.get(unit)!(activeLocale()).format(count);
}

/** Several unit counts as one duration: "1 hour 30 minutes", "1 Stunde, 30 Minuten". */
export function formatUnitList(parts: readonly string[]): string {
  return listFormat(activeLocale()).format(parts);
}

/**
 * A signed span relative to now, rounded to one unit: "in 5 minutes", "3 hours
 * ago", "now" (under half a second), or the same in the active language.
 * Counts are written without grouping, like formatUnitCount. Not-finite spans
 * come back as "+∞" or "−∞", since no language has words for them.
 */
export function formatRelative(seconds: number): string {
  if (Number.isNaN(seconds)) return '';
  if (!Number.isFinite(seconds)) return seconds > 0 ? '+∞' : '−∞';
  const { count, unit } = roundSpan(seconds);
  const locale = activeLocale();
  // "numeric: auto" only for zero: it would also turn "1 day ago" into "yesterday".
  if (count === 0) return nowFormat(locale).format(0, 'second');
  return relativeFormat(locale)
    .formatToParts(seconds < 0 ? -count : count, unit)
    .filter((part) => part.type !== 'group')
    .map((part) => part.value)
    .join('');
}

/** The date and time in the user's time zone, written the active language's way; '' for an invalid date. */
export function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(activeLocale()).format(date);
}
