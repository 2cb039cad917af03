// The flow in progress between the redirect to the provider and the return: the PKCE
// verifier, state and nonce, kept in sessionStorage for that one hop and removed when
// the answer comes back (or does not match). Tokens are never stored.

import { isHybrid, type ResponseType } from './authorize';
import type { ProviderMetadata } from './discovery';
import type { Exchange } from './http';

import { PENDING_FLOW_KEY } from './pending-key';

export { PENDING_FLOW_KEY };

/** The part of Storage used here: sessionStorage in the page, a Map in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface FlowSetup {
  issuer: string;
  clientId: string;
  scope: string;
  /** Further authorization parameters, one name=value a line. */
  extra: string;
  responseMode: 'fragment' | 'query';
  /** code, or a hybrid type (its answer is always in the fragment); absent means code. */
  responseType?: ResponseType;
  usePar: boolean;
  dpop: boolean;
}

export interface PendingFlow {
  setup: FlowSetup;
  metadata: ProviderMetadata;
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The requests made before the redirect (discovery, PAR), for the HTTP log after it. */
  log?: { label: string; exchange: Exchange }[];
}

export interface AuthorizationReturn {
  pending: PendingFlow;
  /** The address the provider sent the browser back to, with code and state: held in memory only. */
  redirectUrl: string;
}

export function savePendingFlow(store: KeyValueStore, pending: PendingFlow): void {
  store.setItem(PENDING_FLOW_KEY, JSON.stringify(pending));
}

function readPending(store: KeyValueStore): PendingFlow | null {
  try {
    const text = store.getItem(PENDING_FLOW_KEY);
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const pending = value as Partial<PendingFlow>;
    const strings = [pending.state, pending.nonce, pending.codeVerifier, pending.redirectUri, pending.setup?.issuer, pending.setup?.clientId];
    if (!strings.every((item) => typeof item === 'string') || typeof pending.metadata !== 'object' || pending.metadata === null) return null;
    return pending as PendingFlow;
  } catch {
    return null;
  }
}

/** The state parameter of the address, where the pending flow asked for the answer. */
function stateOf(url: URL, responseMode: 'fragment' | 'query'): string | null {
  const params = new URLSearchParams(responseMode === 'query' ? url.search : url.hash.replace(/^#/, ''));
  return params.get('state');
}

/**
 * When the address answers the pending flow (its state is the one sent), takes it: the
 * pending flow is removed from the store and returned with the address, for the flow
 * to check and exchange. Anything else leaves the store and the address to the link reader.
 */
export function takeAuthorizationReturn(store: KeyValueStore, href: string): AuthorizationReturn | null {
  const pending = readPending(store);
  if (!pending) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const state = stateOf(url, pending.setup.responseMode === 'query' && !isHybrid(pending.setup.responseType) ? 'query' : 'fragment');
  if (state === null || state !== pending.state) return null;
  store.removeItem(PENDING_FLOW_KEY);
  return { pending, redirectUrl: href };
}

/** The address without the authorization answer: no query, no fragment. */
export function addressWithoutAnswer(href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname}`;
}
