// The authorization request (OpenID Connect Core §3.1.2.1 with PKCE), its pushed form
// (PAR, RFC 9126), and the redirect back: code, state, error and iss (RFC 9207).

import type { ProviderMetadata } from './discovery';
import { jsonObjectOf, type Exchange, type HttpRequest } from './http';
import { t } from './messages';

/**
 * code: the authorization code flow. The hybrid ones (OpenID Connect Core §3.3) also bring an
 * ID token (and, with token, an access token) back from the authorization endpoint, where it
 * carries c_hash (and at_hash); their answer always comes in the fragment.
 */
export type ResponseType = 'code' | 'code id_token' | 'code id_token token';

export const isHybrid = (responseType: ResponseType | undefined): boolean => responseType !== undefined && responseType !== 'code';

export interface AuthorizationParams {
  /** code (the default) or a hybrid response type. */
  responseType?: ResponseType;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  nonce?: string;
  codeChallenge: string;
  /** Where the code comes back: fragment (the default, never sent to a server) or query. */
  responseMode?: 'fragment' | 'query';
  prompt?: string;
  /** Further parameters (login_hint, resource, …); none may replace one set above. */
  extra?: Record<string, string>;
}

export type AuthorizeError = { kind: 'metadata' | 'parameter'; message: string };
export type AuthorizeResult<T> = ({ ok: true } & T) | { ok: false; error: AuthorizeError };

const FLOW_PARAMETERS = new Set(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'response_mode', 'prompt']);

/**
 * The request's parameters, in a stable order. Name–value pairs, not an object: an
 * extra parameter may be called __proto__ or toString like any other.
 */
export function authorizationParameters(params: AuthorizationParams): AuthorizeResult<{ fields: [string, string][] }> {
  // Hybrid answers carry tokens: never in the query (OAuth 2.0 Multiple Response Types §5).
  if (isHybrid(params.responseType) && params.responseMode === 'query') {
    return { ok: false, error: { kind: 'parameter', message: t('oauth.hybridInQuery', { responseType: String(params.responseType) }) } };
  }
  const fields: [string, string][] = [
    ['response_type', params.responseType ?? 'code'],
    ['client_id', params.clientId],
    ['redirect_uri', params.redirectUri],
    ['scope', params.scope],
    ['state', params.state],
  ];
  if (params.nonce !== undefined) fields.push(['nonce', params.nonce]);
  fields.push(['code_challenge', params.codeChallenge], ['code_challenge_method', 'S256'], ['response_mode', params.responseMode ?? 'fragment']);
  if (params.prompt !== undefined) fields.push(['prompt', params.prompt]);
  for (const [name, value] of Object.entries(params.extra ?? {})) {
    if (FLOW_PARAMETERS.has(name)) {
      return { ok: false, error: { kind: 'parameter', message: t('oauth.extraReplacesFlow', { name }) } };
    }
    if (name === '') return { ok: false, error: { kind: 'parameter', message: t('oauth.extraNoName') } };
    fields.push([name, value]);
  }
  return { ok: true, fields };
}

function endpointOf(metadata: ProviderMetadata, member: 'authorization_endpoint' | 'pushed_authorization_request_endpoint'): URL | AuthorizeError {
  const value = metadata[member];
  if (!value) return { kind: 'metadata', message: t('oauth.notAdvertised', { member }) };
  try {
    return new URL(value);
  } catch {
    return { kind: 'metadata', message: t('oauth.memberNotUrl', { member }) };
  }
}

/** Adds parameters to an endpoint URL, keeping the query it already has (OAuth 2.0 §3.1). */
function withParameters(endpoint: URL, fields: [string, string][]): string {
  const url = new URL(endpoint);
  for (const [name, value] of fields) url.searchParams.append(name, value);
  return url.toString();
}

/** The URL to send the browser to. */
export function buildAuthorizationUrl(metadata: ProviderMetadata, params: AuthorizationParams): AuthorizeResult<{ url: string }> {
  const endpoint = endpointOf(metadata, 'authorization_endpoint');
  if (!(endpoint instanceof URL)) return { ok: false, error: endpoint };
  const built = authorizationParameters(params);
  if (!built.ok) return built;
  return { ok: true, url: withParameters(endpoint, built.fields) };
}

/** Whether the provider takes pushed authorization requests, and whether it insists on them. */
export function parSupport(metadata: ProviderMetadata): 'required' | 'available' | 'none' {
  if (!metadata.pushed_authorization_request_endpoint) return 'none';
  return metadata.require_pushed_authorization_requests === true ? 'required' : 'available';
}

/** The pushed authorization request (RFC 9126 §2.1) of a public client. */
export function buildParRequest(metadata: ProviderMetadata, params: AuthorizationParams): AuthorizeResult<{ request: HttpRequest }> {
  const endpoint = endpointOf(metadata, 'pushed_authorization_request_endpoint');
  if (!(endpoint instanceof URL)) return { ok: false, error: endpoint };
  const built = authorizationParameters(params);
  if (!built.ok) return built;
  return {
    ok: true,
    request: {
      method: 'POST',
      url: endpoint.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(built.fields).toString(),
    },
  };
}

