import { describe, expect, it } from 'vitest';
import { asInstant, parseInstant } from './instant';
import { readLink } from './read-link';
import { writeLink } from './write-link';

const PAGE = 'https://jwt.example.com/';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';

describe('parseInstant', () => {
  it('reads ISO 8601 date-times with a zone, an offset, a fraction, or none (UTC)', () => {
    expect(parseInstant('2026-11-30T14:02:00Z')).toBe(Date.UTC(2026, 10, 30, 14, 2));
    expect(parseInstant('2026-11-30T14:02:00.250Z')).toBe(Date.UTC(2026, 10, 30, 14, 2, 0, 250));
    expect(parseInstant('2026-11-30T15:02:00+01:00')).toBe(Date.UTC(2026, 10, 30, 14, 2));
    expect(parseInstant('2026-11-30T09:32-0430')).toBe(Date.UTC(2026, 10, 30, 14, 2));
    expect(parseInstant('2026-11-30T14:02')).toBe(Date.UTC(2026, 10, 30, 14, 2));
    expect(parseInstant('2026-11-30')).toBe(Date.UTC(2026, 10, 30));
  });

  it('refuses what is not a date-time, or a day that does not exist', () => {
    for (const bad of ['', 'yesterday', '1764201600', '2026-02-31T00:00:00Z', '2026-13-01T00:00Z', '2026-11-30T24:00Z', '2026-11-30T14:02+25:00', '2026-11-30T14:02:00Zjunk']) {
      expect(parseInstant(bad), bad).toBeUndefined();
    }
  });

  it('gives the canonical UTC form', () => {
    expect(asInstant('2026-11-30T15:02:00+01:00')).toBe('2026-11-30T14:02:00.000Z');
    expect(asInstant('not a date')).toBeUndefined();
    expect(asInstant(null)).toBeUndefined();
  });
});

describe('the at= link parameter', () => {
  it('is written after the other parameters and read back as the same instant', () => {
    const link = writeLink(PAGE, { token: TOKEN, at: '2026-11-30T14:02:00.000Z' });
    expect(link).toBe(`${PAGE}#token=${TOKEN}&at=2026-11-30T14%3A02%3A00.000Z`);
    expect(readLink(link).state).toEqual({ token: TOKEN, at: '2026-11-30T14:02:00.000Z' });
  });

  it('accepts a hand-written time with an offset, and ignores one that is not a time', () => {
    expect(readLink(`${PAGE}#token=${TOKEN}&at=2026-11-30T15:02:00%2B01:00`).state.at).toBe('2026-11-30T14:02:00.000Z');
    expect(readLink(`${PAGE}#token=${TOKEN}&at=last+tuesday`).state).toEqual({ token: TOKEN });
    expect(readLink(`${PAGE}#debugger-io?token=${TOKEN}&at=2026-01-01`).state).toEqual({ token: TOKEN, at: '2026-01-01T00:00:00.000Z' });
  });
});
