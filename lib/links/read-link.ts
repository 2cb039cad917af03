// Reads the state out of a link, whichever shape it has: ours (#token=…&key=…), the old
// jwt.io ones, OpenID Connect redirect fragments, and credentials in the query string (which
// reached the server). Every credential found in the address is removed from the address bar
// once read (credentials.ts decides which parameters are credentials); the state then lives
// only in the page's memory. Our own state in the fragment is the link itself and stays.

import { credentialParam, type CredentialKind } from './credentials';
import { asInstant } from './instant';
import { asMode, asSecretEncoding, LINK_PARAMS, nonEmpty } from './params';
import type { LinkState, ReadLinkResult } from './types';

const LEGACY_DEBUGGER_PREFIX = 'debugger-io?';
/** A bare compact token as the whole fragment: three or five base64url parts. */
const BARE_TOKEN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,4}$/;
/** The fragment parameters that are this app's state, written exactly so: a share link keeps them. */
const FRAGMENT_STATE_PARAMS: ReadonlySet<string> = new Set<string>([...LINK_PARAMS, 'publicKey']);
/** Where a token is read from besides `token`, in order of preference, compared without case or separators (the ID token is the one people debug a login with). */
const TOKEN_PARAM_NAMES = ['token', 'idtoken', 'accesstoken', 'value', 'refreshtoken'];
/** Fragment parameters that hold the token of an OpenID Connect implicit or hybrid redirect, as the preview script reads them. */
const OIDC_FRAGMENT_TOKENS = ['id_token', 'access_token'] as const;

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

/** One `name=value` of a query or fragment: its text as written, decoded, and whether it is a credential. */
interface Param {
  piece: string;
  name: string;
  value: string;
  credential: CredentialKind | null;
}

function paramsOf(text: string): Param[] {
  const params: Param[] = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const [name, value] = new URLSearchParams(piece).entries().next().value ?? ['', ''];
    params.push({ piece, name, value, credential: credentialParam(name, value) });
  }
  return params;
}

/** A name without case or separators, as credentialParam compares names (which cannot share helpers: it is inlined by its text). */
function plainName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The token among credential parameters: a token name in any case, else any value (or bare name) that is a token. */
function pickToken(params: readonly Param[]): { token: string; name: string } | undefined {
  for (const wanted of TOKEN_PARAM_NAMES) {
    const hit = params.find((param) => param.credential !== null && plainName(param.name) === wanted && nonEmpty(param.value) !== undefined);
    if (hit) return { token: hit.value, name: hit.name };
  }
  // A token under another credential's name (`client_assertion`) or under a name that says nothing.
  const byValue = params.find((param) => param.credential === 'token-value' || (param.credential === 'name' && credentialParam('', param.value) === 'token-value'));
  // As in an Authorization header: the scheme is not part of the token.
  if (byValue) return { token: byValue.value.trim().replace(/^(?:bearer|dpop)\s+/i, ''), name: byValue.name };
  const byName = params.find((param) => param.credential === 'token-name');
  return byName ? { token: byName.name.trim(), name: byName.name } : undefined;
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
  set('issuer', nonEmpty(params.get('issuer')));
  set('clientId', nonEmpty(params.get('clientId')));
  set('scope', nonEmpty(params.get('scope')));
  return state;
}

function uniqueNames(params: readonly Param[]): string[] {
  return [...new Set(params.map((param) => param.name))];
}

interface FragmentReading {
  state: LinkState;
  source: ReadLinkResult['source'];
  legacyShape?: string;
  /** Credential parameters that are not the link's state, in order. */
  credentials: Param[];
  /** What the fragment becomes: null when it goes as a whole (it is not one of our links). */
  cleaned: string | null;
}

/**
 * A fragment of parameters (after `prefix`, if any). It is one of our links when it carries our
 * state: then only its other credentials go. Anyone else's fragment that holds a credential (a
 * sign-in redirect) goes whole.
 */
