import type { ReadLinkResult } from './types';

function list(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
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
  if (query.length > 0) {
    sentences.push(
      `This address carried ${list(query)} in its query string (after the ?). A query string is sent to the server, so the server and anything between may have logged it. ` +
        'It has been read and removed from the address bar and from this history entry; what it opened is kept in this page only and is gone when you reload.',
    );
  }
  if (fragment.length > 0) {
    sentences.push(
      `This address was a sign-in redirect carrying ${list(fragment)} after the #. A fragment is not sent to the server, but it stays in the address bar and the browser's history. ` +
        'The token has been opened and the fragment removed from the address bar and from this history entry.',
    );
  }
  if (sentences.length === 0) return null;
  sentences.push('Share links made here keep their state after the #, which browsers never send.');
  return sentences.join(' ');
}
