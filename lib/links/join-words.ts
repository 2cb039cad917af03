import { t } from './messages';

/** "a, b and c", in the language shown (each language joins a list its own way). */
export function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return t('links.listLast', { rest: parts.slice(0, -1).join(t('links.listSeparator')), last: parts[parts.length - 1] });
}
