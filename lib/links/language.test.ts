import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { describeLink } from './describe-link';
import { linkCleanupNotice } from './cleanup-notice';
import { longLinkWarning } from './length';
import { joinWords } from './join-words';
import { readLink } from './read-link';

const PAGE = 'https://jwt.example.com/';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';

async function show(locale: Locale) {
  const catalog = locale === 'en' ? undefined : ((await import(`@/lib/i18n/compiled/${locale}.json`)).default as Messages);
  activateLocale(locale, catalog);
}

afterEach(() => activateLocale('en'));

describe('what links say, in the language shown', () => {
  it('words the share panel’s contents, the long-link warning and the clean-up notice in Japanese', async () => {
    await show('ja');
    expect(describeLink({ token: TOKEN, key: 'secret' })).toEqual(['トークン', '共有シークレット (リンクを持つ人は誰でもこれでトークンを偽造できます)']);
    expect(joinWords(['a', 'b', 'c'])).toBe('a、b、c');
    expect(longLinkWarning(`${PAGE}#${'x'.repeat(40 * 1024)}`)).toMatch(/^このリンクの長さは 41 KB です。32 KB を超える/);
    const notice = linkCleanupNotice(readLink(`${PAGE}?token=${TOKEN}&key=k`))!;
    expect(notice).toContain('クエリ文字列 (? の後ろ) に「token」、「key」が含まれていました');
    expect(notice).toContain('クエリ文字列はサーバーに送られる');
  });

  it('says the extra fragment parameters were removed with the right number in German', async () => {
    await show('de');
    expect(linkCleanupNotice(readLink(`${PAGE}#token=${TOKEN}&code=abc`))).toContain('Es wurde aus der Adressleiste');
    expect(linkCleanupNotice(readLink(`${PAGE}#token=${TOKEN}&code=abc&refresh_token=def`))).toContain('Sie wurden aus der Adressleiste');
  });

  it('leaves no English sentence in any other language, and English as it was', async () => {
    const link = readLink(`${PAGE}?token=${TOKEN}#id_token=${TOKEN}`);
    for (const locale of LOCALES) {
      await show(locale);
      const notice = linkCleanupNotice(link)!;
      const contents = joinWords(describeLink({ mode: 'encode', header: '{}', payload: '{}', alg: 'HS256', signingKey: 'k' }));
      if (locale === 'en') {
        expect(contents).toBe('the encoder view, the header JSON, the payload, the algorithm (HS256) and the shared secret: anyone holding the link can forge tokens with it');
        expect(notice).toMatch(/^This address carried "token"/);
      } else {
        expect(notice, locale).not.toMatch(/\b(the|which|has been)\b/);
        expect(contents, locale).not.toMatch(/\b(the|encoder view|anyone)\b/);
        expect(contents, locale).toContain('HS256');
      }
    }
  });
});