/** The authorization URL that refers to a pushed request (RFC 9126 §4). */
export function parAuthorizationUrl(metadata: ProviderMetadata, clientId: string, exchange: Exchange): AuthorizeResult<{ url: string; expiresIn?: number }> {
  if (exchange.blocked) return { ok: false, error: { kind: 'metadata', message: t('oauth.parNoResponse', { reason: exchange.message }) } };
  const { status, body } = exchange.response;
  const json = jsonObjectOf(body);
  if (status !== 201 || !json || typeof json.request_uri !== 'string') {
    const detail = json && typeof json.error === 'string' ? `${json.error}${typeof json.error_description === 'string' ? `: ${json.error_description}` : ''}` : `HTTP ${status}`;
    return { ok: false, error: { kind: 'parameter', message: t('oauth.parRefused', { detail }) } };
  }
  const endpoint = endpointOf(metadata, 'authorization_endpoint');
  if (!(endpoint instanceof URL)) return { ok: false, error: endpoint };
  const url = withParameters(endpoint, [
    ['client_id', clientId],
    ['request_uri', json.request_uri],
  ]);
  return typeof json.expires_in === 'number' ? { ok: true, url, expiresIn: json.expires_in } : { ok: true, url };
}

export type RedirectError =
  | { kind: 'url'; message: string }
  /** The provider sent an error response (RFC 6749 §4.1.2.1). */
  | { kind: 'provider'; error: string; description?: string; uri?: string; message: string }
  | { kind: 'state'; message: string }
  | { kind: 'iss'; message: string }
  | { kind: 'code'; message: string }
  | { kind: 'token'; message: string };

export interface RedirectExpectation {
  state: string;
  /** The issuer the request went to; iss is compared to it when present (RFC 9207 §2.4). */
  issuer?: string;
  /** Where the parameters are: fragment (default) or query. */
  responseMode?: 'fragment' | 'query';
  /** The provider said it always sends iss (authorization_response_iss_parameter_supported). */
  issRequired?: boolean;
  /** What was asked for: a hybrid answer must bring its ID token (and access token). */
  responseType?: ResponseType;
}

/** The access token of a code id_token token answer (OAuth 2.0 Multiple Response Types §3). */
export interface FrontChannelAccessToken {
  accessToken: string;
  tokenType?: string;
  expiresIn?: number;
}

export type RedirectResult =
  | { ok: true; code: string; state: string; iss?: string; idToken?: string; access?: FrontChannelAccessToken }
  | { ok: false; error: RedirectError };

/**
 * Reads the redirect back. state and iss are checked before an error response is
 * believed: an attacker's error is as forgeable as an attacker's code.
 */
export function parseRedirect(redirectUrl: string, expected: RedirectExpectation): RedirectResult {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    return { ok: false, error: { kind: 'url', message: t('oauth.redirectNotUrl') } };
  }
  const mode = expected.responseMode ?? 'fragment';
  const params = new URLSearchParams(mode === 'fragment' ? url.hash.replace(/^#/, '') : url.search);
  for (const name of ['state', 'code', 'iss', 'error', 'id_token', 'access_token', 'token_type', 'expires_in']) {
    if (params.getAll(name).length > 1) return { ok: false, error: { kind: 'url', message: t('oauth.redirectRepeated', { name }) } };
  }
  const state = params.get('state');
  if (state === null) return { ok: false, error: { kind: 'state', message: t('oauth.redirectNoState') } };
  if (state !== expected.state) return { ok: false, error: { kind: 'state', message: t('oauth.redirectWrongState') } };
  const iss = params.get('iss');
  if (iss !== null && expected.issuer !== undefined && iss !== expected.issuer) {
    return { ok: false, error: { kind: 'iss', message: t('oauth.redirectWrongIss', { iss: JSON.stringify(iss), issuer: JSON.stringify(expected.issuer) }) } };
  }
  // An answer that carries an ID token names its issuer there (its iss claim, checked with it): RFC 9207 §2.4.
  const idTokenNamesIssuer = isHybrid(expected.responseType) && params.get('id_token') !== null;
  if (iss === null && expected.issRequired && !idTokenNamesIssuer) {
    return { ok: false, error: { kind: 'iss', message: t('oauth.redirectNoIss') } };
  }
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description') ?? undefined;
    const uri = params.get('error_uri') ?? undefined;
    return {
      ok: false,
      error: { kind: 'provider', error, ...(description !== undefined && { description }), ...(uri !== undefined && { uri }), message: description ? t('oauth.providerErrorDescribed', { error, description }) : t('oauth.providerError', { error }) },
    };
  }
  const code = params.get('code');
  if (!code) return { ok: false, error: { kind: 'code', message: t('oauth.redirectNoCode', { mode }) } };
  const found = { code, state, ...(iss !== null && { iss }) };
  const responseType = expected.responseType ?? 'code';
  if (responseType === 'code') return { ok: true, ...found };
  const idToken = params.get('id_token');
  if (!idToken) return { ok: false, error: { kind: 'token', message: t('oauth.redirectNoIdToken', { responseType }) } };
  if (responseType === 'code id_token') return { ok: true, ...found, idToken };
  const accessToken = params.get('access_token');
  if (!accessToken) return { ok: false, error: { kind: 'token', message: t('oauth.redirectNoAccessToken', { responseType }) } };
  const tokenType = params.get('token_type');
  const expiresIn = Number(params.get('expires_in') ?? Number.NaN);
  const access: FrontChannelAccessToken = { accessToken, ...(tokenType !== null && { tokenType }), ...(Number.isFinite(expiresIn) && { expiresIn }) };
  return { ok: true, ...found, idToken, access };
}
