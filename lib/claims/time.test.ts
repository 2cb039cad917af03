import { describe, expect, it } from 'vitest';
import { approximateSpan, describeTime, exactDuration, isLikelyTimeClaim, isoUtc, lifetime } from './time';

// 2026-01-15T12:00:00Z
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const T = NOW / 1000;
const MIN = 60;
const HOUR = 3600;
const DAY = 86400;
const utc = { formatLocal: (d: Date) => `local:${d.toISOString()}` };

function ok(value: unknown, claim?: string) {
  const d = describeTime(value, NOW, claim, utc);
  if (!d.ok) throw new Error(`expected a NumericDate reading, got: ${d.message}`);
  return d;
}

function problem(value: unknown, claim?: string) {
  const d = describeTime(value, NOW, claim, utc);
  if (d.ok) throw new Error(`expected a problem, got ${d.iso}`);
  return d;
}

describe('isoUtc', () => {
  it('drops milliseconds when the second is whole and keeps them otherwise', () => {
    expect(isoUtc(1795751152)).toBe('2026-11-27T03:45:52Z');
    expect(isoUtc(1795751152.25)).toBe('2026-11-27T03:45:52.250Z');
    expect(isoUtc(0)).toBe('1970-01-01T00:00:00Z');
  });
});

describe('describeTime', () => {
  it('gives the ISO date, the local time through the formatter, and the relative time', () => {
    const d = ok(T + 5 * MIN);
    expect(d.iso).toBe('2026-01-15T12:05:00Z');
    expect(d.local).toBe('local:2026-01-15T12:05:00.000Z');
    expect(d.relative).toBe('in 5 minutes');
    expect(d.tense).toBe('future');
    expect(ok(T - 2 * DAY).relative).toBe('2 days ago');
  });

  it('formats the local time with a time zone name by default', () => {
    const d = describeTime(T, NOW, 'iat');
    expect(d.ok && d.local).toMatch(/\d/);
    expect(d.ok && d.local.length).toBeGreaterThan(10);
  });

  it('says how an exp reads: expired or valid for how much longer', () => {
    expect(ok(T - 3 * HOUR, 'exp').status).toBe('expired 3 hours ago');
    expect(ok(T + 12 * MIN, 'exp').status).toBe('valid for 12 more minutes');
    expect(ok(T + 1 * DAY, 'exp').status).toBe('valid for 1 more day');
    expect(ok(T, 'exp').status).toBe('expired just now');
  });

  it('says how an nbf reads: not valid yet or valid since', () => {
    expect(ok(T + 2 * DAY, 'nbf').status).toBe('not valid for another 2 days');
    expect(ok(T - 3 * HOUR, 'nbf').status).toBe('valid since 3 hours ago');
  });

  it('says how an iat reads, including an iat in the future', () => {
    expect(ok(T - 5 * MIN, 'iat').status).toBe('issued 5 minutes ago');
    expect(ok(T + 5 * MIN, 'iat').status).toBe('issued in the future (in 5 minutes)');
  });

  it('words other time claims by their meaning, and unknown ones by the relative time', () => {
    expect(ok(T - HOUR, 'auth_time').status).toBe('authenticated 1 hour ago');
    expect(ok(T - 3 * DAY, 'updated_at').status).toBe('updated 3 days ago');
    expect(ok(T - 2 * MIN, 'created_at').status).toBe('2 minutes ago');
  });

  it('accepts negative and fractional NumericDates, as RFC 7519 §2 allows', () => {
    expect(ok(-86400).iso).toBe('1969-12-31T00:00:00Z');
    expect(ok(T + 0.5 + 90).iso).toBe('2026-01-15T12:01:30.500Z');
  });

  it('flags a string, showing how the string would read', () => {
    const d = problem('1768478400', 'exp');
    expect(d.problem).toBe('string');
    expect(d.message).toMatch(/^exp is a string; NumericDate is a number of seconds/);
    expect(d.likely?.iso).toBe('2026-01-15T12:00:00Z');
    const iso = problem('2026-01-16T12:00:00Z', 'exp');
    expect(iso.likely?.relative).toBe('in 1 day');
    expect(problem('soon', 'exp').likely).toBeUndefined();
    expect(problem('', 'exp').likely).toBeUndefined();
  });

  it('flags milliseconds, naming the absurd year and the intended date', () => {
    const d = problem(NOW + 3 * HOUR * 1000, 'exp');
    expect(d.problem).toBe('milliseconds');
    expect(d.message).toMatch(/looks like milliseconds; NumericDate is seconds — this would be the year 5\d{4}/);
    expect(d.likely?.iso).toBe('2026-01-15T15:00:00Z');
    expect(d.likely?.relative).toBe('in 3 hours');
  });

  it('flags microseconds', () => {
    const d = problem(NOW * 1000, 'iat');
    expect(d.problem).toBe('microseconds');
    expect(d.likely?.iso).toBe('2026-01-15T12:00:00Z');
    expect(d.message).toMatch(/beyond 275760/);
  });

  it('treats a large seconds value just under the threshold as a date', () => {
    expect(ok(99_999_999_999).iso).toBe('5138-11-16T09:46:39Z');
  });

  it('flags booleans, null, objects and arrays', () => {
    expect(problem(true, 'nbf').message).toBe('nbf is a boolean; NumericDate is a number of seconds since 1970-01-01T00:00:00Z.');
    expect(problem(null, 'exp').message).toMatch(/^exp is null/);
    expect(problem({}, 'exp').message).toMatch(/^exp is an object/);
    expect(problem([1], 'exp').message).toMatch(/^exp is an array/);
    expect(problem(Number.NaN).problem).toBe('not-a-number');
    expect(problem(Infinity).message).toMatch(/^this value is a number/);
  });
});

