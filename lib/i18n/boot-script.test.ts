import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { languageBootScript, LANGUAGE_ATTRIBUTE, LANGUAGE_PENDING_ATTRIBUTE } from './boot-script';
import { chooseLocale, linkLanguage } from './choose';
import { LOCALES } from './locales';

interface Visit {
  href: string;
  stored: string | null;
  languages: string[];
}

/** Runs the inline script against a stand-in page; returns the attributes it set on <html>. */
function runBootScript(visit: Visit, { storageThrows = false } = {}) {
  const url = new URL(visit.href);
  const attributes = new Map<string, string>();
  const timers: (() => void)[] = [];
  const page = {
    location: { hash: url.hash, search: url.search },
    localStorage: {
      getItem: () => {
        if (storageThrows) throw new Error('storage disabled');
        return visit.stored;
      },
    },
    navigator: { languages: visit.languages, language: visit.languages[0] ?? '' },
    document: {
      documentElement: {
        setAttribute: (name: string, value: string) => attributes.set(name, value),
        removeAttribute: (name: string) => attributes.delete(name),
      },
    },
    setTimeout: (run: () => void) => timers.push(run),
    URLSearchParams,
  };
  new Function(...Object.keys(page), languageBootScript)(...Object.values(page));
  return { attributes, runTimers: () => timers.forEach((run) => run()) };
}

const tag = fc.oneof(
  fc.constantFrom(...LOCALES, 'en-US', 'en-GB', 'ja-JP', 'zh', 'zh-CN', 'zh-TW', 'zh-Hant-HK', 'ko-KR', 'es-419', 'es-MX', 'pt', 'pt-PT', 'de-AT', 'de-CH', 'fr-CA', 'it', 'nl-NL', 'ru', 'ar', ''),
  fc.string({ maxLength: 8 }),
);

describe('the language boot script', () => {
  it('chooses what chooseLocale chooses, for any link, stored choice and browser languages', () => {
    fc.assert(
      fc.property(
        fc.option(tag, { nil: null }),
        fc.boolean(),
        fc.option(tag, { nil: null }),
        fc.array(tag, { maxLength: 4 }),
        (lang, inQuery, stored, languages) => {
          const param = lang === null ? '' : `lang=${encodeURIComponent(lang)}`;
          const href = inQuery ? `https://example.test/${param ? `?${param}` : ''}#token=a.b.c` : `https://example.test/#token=a.b.c${param ? `&${param}` : ''}`;
          const expected = chooseLocale({ linkLang: linkLanguage(href), stored, languages });
          const { attributes } = runBootScript({ href, stored, languages });
          expect(attributes.get(LANGUAGE_ATTRIBUTE)).toBe(expected);
          expect(attributes.has(LANGUAGE_PENDING_ATTRIBUTE)).toBe(expected !== 'en');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads lang after the ? of a #debugger-io link, and the link wins over the stored choice', () => {
    const { attributes } = runBootScript({ href: 'https://example.test/#debugger-io?token=a.b.c&lang=ko', stored: 'de', languages: ['fr'] });
    expect(attributes.get(LANGUAGE_ATTRIBUTE)).toBe('ko');
  });

  it('follows the browser when storage is disabled, and never leaves the views hidden for good', () => {
    const { attributes, runTimers } = runBootScript({ href: 'https://example.test/', stored: 'de', languages: ['pt-PT', 'en'] }, { storageThrows: true });
    expect(attributes.get(LANGUAGE_ATTRIBUTE)).toBe('pt-BR');
    expect(attributes.has(LANGUAGE_PENDING_ATTRIBUTE)).toBe(true);
    runTimers();
    expect(attributes.has(LANGUAGE_PENDING_ATTRIBUTE)).toBe(false);
  });
});
