import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '@/lib/i18n/translate';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { decodeToken } from './decode';
import { decodeBase64url } from './base64url';
import { scanJson } from './json-scan';
import { segmentLabel } from './segment-roles';

// Inputs that between them raise most of the decoder's errors, warnings and notes.
const BROKEN = [
  '',
  'Bearer "eyJhbGciOiJIUzI1NiJ9.e30"',
  'eyJhbGciOiJIUzI1NiIsImEiOjEsImEiOjJ9.eyJ4IjoxLCJ4Ijp7fX0.ab+c',
  '{"a":1}.x.y',
  'eyJ0eXAiOiJKV1QifQ.eyJ4Ijp9.',
  'eyJhbGciOiJub25lIn0.e30.abcd',
  'eyJhbGciOiJIUzI1NiJ9.e30',
  'a.b.c.d.e.f',
  'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.abcd..x.',
  'eyJhbGciOiJIUzI1NiJ9.WzFd.',
];
const ENGLISH_WORDS = /\b(the|is|not|and|which|must|cannot|segment is empty)\b/i;

function messagesOf(input: string): string[] {
  return decodeToken(input).issues.map((issue) => issue.message);
}

afterEach(() => activateLocale('en'));

describe('decoder messages follow the active language', () => {
  const english = BROKEN.map(messagesOf);
  const englishLocations = BROKEN.map(locationsOf);

  for (const locale of LOCALES.filter((locale): locale is Exclude<Locale, 'en'> => locale !== 'en')) {
    it(`in ${locale}, every error, warning and note of a broken token is translated and still located`, async () => {
      activateLocale(locale, await loadCatalog(locale));
      BROKEN.forEach((input, position) => {
        const translated = decodeToken(input);
        const before = english[position]!;
        expect(translated.issues.map((issue) => issue.message)).toHaveLength(before.length);
        translated.issues.forEach((issue, index) => {
          expect(issue.message, input).not.toBe(before[index]);
          expect(issue.message, `${input}: ${issue.message}`).not.toMatch(ENGLISH_WORDS);
        });
        // Only the words change: where the problem is stays the same.
        expect(locationsOf(input)).toEqual(englishLocations[position]);
      });
    });
  }

  it('the segment labels, base64url and JSON errors are read when asked for, not frozen at import', async () => {
    expect(segmentLabel('signature')).toBe('Signature');
    activateLocale('ja', await loadCatalog('ja'));
    expect(segmentLabel('signature')).toBe('署名');
    expect(segmentLabel('header', true)).toBe('保護ヘッダー');
    const bad = decodeBase64url('ab+c');
    expect(bad.ok ? '' : bad.error.message).toContain('標準の base64');
    expect(scanJson('{"a":1,}').error?.message).toContain('末尾のカンマ');
    activateLocale('en');
    expect(segmentLabel('signature')).toBe('Signature');
    expect(scanJson('{"a":1,}').error?.message).toBe("unexpected '}' after ',': JSON does not allow a trailing comma");
  });

  it('lists what was removed around the token as the language lists things', async () => {
    expect(messagesOf(' "Bearer x.y.z" ')[0]).toBe("Removed surrounding whitespace, surrounding quotes and the 'Bearer ' prefix before decoding; the token itself is unchanged");
    activateLocale('fr', await loadCatalog('fr'));
    expect(messagesOf(' "Bearer x.y.z" ')[0]).toBe("Retiré avant le décodage : les espaces autour, les guillemets autour et le préfixe 'Bearer ' ; le jeton lui-même est inchangé");
  });
});

function locationsOf(input: string) {
  return decodeToken(input).issues.map(({ offset, length, segment }) => ({ offset, length, segment }));
}
