import { LINK_PARAMS } from './params';
import type { LinkState } from './types';

/** The fragment (without '#') for a state: URLSearchParams encoding, non-empty values only, stable order. */
export function linkFragment(state: LinkState): string {
  const params = new URLSearchParams();
  for (const name of LINK_PARAMS) {
    const value = state[name];
    if (typeof value === 'string' && value !== '') params.append(name, value);
  }
  return params.toString();
}

/**
 * A share link: the page URL with the state in the fragment, which browsers never send
 * to a server. Any fragment already on `pageUrl` is replaced.
 */
export function writeLink(pageUrl: string, state: LinkState): string {
  const hash = pageUrl.indexOf('#');
  const base = hash >= 0 ? pageUrl.slice(0, hash) : pageUrl;
  const fragment = linkFragment(state);
  return fragment ? `${base}#${fragment}` : base;
}
