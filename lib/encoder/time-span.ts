/** Reading a span of time the user types for "exp = now + …": "90", "15m", "2h", "1d 12h", "1w". */
import { t } from './messages';

const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
};

export type SpanResult = { ok: true; seconds: number } | { ok: false; error: string };

/** Seconds in a span such as "90" (seconds), "15m", "2h30m", "1 day". */
export function parseSpan(text: string): SpanResult {
  const input = text.trim().toLowerCase();
  if (input === '') return { ok: false, error: t('encoder.spanEmpty') };
  if (/^\d+$/.test(input)) return checkRange(Number(input));
  const part = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
  let seconds = 0;
  let consumed = 0;
  for (let match = part.exec(input); match; match = part.exec(input)) {
    const unit = Object.hasOwn(UNIT_SECONDS, match[2]!) ? UNIT_SECONDS[match[2]!] : undefined;
    if (unit === undefined) return { ok: false, error: t('encoder.spanBadUnit', { unit: match[2] }) };
    seconds += Number(match[1]) * unit;
    consumed = part.lastIndex;
  }
  if (consumed !== input.length) return { ok: false, error: t('encoder.spanBad', { text: text.trim() }) };
  return checkRange(Math.round(seconds));
}

function checkRange(seconds: number): SpanResult {
  if (seconds <= 0) return { ok: false, error: t('encoder.spanNotPositive') };
  // Beyond ~100 years a NumericDate stops meaning anything useful for a test token.
  if (seconds > 100 * 365 * 86400) return { ok: false, error: t('encoder.spanTooLong') };
  return { ok: true, seconds };
}
