import { t } from './messages';

/** Links longer than this get a warning: chat apps, mail clients, proxies and some browsers cut or refuse them. */
export const LONG_LINK_WARNING_CHARS = 32 * 1024;

export function isLinkTooLong(link: string): boolean {
  return link.length > LONG_LINK_WARNING_CHARS;
}

/** A sentence for the user, or null when the link is short enough. */
export function longLinkWarning(link: string): string | null {
  if (!isLinkTooLong(link)) return null;
  const kb = Math.ceil(link.length / 1024);
  return t('links.tooLong', { kb, limit: LONG_LINK_WARNING_CHARS / 1024 });
}
