import { describe, expect, it } from 'vitest';
import { approximateSpan, describeTime, exactDuration, isoUtc, lifetime } from './time';
import { checkClaims } from './validate';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const utc = { formatLocal: (d: Date) => `local:${d.toISOString()}` };
const EXTREMES = [1e20, -1e20, 8.64e18 + 1e6, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN, -0, 2 ** 53 + 2, 1e15, 8.64e12 + 1];

describe('time values outside the range of Date', () => {
  it.each(EXTREMES)('describeTime(%s) returns a value for every time claim and never throws', (value) => {
    for (const claim of ['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe', 'custom_at', undefined]) {
      const d = describeTime(value, NOW, claim, utc);
      if (d.ok) expect(d.iso).toMatch(/^-?\+?\d{4,6}-/);
      else expect(d.message).toContain(claim ?? 'this value');
    }
  });

  it('says a value beyond the year 275760 is out of range, with the raw number', () => {
    const d = describeTime(1e20, NOW, 'exp', utc);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.problem).toBe('out-of-range');
    expect(d.message).toContain('100000000000000000000');
    expect(d.likely).toBeUndefined();
  });

  it('names an overflowed number (1e400 read as Infinity) as such', () => {
    const d = describeTime(Infinity, NOW, 'iat', utc);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.problem).toBe('out-of-range');
      expect(d.message).toMatch(/too large|overflow/);
    }
  });

  it('reads -0 as the epoch', () => {
    const d = describeTime(-0, NOW, 'nbf', utc);
    expect(d.ok && d.iso).toBe('1970-01-01T00:00:00Z');
  });

  it('keeps isoUtc, approximateSpan and exactDuration total', () => {
    expect(isoUtc(1e20)).toBe('100000000000000000000 (beyond the range of dates)');
    expect(isoUtc(1e21)).toContain('1e+21');
    expect(isoUtc(NaN)).toContain('NaN');
    expect(approximateSpan(Infinity).text).toMatch(/year/);
    expect(approximateSpan(NaN).text).toBeTypeOf('string');
    expect(exactDuration(Infinity)).toBeTypeOf('string');
  });

  it('checks claims with extreme values without throwing', () => {
    for (const value of EXTREMES) {
      const result = checkClaims(null, { exp: value, nbf: value, iat: value }, { now: NOW });
      expect(result.checks).toHaveLength(7);
      expect(lifetime({ exp: value, iat: -value, nbf: value }, NOW).warnings).toBeInstanceOf(Array);
    }
    expect(checkClaims(null, { exp: 1e20 }, { now: NOW }).checks[0]!.status).toBe('fail');
  });
});
