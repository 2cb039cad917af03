// Token-endpoint requests of a public client (code exchange with PKCE, refresh),
// revocation (RFC 7009) and userinfo. Each is built as a value first, so the page
// can show it and the curl equivalent, then sent; the answer is an HTTP log.

import type { ProviderMetadata } from './discovery';
import { sendWithDpop, type DpopKey } from './dpop';
import { formBody, jsonObjectOf, send, type Exchange, type HttpRequest, type SendOptions } from './http';
import { t } from './messages';

export type RequestResult = { ok: true; request: HttpRequest } | { ok: false; message: string };

const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

function endpoint(metadata: ProviderMetadata, member: 'token_endpoint' | 'revocation_endpoint' | 'userinfo_endpoint'): string | null {
  const value = metadata[member];
  return typeof value === 'string' && URL.canParse(value) ? value : null;
}

function formRequest(metadata: ProviderMetadata, member: 'token_endpoint' | 'revocation_endpoint', fields: Record<string, string | undefined>): RequestResult {
  const url = endpoint(metadata, member);
  if (!url) return { ok: false, message: t('oauth.notAdvertised', { member }) };
  return { ok: true, request: { method: 'POST', url, headers: { ...FORM_HEADERS }, body: formBody(fields) } };
}

export interface CodeExchange {
  clientId: string;
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

/** The authorization_code grant of a public client: client_id in the body, and the PKCE verifier. */
export function codeExchangeRequest(metadata: ProviderMetadata, params: CodeExchange): RequestResult {
  return formRequest(metadata, 'token_endpoint', {
    grant_type: 'authorization_code',
    code: params.code,
    redirect_uri: params.redirectUri,
    code_verifier: params.codeVerifier,
    client_id: params.clientId,
  });
}

export function refreshRequest(metadata: ProviderMetadata, params: { clientId: string; refreshToken: string; scope?: string }): RequestResult {
  return formRequest(metadata, 'token_endpoint', {
    grant_type: 'refresh_token',
    refresh_token: params.refreshToken,
    scope: params.scope,
    client_id: params.clientId,
  });
}

export function revocationRequest(
  metadata: ProviderMetadata,
  params: { clientId: string; token: string; tokenTypeHint?: 'access_token' | 'refresh_token' },
): RequestResult {
  return formRequest(metadata, 'revocation_endpoint', { token: params.token, token_type_hint: params.tokenTypeHint, client_id: params.clientId });
}

/** A userinfo GET with the access token in the Authorization header (RFC 6750 §2.1, RFC 9449 §7.1). */
export function userinfoRequest(metadata: ProviderMetadata, accessToken: string, tokenType: 'Bearer' | 'DPoP' = 'Bearer'): RequestResult {
  const url = endpoint(metadata, 'userinfo_endpoint');
  if (!url) return { ok: false, message: t('oauth.notAdvertised', { member: 'userinfo_endpoint' }) };
  return { ok: true, request: { method: 'GET', url, headers: { authorization: `${tokenType} ${accessToken}`, accept: 'application/json' } } };
}

export interface CallOptions extends SendOptions {
  /** Sign each request with this key (RFC 9449). */
  dpop?: DpopKey;
  /** A DPoP nonce the server gave before. */
  dpopNonce?: string;
}

export interface Call {
  /** The last exchange: the answer. */
  final: Exchange;
  /** Every exchange made, in order: a DPoP nonce retry adds one. */
  log: Exchange[];
  dpopNonce?: string;
}

/** Sends a built request, with a DPoP proof when a key is given. */
export async function call(request: HttpRequest, options: CallOptions = {}): Promise<Call> {
  if (!options.dpop) {
    const final = await send(request, options);
    return { final, log: [final] };
  }
  const authorization = request.headers.authorization;
  const accessToken = authorization?.startsWith('DPoP ') ? authorization.slice(5) : undefined;
  const sent = await sendWithDpop(request, options.dpop, { ...options, accessToken, nonce: options.dpopNonce });
  return sent.nonce === undefined ? { final: sent.final, log: sent.log } : { final: sent.final, log: sent.log, dpopNonce: sent.nonce };
}

export interface TokenSet {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  [member: string]: unknown;
}

export type TokenError =
  | { kind: 'blocked'; message: string }
  | { kind: 'oauth'; status: number; error: string; description?: string; message: string }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'json'; status: number; message: string };

export type TokenResult = { ok: true; tokens: TokenSet } | { ok: false; error: TokenError };

/** The outcome of a token-endpoint exchange (RFC 6749 §5.1, §5.2). */
export function tokenResult(exchange: Exchange): TokenResult {
  if (exchange.blocked) return { ok: false, error: { kind: 'blocked', message: t('oauth.tokenNoResponse', { reason: exchange.message }) } };
  const { status, body } = exchange.response;
  const json = jsonObjectOf(body);
  if (status !== 200) {
    if (json && typeof json.error === 'string') {
      const description = typeof json.error_description === 'string' ? json.error_description : undefined;
      return {
        ok: false,
        error: { kind: 'oauth', status, error: json.error, ...(description !== undefined && { description }), message: `${json.error}${description ? `: ${description}` : ''}` },
      };
    }
    return { ok: false, error: { kind: 'http', status, message: t('oauth.tokenHttp', { status }) } };
  }
  if (!json) return { ok: false, error: { kind: 'json', status, message: t('oauth.tokenNotJson') } };
  if (typeof json.access_token !== 'string' || typeof json.token_type !== 'string') {
    return { ok: false, error: { kind: 'json', status, message: t('oauth.tokenIncomplete') } };
  }
  return { ok: true, tokens: json as TokenSet };
}
