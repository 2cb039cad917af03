import { activeLocale } from '../i18n/translate';

/**
 * A count with the active language's thousands separators ("1,048,576",
 * "1.048.576"). Number#toLocaleString makes a new formatter on every call; one
 * per language is made once and reused, since counts are formatted on every keystroke.
 */
const countFormats = new Map<string, Intl.NumberFormat>();

export function formatCount(value: number): string {
  const locale = activeLocale();
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}
