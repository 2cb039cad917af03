import { trimEndChar } from '../format/trim';
import { t } from './messages';
/** Which URLs may be fetched, and where discovery documents live. */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type UrlCheck = { ok: true; url: URL } | { ok: false; error: string };

/** HTTPS only, except plain HTTP to this machine for local development. */
export function checkFetchUrl(text: string, allowHttp = false): UrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: t('jwks.notAbsoluteUrl', { text }) };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:') {
    if (allowHttp || LOCAL_HOSTS.has(url.hostname)) return { ok: true, url };
    return { ok: false, error: t('jwks.notHttps', { url: url.href }) };
  }
  return { ok: false, error: t('jwks.notHttpsUrl', { url: url.href }) };
}

/**
 * Where an issuer's metadata may be, in the order tried:
 * - OpenID Connect Discovery §4: "/.well-known/openid-configuration" appended to the issuer (path kept);
 * - RFC 8414 §3: "/.well-known/oauth-authorization-server" inserted between host and path.
 */
export function discoveryUrls(issuer: URL): string[] {
  const path = trimEndChar(issuer.pathname, '/');
  return [
    `${issuer.origin}${path}/.well-known/openid-configuration`,
    `${issuer.origin}/.well-known/oauth-authorization-server${path}`,
  ];
}
