import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate';
import { chooseLocale, linkLanguage } from './choose';

describe('negotiateLocale', () => {
  it.each([
    [['ja-JP', 'en-US'], 'ja'],
    [['de-AT'], 'de'],
    [['pt-PT'], 'pt-BR'],
    [['zh-TW'], 'zh-Hans'],
    [['zh-hans-cn'], 'zh-Hans'],
    [['it-IT', 'fr-CA', 'en'], 'fr'],
    [['es-419'], 'es'],
    [['nl', 'ru'], 'en'],
    [[], 'en'],
  ])('%j reads %s', (languages, expected) => {
    expect(negotiateLocale(languages)).toBe(expected);
  });
});

describe('chooseLocale', () => {
  it('a link’s lang wins, then the stored choice, then the browser; unknown codes are passed over', () => {
    expect(chooseLocale({ linkLang: 'ko', stored: 'de', languages: ['fr'] })).toBe('ko');
    expect(chooseLocale({ linkLang: 'xx', stored: 'de', languages: ['fr'] })).toBe('de');
    expect(chooseLocale({ linkLang: null, stored: 'klingon', languages: ['fr-FR'] })).toBe('fr');
  });

  it('reads lang from the fragment, after the ? of a #debugger-io link, or from the query', () => {
    expect(linkLanguage('https://x.test/#token=a.b.c&lang=ja')).toBe('ja');
    expect(linkLanguage('https://x.test/#debugger-io?token=a.b.c&lang=es')).toBe('es');
    expect(linkLanguage('https://x.test/?lang=de#token=a')).toBe('de');
    expect(linkLanguage('https://x.test/#token=a')).toBeNull();
    expect(linkLanguage('not a url')).toBeNull();
  });
});
