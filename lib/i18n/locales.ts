/** The languages the workbench speaks, as BCP 47 tags (the values of `language-select` and the `lang` link parameter). */
export const LOCALES = ['en', 'ja', 'zh-Hans', 'ko', 'es', 'pt-BR', 'de', 'fr'] as const;

export type Locale = (typeof LOCALES)[number];

/** English is in the first load; every other language's catalog loads when it is chosen. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, as the language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ja: '日本語',
  'zh-Hans': '简体中文',
  ko: '한국어',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  de: 'Deutsch',
  fr: 'Français',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
