// What the decoder says about the text around the token it removed (see normalise.ts).

import type { TokenIssue } from './types';
import { t } from './messages';
import { activeLocale } from '@/lib/i18n/translate';

/** "a", "a and b", "a, b and c", in the active language's way of listing. */
export function joinWords(words: readonly string[]): string {
  const locale = activeLocale();
  // British English lists without the serial comma, as these messages always did.
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: 'conjunction' }).format(words);
}

/** The error when no token is left: an empty input gets a hint on what to paste. */
export function nothingToDecodeIssue(inputIsBlank: boolean, stripped: readonly string[], tokenStart: number): TokenIssue {
  return {
    severity: 'error',
    message: inputIsBlank
      ? t('token.nothingToDecode')
      : t('token.nothingLeftToDecode', { removed: joinWords(stripped) }),
    offset: tokenStart,
    length: 0,
  };
}

/** A note, not a warning: removing a 'Bearer ' prefix or quotes is what the user wants. */
export function strippedInputNote(stripped: readonly string[], tokenStart: number): TokenIssue {
  return {
    severity: 'info',
    message: t('token.removedBeforeDecoding', { removed: joinWords(stripped) }),
    informational: true,
    offset: tokenStart,
    length: 0,
  };
}
