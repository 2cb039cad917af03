// Provider metadata: OpenID Connect Discovery, with the RFC 8414 location as a
// fallback. The issuer in the document must equal the one asked for, character for
// character (OpenID Connect Discovery §4.3, RFC 8414 §3.3): otherwise another
// provider's tokens could be taken for this one's.

import { jsonObjectOf, send, type SendOptions } from './http';
import { t } from './messages';

export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  userinfo_endpoint?: string;
  jwks_uri?: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  pushed_authorization_request_endpoint?: string;
  require_pushed_authorization_requests?: boolean;
  authorization_response_iss_parameter_supported?: boolean;
  code_challenge_methods_supported?: string[];
  response_modes_supported?: string[];
  scopes_supported?: string[];
  dpop_signing_alg_values_supported?: string[];
  [member: string]: unknown;
}

export type DiscoveryError =
  | { kind: 'issuer'; message: string }
  /** No response at all: in a browser, most likely CORS. */
  | { kind: 'blocked'; url: string; message: string }
  | { kind: 'http'; url: string; status: number; message: string }
  | { kind: 'json'; url: string; message: string }
  | { kind: 'issuer-mismatch'; url: string; expected: string; actual: unknown; message: string }
  | { kind: 'metadata'; url: string; member: string; message: string };

export type DiscoveryResult = { ok: true; url: string; metadata: ProviderMetadata } | { ok: false; error: DiscoveryError };

const ENDPOINTS = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
  'revocation_endpoint',
  'introspection_endpoint',
  'pushed_authorization_request_endpoint',
] as const;
const LISTS = ['code_challenge_methods_supported', 'response_modes_supported', 'scopes_supported', 'dpop_signing_alg_values_supported'] as const;

/** The two well-known locations for an issuer: OpenID Connect's first, then RFC 8414's. */
export function discoveryUrls(issuer: string): string[] {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/$/, '');
  return [`${url.origin}${path}/.well-known/openid-configuration`, `${url.origin}/.well-known/oauth-authorization-server${path}`];
}

function checkIssuer(issuer: string): DiscoveryError | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return { kind: 'issuer', message: t('oauth.issuerNotUrl', { issuer }) };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))) {
    return { kind: 'issuer', message: t('oauth.issuerNotHttps') };
  }
  if (url.search || url.hash || issuer.includes('#')) return { kind: 'issuer', message: t('oauth.issuerQueryFragment') };
  return null;
}

/** Checks the members the flow relies on; the rest is passed through untouched. */
function checkMetadata(url: string, document: Record<string, unknown>): DiscoveryError | null {
  for (const member of ENDPOINTS) {
    const value = document[member];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !URL.canParse(value)) {
      return { kind: 'metadata', url, member, message: t('oauth.memberNotUrl', { member }) };
    }
  }
  for (const member of LISTS) {
    const value = document[member];
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
      return { kind: 'metadata', url, member, message: t('oauth.memberNotList', { member }) };
    }
  }
  return null;
}

async function fetchDocument(url: string, issuer: string, options: SendOptions): Promise<DiscoveryResult> {
  const exchange = await send({ method: 'GET', url, headers: { accept: 'application/json' } }, options);
  if (exchange.blocked) {
    return { ok: false, error: { kind: 'blocked', url, message: t('oauth.discoveryBlocked', { url, reason: exchange.message }) } };
  }
  const { status, body } = exchange.response;
  if (status !== 200) return { ok: false, error: { kind: 'http', url, status, message: t('oauth.discoveryHttp', { url, status }) } };
  const document = jsonObjectOf(body);
  if (!document) return { ok: false, error: { kind: 'json', url, message: t('oauth.discoveryNotJson', { url }) } };
  if (document.issuer !== issuer) {
    return {
      ok: false,
      error: {
        kind: 'issuer-mismatch',
        url,
        expected: issuer,
        actual: document.issuer,
        message: t('oauth.issuerMismatch', { actual: String(JSON.stringify(document.issuer)), expected: JSON.stringify(issuer) }),
      },
    };
  }
  const problem = checkMetadata(url, document);
  if (problem) return { ok: false, error: problem };
  return { ok: true, url, metadata: document as ProviderMetadata };
}

/**
 * Fetches the provider's metadata. Tries the RFC 8414 location when the OpenID one
 * answers with an HTTP error; a blocked request is reported at once (the other
 * location is on the same origin).
 */
export async function discover(issuer: string, options: SendOptions = {}): Promise<DiscoveryResult> {
  const invalid = checkIssuer(issuer);
  if (invalid) return { ok: false, error: invalid };
  const [openid, oauth] = discoveryUrls(issuer) as [string, string];
  const first = await fetchDocument(openid, issuer, options);
  if (first.ok || first.error.kind !== 'http') return first;
  const second = await fetchDocument(oauth, issuer, options);
  // When neither location has a document, the OpenID one's answer is the one to show.
  return !second.ok && second.error.kind === 'http' ? first : second;
}
