// When the browser gets no answer (CORS), the setting to change at the provider.
// Recognised from the issuer URL only: a guess that names where to look.

import { t } from './messages';

export type ProviderId = 'auth0' | 'okta' | 'entra' | 'keycloak' | 'google' | 'adfs' | 'other';

export interface ProviderHint {
  provider: ProviderId;
  /** The provider's name, or null when not recognised. */
  name: string | null;
  message: string;
}

function hostAndPath(issuer: string): { host: string; path: string } | null {
  try {
    const url = new URL(issuer);
    return { host: url.hostname.toLowerCase(), path: url.pathname.toLowerCase() };
  } catch {
    return null;
  }
}

const endsWith = (host: string, ...suffixes: string[]) => suffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));

export function recogniseProvider(issuer: string): ProviderId {
  const parts = hostAndPath(issuer);
  if (!parts) return 'other';
  const { host, path } = parts;
  if (endsWith(host, 'auth0.com')) return 'auth0';
  if (endsWith(host, 'okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com')) return 'okta';
  if (endsWith(host, 'login.microsoftonline.com', 'sts.windows.net', 'ciamlogin.com', 'login.microsoftonline.us')) return 'entra';
  if (host === 'accounts.google.com') return 'google';
  if (path === '/adfs' || path.startsWith('/adfs/')) return 'adfs';
  if (/(^|\/)realms\/[^/]+\/?$/.test(path)) return 'keycloak';
  return 'other';
}

/** What to change so that a page at `origin` may call the provider of `issuer`. */
export function blockedHint(issuer: string, origin: string): ProviderHint {
  const provider = recogniseProvider(issuer);
  switch (provider) {
    case 'auth0':
      return { provider, name: 'Auth0', message: t('oauth.hintAuth0', { origin }) };
    case 'okta':
      return { provider, name: 'Okta', message: t('oauth.hintOkta', { origin }) };
    case 'entra':
      return {
        provider,
        name: 'Microsoft Entra ID',
        message: t('oauth.hintEntra'),
      };
    case 'keycloak':
      return { provider, name: 'Keycloak', message: t('oauth.hintKeycloak', { origin }) };
    case 'google':
      return {
        provider,
        name: 'Google',
        message: t('oauth.hintGoogle'),
      };
    case 'adfs':
      return {
        provider,
        name: 'AD FS',
        message: t('oauth.hintAdfs'),
      };
    default:
      return { provider, name: null, message: t('oauth.hintOther', { origin }) };
  }
}

/**
 * The origin to add to a build's pinned connect-src (CONNECT_SRC) when the page's own
 * Content-Security-Policy refused the call to `url`, or null. `refusedUris` are the
 * blockedURI of the connect-src violations seen (a browser reports the URL or its origin).
 */
export function connectSrcToAdd(url: string, refusedUris: readonly string[]): string | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  return refusedUris.some((uri) => URL.canParse(uri) && new URL(uri).origin === origin) ? origin : null;
}
