import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDateTime, formatRelative, formatUnitCount, formatUnitList, roundSpan } from './format';
import { activateLocale } from './translate';
import { LOCALES } from './locales';

afterEach(() => activateLocale('en'));

describe('roundSpan', () => {
  it('rounds to one unit, never 60 seconds or 24 hours', () => {
    expect(roundSpan(59.6)).toEqual({ count: 1, unit: 'minute' });
    expect(roundSpan(-89)).toEqual({ count: 1, unit: 'minute' });
    expect(roundSpan(36 * 3600)).toEqual({ count: 2, unit: 'day' });
    expect(roundSpan(Infinity)).toEqual({ count: Infinity, unit: 'year' });
  });
});

describe('formatRelative', () => {
  it('reads as English by default', () => {
    expect(formatRelative(300)).toBe('in 5 minutes');
    expect(formatRelative(-3 * 3600)).toBe('3 hours ago');
    expect(formatRelative(0.2)).toBe('now');
    // "1 day ago", not "yesterday": the words the rest of the sentence expects.
    expect(formatRelative(-86400)).toBe('1 day ago');
  });

  it('follows the active language', () => {
    activateLocale('ja');
    expect(formatRelative(-3 * 3600)).toBe('3 時間前');
    activateLocale('de');
    expect(formatRelative(-3 * 3600)).toBe('vor 3 Stunden');
    expect(formatRelative(300)).toBe('in 5 Minuten');
    activateLocale('fr');
    expect(formatRelative(-86400)).toBe('il y a 1 jour');
    expect(formatRelative(0)).toBe('maintenant');
    activateLocale('es');
    expect(formatRelative(-3 * 3600)).toBe('hace 3 horas');
  });

  it('writes long counts without grouping, in every language', () => {
    for (const locale of LOCALES) {
      activateLocale(locale);
      expect(formatRelative(2710 * 31557600), locale).toMatch(/2710/);
    }
  });

  it('never throws, for any number', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom(...LOCALES), (seconds, locale) => {
        activateLocale(locale);
        expect(typeof formatRelative(seconds)).toBe('string');
      }),
    );
  });
});

describe('formatUnitCount and formatUnitList', () => {
  it('count a unit in the active language', () => {
    expect(formatUnitCount(1, 'hour')).toBe('1 hour');
    expect(formatUnitList([formatUnitCount(1, 'hour'), formatUnitCount(30, 'minute')])).toBe('1 hour 30 minutes');
    activateLocale('ko');
    expect(formatUnitCount(5, 'minute')).toBe('5분');
    activateLocale('pt-BR');
    expect(formatUnitCount(2, 'year')).toBe('2 anos');
  });
});

describe('formatDateTime', () => {
  const date = new Date('2026-01-02T03:04:05Z');

  it('writes the date the active language’s way', () => {
    const english = formatDateTime(date);
    activateLocale('de');
    const german = formatDateTime(date);
    activateLocale('ja');
    const japanese = formatDateTime(date);
    expect(new Set([english, german, japanese]).size).toBe(3);
    expect(german).toMatch(/2026/);
    expect(japanese).toMatch(/^2026\//);
  });

  it('is empty for an invalid date rather than throwing', () => {
    expect(formatDateTime(new Date(NaN))).toBe('');
  });
});
