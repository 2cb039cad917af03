/**
 * The `at` link parameter: an ISO 8601 date-time that claim checks, relative
 * times and certificate validity are judged as of, instead of now.
 */

// 2026-11-30T14:02, with optional seconds, fraction and zone; a date alone means its midnight.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Milliseconds since the epoch for an ISO 8601 date-time, or undefined when the
 * text is not one (or names a day that does not exist). Without a zone it is UTC.
 */
export function parseInstant(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  if (new Date(utc).getUTCDate() !== day) return undefined; // 31 February
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const ms = utc - offsetMinutes * 60_000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined;
}

/** The canonical form of a valid `at` value (UTC, "2026-11-30T14:02:00.000Z"), or undefined. */
export function asInstant(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = parseInstant(value);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
