import type { ReadLinkResult } from './types';

/** Names are quoted as found; a long one (a token pasted as a name) is cut, and a long list too. */
const NAME_CHARS = 32;
const LISTED_NAMES = 8;

function list(names: readonly string[], forTheirValue: readonly string[]): string {
  const byValue = new Set(forTheirValue);
  const quoted = names.slice(0, LISTED_NAMES).map((name) => {
    const shown = name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS)}…` : name;
    return byValue.has(name) ? `"${shown}" (which held a token or a private key)` : `"${shown}"`;
  });
  if (names.length > LISTED_NAMES) quoted.push(`${names.length - LISTED_NAMES} more`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
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
    sentences.push(
      `This address carried ${list(query, forTheirValue)} in its query string (after the ?). A query string is sent to the server, so the server and anything between may have logged it. ` +
        'It has been read and removed from the address bar and from this history entry; what it opened is kept in this page only and is gone when you reload.',
    );
  }
  if (fragment.length > 0) {
    const opened = link.state.token !== undefined && link.source !== 'query';
    sentences.push(
      link.removedWholeFragment
        ? `This address was not a link of this page but carried ${list(fragment, forTheirValue)} after the # (a sign-in redirect, say). A fragment is not sent to the server, but it stays in the address bar and the browser's history. ` +
            `${opened ? 'The token has been opened and the fragment' : 'The fragment has been'} removed from the address bar and from this history entry.`
        : `This link also carried ${list(fragment, forTheirValue)} after the #, which this page does not keep. A fragment is not sent to the server, but it stays in the address bar and the browser's history: ` +
            `${fragment.length === 1 ? 'it has' : 'they have'} been removed from the address bar and from this history entry, and the rest of the link kept.`,
    );
  }
  if (sentences.length === 0) return null;
  sentences.push('Share links made here keep their state after the #, which browsers never send.');
  return sentences.join(' ');
}
