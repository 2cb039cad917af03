import type { ReadLinkResult } from './types';
import { joinWords } from './join-words';
import { t } from './messages';

/** Names are quoted as found; a long one (a token pasted as a name) is cut, and a long list too. */
const NAME_CHARS = 32;
const LISTED_NAMES = 8;

function list(names: readonly string[], forTheirValue: readonly string[]): string {
  const byValue = new Set(forTheirValue);
  const quoted = names.slice(0, LISTED_NAMES).map((name) => {
    const shown = name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS)}…` : name;
    return byValue.has(name) ? t('links.nameHeldSecret', { name: shown }) : t('links.nameQuoted', { name: shown });
  });
  if (names.length > LISTED_NAMES) quoted.push(t('links.moreNames', { count: names.length - LISTED_NAMES }));
  return joinWords(quoted);
}

/**
 * What the page did with credentials it found in the address, in words, or null when it found
 * none. It says truthfully where each was: a query string is sent to the server (and may be in
 * its logs and the browser's history before it was removed); a fragment is not sent.
 */
export function linkCleanupNotice(link: ReadLinkResult): string | null {
  const sentences: string[] = [];
  const query = link.removedFromQuery ?? [];
  const fragment = link.removedFromFragment ?? [];
  const forTheirValue = link.removedForTheirValue ?? [];
  if (query.length > 0) {
    sentences.push(t('links.fromQuery', { names: list(query, forTheirValue) }));
  }
  if (fragment.length > 0) {
    const opened = link.state.token !== undefined && link.source !== 'query';
    const names = list(fragment, forTheirValue);
    sentences.push(
      link.removedWholeFragment
        ? t(opened ? 'links.wholeFragmentOpened' : 'links.wholeFragment', { names })
        : t('links.extraFragment', { names, count: fragment.length }),
    );
  }
  if (sentences.length === 0) return null;
  sentences.push(t('links.shareLinksNote'));
  return sentences.join(' ');
}
