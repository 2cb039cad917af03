// Reads the state out of a link, whichever shape it has: ours (#token=…&key=…), the old
// jwt.io ones, OpenID Connect redirect fragments, and credentials in the query string (which
// reached the server). Credentials in the query string and OpenID Connect fragments are
// removed from the address bar once read; the state then lives only in the page's memory.

import { asInstant } from './instant';
import { asMode, asSecretEncoding, nonEmpty } from './params';
import type { LinkState, ReadLinkResult } from './types';

const LEGACY_DEBUGGER_PREFIX = 'debugger-io?';
/** A bare compact token as the whole fragment: three or five base64url parts. */
const BARE_TOKEN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,4}$/;
/** Query parameters that carry credentials: read some, remove all from the address bar. */
export const QUERY_CREDENTIALS: readonly string[] = ['token', 'key', 'publicKey', 'id_token', 'access_token', 'refresh_token', 'code', 'value', 'signingKey'];
/** Where a token may sit besides `token`, in order of preference (the ID token is the one people debug a login with). */
const OTHER_TOKEN_PARAMS = ['id_token', 'access_token', 'value', 'refresh_token'] as const;
/** Fragment parameters of an OpenID Connect redirect that hold tokens. */
const OIDC_FRAGMENT_PARAMS = new Set(['id_token', 'access_token', 'refresh_token', 'code']);

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
      return name === undefined || !QUERY_CREDENTIALS.includes(name);
    })
    .join('&');
}

/** A token from the query string: `token`, else the OpenID Connect / OAuth names. */
function queryToken(params: URLSearchParams): string | undefined {
  const token = nonEmpty(params.get('token'));
  if (token !== undefined) return token;
  for (const name of OTHER_TOKEN_PARAMS) {
    const other = nonEmpty(params.get(name));
    if (other !== undefined) return other;
  }
  return undefined;
}

/** Names of the OpenID Connect token parameters in a fragment that is not one of our links. */
function oidcFragmentNames(fragment: string, source: ReadLinkResult['source'], legacyShape: string | undefined): string[] {
  if (source !== 'legacy-fragment' || legacyShape === undefined || !/^#(?:id_token|access_token)=$/.test(legacyShape)) return [];
  return [...new Set(new URLSearchParams(fragment).keys())].filter((name) => OIDC_FRAGMENT_PARAMS.has(name));
}

/** Reads the state from a full href. Never throws. */
export function readLink(url: string): ReadLinkResult {
  const { base, query, fragment } = splitUrl(typeof url === 'string' ? url : '');
  const fromFragment = fragment !== null ? readFragment(fragment) : { state: {}, source: 'none' as const };

  const queryParams = query !== null ? new URLSearchParams(query) : null;
  const queryCredentials = queryParams === null ? [] : [...new Set(queryParams.keys())].filter((name) => QUERY_CREDENTIALS.includes(name));
  const queryHadToken = queryParams !== null && queryToken(queryParams) !== undefined;

  let result: ReadLinkResult = { ...fromFragment, queryHadToken };
  if (queryCredentials.length > 0 && queryParams && fromFragment.state.token === undefined) {
    const fromQuery = stateFromParams(queryParams);
    const token = queryToken(queryParams);
    if (token !== undefined) fromQuery.token = token;
    // Fragment state (a key, say) completes the query's token rather than being dropped.
    if (Object.keys(fromQuery).length > 0) result = { state: { ...fromQuery, ...fromFragment.state }, source: 'query', queryHadToken };
  }

  const removedFromFragment = fragment !== null ? oidcFragmentNames(fragment, fromFragment.source, fromFragment.legacyShape) : [];
  if (queryCredentials.length > 0) result.removedFromQuery = queryCredentials;
  if (removedFromFragment.length > 0) result.removedFromFragment = removedFromFragment;
  if (queryCredentials.length > 0 || removedFromFragment.length > 0) {
    const rest = query !== null && queryCredentials.length > 0 ? queryWithoutCredentials(query) : query;
    // Nothing is moved into the fragment: the state lives in the page's memory only. Our own
    // fragment stays as it was; an OpenID Connect redirect's fragment goes as a whole.
    const keptFragment = removedFromFragment.length > 0 ? null : fragment;
    result.cleanedUrl = `${base}${rest ? `?${rest}` : ''}${keptFragment ? `#${keptFragment}` : ''}`;
  }
  return result;
}
