// When the browser gets no answer (CORS), the setting to change at the provider.
// Recognised from the issuer URL only: a guess that names where to look.

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
      return { provider, name: 'Auth0', message: `In the Auth0 application's settings, add ${origin} to "Allowed Web Origins" (and the callback URL to "Allowed Callback URLs").` };
    case 'okta':
      return { provider, name: 'Okta', message: `In the Okta admin console, Security › API › Trusted Origins: add ${origin} with the CORS type checked.` };
    case 'entra':
      return {
        provider,
        name: 'Microsoft Entra ID',
        message: 'In the app registration\'s Authentication, add the redirect URI under the platform "Single-page application": the token endpoint answers cross-origin requests only for that platform.',
      };
    case 'keycloak':
      return { provider, name: 'Keycloak', message: `In the Keycloak client's settings, add ${origin} to "Web origins" (or "+" to allow the redirect URIs' origins).` };
    case 'google':
      return {
        provider,
        name: 'Google',
        message: 'Google\'s token endpoint asks for the client secret even with PKCE, which a page must not hold: exchange the code with the curl command instead.',
      };
    case 'adfs':
      return {
        provider,
        name: 'AD FS',
        message: 'AD FS sends no CORS headers by default, so a page cannot call its token endpoint; AD FS 2019 and later can with Set-AdfsResponseHeaders -EnableCORS $true -CORSTrustedOrigins. Otherwise use the curl command.',
      };
    default:
      return { provider, name: null, message: `The provider did not allow ${origin} to read its answer (CORS). Allow this origin in the client's settings, or use the curl command.` };
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