describe('relative wording at unit boundaries', () => {
  const rel = (delta: number) => ok(T + delta).relative;
  it('rounds within a unit and never says 60 seconds or 24 hours', () => {
    expect(rel(0)).toBe('now');
    expect(rel(0.4)).toBe('now');
    expect(rel(1)).toBe('in 1 second');
    expect(rel(-59)).toBe('59 seconds ago');
    expect(rel(59.6)).toBe('in 1 minute');
    expect(rel(89)).toBe('in 1 minute');
    expect(rel(90)).toBe('in 2 minutes');
    expect(rel(59 * MIN + 40)).toBe('in 1 hour');
    expect(rel(-23 * HOUR - 40 * MIN)).toBe('1 day ago');
    expect(rel(36 * HOUR)).toBe('in 2 days');
    expect(rel(29 * DAY)).toBe('in 29 days');
    expect(rel(30 * DAY)).toBe('in 1 month');
    expect(rel(-90 * DAY)).toBe('3 months ago');
    expect(rel(360 * DAY)).toBe('in 1 year');
    expect(rel(-3 * 365 * DAY)).toBe('3 years ago');
  });

  it('exposes the count and unit for callers that build their own sentence', () => {
    expect(approximateSpan(-7200)).toEqual({ count: 2, unit: 'hour', text: '2 hours' });
  });
});

describe('exactDuration', () => {
  it('uses up to two exact units', () => {
    expect(exactDuration(3600)).toBe('1 hour');
    expect(exactDuration(90 * DAY)).toBe('90 days');
    expect(exactDuration(5400)).toBe('1 hour 30 minutes');
    expect(exactDuration(DAY + HOUR + MIN + 1)).toBe('1 day 1 hour');
    expect(exactDuration(0)).toBe('0 seconds');
    expect(exactDuration(-300)).toBe('5 minutes');
  });
});

describe('isLikelyTimeClaim', () => {
  it('always treats the registered time claims as time, whatever their value', () => {
    for (const name of ['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe']) {
      expect(isLikelyTimeClaim(name, T), name).toBe(true);
    }
    expect(isLikelyTimeClaim('exp', 'tomorrow')).toBe(true);
    expect(isLikelyTimeClaim('exp', undefined)).toBe(false);
  });

  it('recognises numeric claims named like dates', () => {
    expect(isLikelyTimeClaim('created_at', 12)).toBe(true);
    expect(isLikelyTimeClaim('login_time', T)).toBe(true);
    expect(isLikelyTimeClaim('lastLoginAt', T)).toBe(true);
    expect(isLikelyTimeClaim('pwdChangedTime', T)).toBe(true);
    expect(isLikelyTimeClaim('created_at', 'yesterday')).toBe(false);
  });

  it('recognises plain integers in the plausible seconds range', () => {
    expect(isLikelyTimeClaim('password_changed', T)).toBe(true);
    expect(isLikelyTimeClaim('count', 42)).toBe(false);
    expect(isLikelyTimeClaim('password_changed', T + 0.5)).toBe(false);
    expect(isLikelyTimeClaim('session_lifetime', 3600)).toBe(false);
  });

  it('does not treat claims the catalogue knows as something else as dates', () => {
    expect(isLikelyTimeClaim('run_id', T)).toBe(false);
    expect(isLikelyTimeClaim('phone_number', T)).toBe(false);
  });
});

describe('lifetime', () => {
  it('measures exp − iat in words', () => {
    expect(lifetime({ iat: T, exp: T + HOUR })).toEqual({ seconds: HOUR, text: '1 hour', from: 'iat', warnings: [] });
    expect(lifetime({ iat: T, exp: T + 90 * DAY }).text).toBe('90 days');
  });

  it('falls back to nbf without iat, and gives nothing without both ends', () => {
    expect(lifetime({ nbf: T, exp: T + 300 })).toMatchObject({ seconds: 300, from: 'nbf' });
    expect(lifetime({ exp: T })).toMatchObject({ seconds: null, text: null, from: null });
    expect(lifetime({ iat: T })).toMatchObject({ seconds: null, from: 'iat' });
    expect(lifetime({ iat: 'x', exp: T }).seconds).toBeNull();
  });

  it('warns when exp is before nbf', () => {
    expect(lifetime({ nbf: T, exp: T - 10 }).warnings).toEqual(['exp is before nbf: the token is never valid.']);
    expect(lifetime({ nbf: T, exp: T }).warnings[0]).toMatch(/equal to nbf/);
  });

  it('warns when exp is before iat', () => {
    const l = lifetime({ iat: T, exp: T - HOUR });
    expect(l.warnings).toEqual(['exp is before iat: the token expired 1 hour before it was issued.']);
    expect(l.text).toBe('minus 1 hour');
  });

  it('warns about an iat in the future only when given the time', () => {
    expect(lifetime({ iat: T + 5 * MIN, exp: T + HOUR }, NOW).warnings[0]).toMatch(/^iat is in the future \(5 minutes from now\)/);
    expect(lifetime({ iat: T + 5 * MIN, exp: T + HOUR }).warnings).toEqual([]);
    expect(lifetime({ iat: T - 5 * MIN, exp: T + HOUR }, NOW).warnings).toEqual([]);
  });
});
