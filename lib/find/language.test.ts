import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { activateLocale, inEnglish } from '@/lib/i18n/translate';
import { describeSource } from './describe';
import type { TokenSource } from './types';

afterEach(() => activateLocale('en'));

const HAR_COOKIE = { type: 'cookie', name: 'session', line: 12, har: { entry: 3, side: 'response', url: 'https://api.example/me' } } as TokenSource;

describe('where a token was found, in the language shown', () => {
  it('names the place in German, the names and URL kept as found', async () => {
    activateLocale('de', await loadCatalog('de'));
    expect(describeSource(HAR_COOKIE)).toBe('HAR-Eintrag 3, Antwort (https://api.example/me), Cookie session, Zeile 12');
    expect(describeSource({ type: 'authorization', scheme: 'Bearer' } as TokenSource)).toBe('Authorization-Header (Bearer)');
  });

  it('names the place in English for the data-source hook, whatever the page speaks (inEnglish)', async () => {
    activateLocale('de', await loadCatalog('de'));
    expect(inEnglish(() => describeSource({ type: 'authorization', scheme: 'Bearer' } as TokenSource))).toBe('Authorization header (Bearer)');
    expect(describeSource({ type: 'authorization', scheme: 'Bearer' } as TokenSource)).toBe('Authorization-Header (Bearer)');
  });

  it('names the place in Japanese', async () => {
    activateLocale('ja', await loadCatalog('ja'));
    expect(describeSource(HAR_COOKIE)).toBe('HAR エントリ 3 のレスポンス (https://api.example/me)、Cookie session、12 行目');
  });

  it('keeps English as it was', () => {
    expect(describeSource(HAR_COOKIE)).toBe('HAR entry 3 response (https://api.example/me), cookie session, line 12');
  });
});