function readParamsFragment(text: string, prefix: string): FragmentReading {
  const params = paramsOf(text);
  const search = new URLSearchParams(text);
  const state = stateFromParams(search);
  const kept = new Set(FRAGMENT_STATE_PARAMS);
  let source: ReadLinkResult['source'] = Object.keys(state).length > 0 ? 'fragment' : 'none';
  let legacyShape: string | undefined;
  let ours = source === 'fragment';

  if (prefix !== '') {
    source = 'legacy-fragment';
    legacyShape = '#debugger-io?token=';
    ours = true;
  } else if (state.token !== undefined) {
    if (search.has('publicKey') && !search.has('key')) {
      source = 'legacy-fragment';
      legacyShape = '#token=…&publicKey=';
    }
  } else {
    // OpenID Connect implicit/hybrid redirects put tokens here (with state, token_type, expires_in):
    // the ID token wins. `#value=` is an older share link of ours.
    const oidc = OIDC_FRAGMENT_TOKENS.find((name) => nonEmpty(search.get(name)) !== undefined);
    const value = nonEmpty(search.get('value'));
    const others = params.filter((param) => !FRAGMENT_STATE_PARAMS.has(param.name));
    const found = oidc !== undefined ? { token: search.get(oidc) ?? '', name: oidc } : value !== undefined ? { token: value, name: 'value' } : pickToken(others);
    if (found !== undefined) {
      state.token = found.token;
      source = 'legacy-fragment';
      legacyShape = `#${found.name}=`;
      if (oidc === undefined && value !== undefined) {
        kept.add('value');
        ours = true;
      }
    }
  }

  const isRemoved = (param: Param) => param.credential !== null && !kept.has(param.name);
  const credentials = params.filter(isRemoved);
  let cleaned: string | null = `${prefix}${text}`;
  if (credentials.length > 0) {
    const rest = params.filter((param) => !isRemoved(param)).map((param) => param.piece);
    cleaned = ours ? `${prefix}${rest.join('&')}` : null;
  }
  return { state, source, legacyShape, credentials, cleaned };
}

function readFragment(fragment: string): FragmentReading {
  if (fragment.startsWith(LEGACY_DEBUGGER_PREFIX)) return readParamsFragment(fragment.slice(LEGACY_DEBUGGER_PREFIX.length), LEGACY_DEBUGGER_PREFIX);
  if (BARE_TOKEN.test(fragment)) return { state: { token: fragment }, source: 'legacy-fragment', legacyShape: '#<token>', credentials: [], cleaned: fragment };
  return readParamsFragment(fragment, '');
}

/** Reads the state from a full href. Never throws. */
export function readLink(url: string): ReadLinkResult {
  const { base, query, fragment } = splitUrl(typeof url === 'string' ? url : '');
  const fromFragment: FragmentReading = fragment !== null ? readFragment(fragment) : { state: {}, source: 'none', credentials: [], cleaned: null };

  const queryParams = query !== null ? paramsOf(query) : [];
  const queryCredentials = queryParams.filter((param) => param.credential !== null);
  const queryPick = pickToken(queryCredentials);

  const { state, source, legacyShape, credentials: fragmentCredentials, cleaned: cleanedFragment } = fromFragment;
  let result: ReadLinkResult = { state, source, ...(legacyShape !== undefined ? { legacyShape } : {}), queryHadToken: queryPick !== undefined };
  if (queryCredentials.length > 0 && query !== null && fromFragment.state.token === undefined) {
    const fromQuery = stateFromParams(new URLSearchParams(query));
    if (queryPick !== undefined) fromQuery.token = queryPick.token;
    // Fragment state (a key, say) completes the query's token rather than being dropped.
    if (Object.keys(fromQuery).length > 0) result = { state: { ...fromQuery, ...fromFragment.state }, source: 'query', queryHadToken: result.queryHadToken };
  }

  if (queryCredentials.length > 0) result.removedFromQuery = uniqueNames(queryCredentials);
  if (fragmentCredentials.length > 0) {
    result.removedFromFragment = uniqueNames(fragmentCredentials);
    if (cleanedFragment === null) result.removedWholeFragment = true;
  }
  const byValue = [...queryCredentials, ...fragmentCredentials].filter((param) => param.credential !== 'name');
  if (byValue.length > 0) result.removedForTheirValue = uniqueNames(byValue);
  if (queryCredentials.length > 0 || fragmentCredentials.length > 0) {
    const rest = queryParams.filter((param) => param.credential === null).map((param) => param.piece);
    // Nothing is moved into the fragment: the state lives in the page's memory only.
    result.cleanedUrl = `${base}${rest.length > 0 ? `?${rest.join('&')}` : ''}${cleanedFragment ? `#${cleanedFragment}` : ''}`;
  }
  return result;
}
