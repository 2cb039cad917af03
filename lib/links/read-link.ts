// Reads the state out of a link, whichever shape it has: ours (#token=…&key=…), the old
// jwt.io ones, OpenID Connect redirect fragments, and a token in the query string (which
// reached the server, so it is also removed from the address bar).

import { asInstant } from './instant';
import { asMode, asSecretEncoding, nonEmpty } from './params';
import type { LinkState, ReadLinkResult } from './types';
import { linkFragment } from './write-link';

const LEGACY_DEBUGGER_PREFIX = 'debugger-io?';
/** A bare compact token as the whole fragment: three or five base64url parts. */
const BARE_TOKEN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,4}$/;
/** Query parameters that carry credentials: read some, remove all from the address bar. */
const QUERY_CREDENTIALS = new Set(['token', 'key', 'publicKey', 'id_token', 'access_token', 'signingKey']);

interface SplitUrl {
  /** Everything before '?' or '#'. */
  base: string;
  /** Between '?' and '#', without the '?'; null when there is no '?'. */
  query: string | null;
  /** After '#', without the '#'; null when there is no '#'. */
  fragment: string | null;
}

// Split by hand rather than with `new URL`, which throws on relative input and re-encodes parts.
function splitUrl(url: string): SplitUrl {
  const hash = url.indexOf('#');
  const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
  const fragment = hash >= 0 ? url.slice(hash + 1) : null;
  const question = beforeHash.indexOf('?');
  return {
    base: question >= 0 ? beforeHash.slice(0, question) : beforeHash,
    query: question >= 0 ? beforeHash.slice(question + 1) : null,
    fragment,
  };
}

function stateFromParams(params: URLSearchParams): LinkState {
  const state: LinkState = {};
  const set = <K extends keyof LinkState>(name: K, value: LinkState[K] | undefined) => {
    if (value !== undefined) state[name] = value;
  };
  set('mode', asMode(params.get('mode')));
  set('token', nonEmpty(params.get('token')));
  set('key', nonEmpty(params.get('key')) ?? nonEmpty(params.get('publicKey')));
  set('secretEncoding', asSecretEncoding(params.get('secretEncoding')));
  set('header', nonEmpty(params.get('header')));
  set('payload', nonEmpty(params.get('payload')));
  set('alg', nonEmpty(params.get('alg')));
  set('signingKey', nonEmpty(params.get('signingKey')));
  set('at', asInstant(params.get('at')));
  return state;
}

function readFragment(fragment: string): { state: LinkState; source: ReadLinkResult['source']; legacyShape?: string } {
  if (fragment.startsWith(LEGACY_DEBUGGER_PREFIX)) {
    const state = stateFromParams(new URLSearchParams(fragment.slice(LEGACY_DEBUGGER_PREFIX.length)));
    return { state, source: 'legacy-fragment', legacyShape: '#debugger-io?token=' };
  }
  if (BARE_TOKEN.test(fragment)) {
    return { state: { token: fragment }, source: 'legacy-fragment', legacyShape: '#<token>' };
  }
  const params = new URLSearchParams(fragment);
  const state = stateFromParams(params);
  if (state.token !== undefined) {
    const legacy = params.has('publicKey') && !params.has('key');
    return legacy ? { state, source: 'legacy-fragment', legacyShape: '#token=…&publicKey=' } : { state, source: 'fragment' };
  }
  // OpenID Connect implicit/hybrid redirects put tokens here (with state, token_type, expires_in,
  // which we ignore). The ID token is the one people debug a login with, so it wins.
  for (const name of ['id_token', 'access_token', 'value'] as const) {
    const token = nonEmpty(params.get(name));
    if (token !== undefined) return { state: { ...state, token }, source: 'legacy-fragment', legacyShape: `#${name}=` };
  }
  const hasState = Object.keys(state).length > 0;
  return { state, source: hasState ? 'fragment' : 'none' };
}

/** The query string without credential parameters, keeping the others byte for byte. */
function queryWithoutCredentials(query: string): string {
  return query
    .split('&')
    .filter((piece) => {
      if (piece === '') return false;
      const name = new URLSearchParams(piece).keys().next().value;
      return name === undefined || !QUERY_CREDENTIALS.has(name);
    })
    .join('&');
}

/** Reads the state from a full href. Never throws. */
export function readLink(url: string): ReadLinkResult {
  const { base, query, fragment } = splitUrl(typeof url === 'string' ? url : '');
  const fromFragment = fragment !== null ? readFragment(fragment) : { state: {}, source: 'none' as const };

  const queryParams = query !== null ? new URLSearchParams(query) : null;
  const queryHadToken = nonEmpty(queryParams?.get('token')) !== undefined;
  const queryHadCredentials = queryParams !== null && [...queryParams.keys()].some((name) => QUERY_CREDENTIALS.has(name));

  let result: ReadLinkResult = { ...fromFragment, queryHadToken };
  if (queryHadCredentials && queryParams && fromFragment.state.token === undefined) {
    const fromQuery = stateFromParams(queryParams);
    // Fragment state (a key, say) completes the query's token rather than being dropped.
    if (Object.keys(fromQuery).length > 0) result = { state: { ...fromQuery, ...fromFragment.state }, source: 'query', queryHadToken };
  }

  if (queryHadCredentials && query !== null) {
    const rest = queryWithoutCredentials(query);
    // Move query state into the fragment so a reload still shows it, without a server seeing it again.
    const newFragment = result.source === 'query' ? linkFragment(result.state) : fragment;
    result.cleanedUrl = `${base}${rest ? `?${rest}` : ''}${newFragment ? `#${newFragment}` : ''}`;
  }
  return result;
}
