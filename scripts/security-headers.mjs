// The single source of the security headers. `npm start` (serve), the meta
// tags in the exported pages and the nginx/Caddy examples are all generated
// from this file, so they cannot drift apart.

/**
 * Where the page may connect. Our own origin, plus any HTTPS URL, because the
 * user may ask the page to fetch a JSON Web Key Set from their identity
 * provider (and plain http on this machine, for local development). The page
 * makes such a request only when the user clicks "Fetch", and it carries only
 * the URL the user typed.
 */
export const CONNECT_SOURCES = ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'];

/**
 * The build option CONNECT_SRC pins connect-src for a company that knows its
 * identity providers: a space- or comma-separated list of origins
 * (`https://login.example.com https://*.okta.com`), or `self` (no key-set
 * fetches at all). Our own origin is always allowed. Unset or empty: the
 * default above. Anything that is not an origin is refused, so a typo cannot
 * silently open (or break) the policy.
 * @param {string | undefined} raw
 * @returns {{ ok: true, sources: string[] } | { ok: false, error: string }}
 */
export function parseConnectSources(raw) {
  const words = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { ok: true, sources: [...CONNECT_SOURCES] };
  const sources = ["'self'"];
  for (const word of words) {
    if (word === 'self' || word === "'self'") continue;
    const origin = originOf(word);
    if (!origin) {
      return {
        ok: false,
        error: `CONNECT_SRC: "${word}" is not an origin. Give origins such as https://login.example.com (http only for localhost or 127.0.0.1), separated by spaces, or "self".`,
      };
    }
    if (!sources.includes(origin)) sources.push(origin);
  }
  return { ok: true, sources };
}

/** @param {string} word @returns {string | null} the origin, when `word` is exactly an https origin (or http on this machine), `https://*.example.com` included */
function originOf(word) {
  if (word.length > 300 || !/^https?:\/\/[^/?#@\s]+\/?$/i.test(word)) return null;
  let url;
  try {
    url = new URL(word);
  } catch {
    return null;
  }
  // A host name (a leading `*.` wildcard is a valid CSP host source), or an IPv4 address.
  if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(url.hostname)) return null;
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null;
  return url.origin;
}

/**
 * connect-src for this build, from the CONNECT_SRC environment variable; a bad value stops the build with the reason.
 * @param {NodeJS.ProcessEnv} [env]
 */
export function connectSourcesFromEnv(env = process.env) {
  const parsed = parseConnectSources(env.CONNECT_SRC);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.sources;
}

/**
 * @param {{ scriptHashes: string[], forMeta?: boolean, connectSources?: string[] }} options
 *   scriptHashes: 'sha256-…' values of the inline scripts of the exported pages.
 *   forMeta: a <meta http-equiv> policy cannot carry frame-ancestors (browsers ignore it and complain).
 *   connectSources: connect-src for this build (see parseConnectSources); the default when omitted.
 * @returns {string}
 */
export function contentSecurityPolicy({ scriptHashes, forMeta = false, connectSources = CONNECT_SOURCES }) {
  const directives = [
    ["default-src", "'self'"],
    ['script-src', "'self'", ...scriptHashes.map((hash) => `'${hash}'`)],
    // Monaco sets inline styles on its elements; styles cannot run code.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'", 'data:'],
    ['worker-src', "'self'"],
    ['connect-src', ...connectSources],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
  if (!forMeta) directives.push(['frame-ancestors', "'none'"]);
  return directives.map((parts) => parts.join(' ')).join('; ');
}

export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
  'browsing-topics=()',
  // Pasting into the editors may read the clipboard (the browser still asks the user).
  'clipboard-read=(self)',
  'clipboard-write=(self)',
].join(', ');

/**
 * Every header the site should be served with.
 * @param {{ scriptHashes: string[], connectSources?: string[] }} options
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders({ scriptHashes, connectSources }) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ scriptHashes, connectSources }) },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ];
}

/**
 * Pages, the service worker and everything else are never stored by the
 * browser or a proxy: a page may have shown a token, and a stale sw.js would
 * keep an old build. Only the content-hashed Next.js assets (/_next/static/,
 * code and styles, never user data) are cached for a year: a new build gives
 * them new names.
 */
export const NO_STORE = 'no-store';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Sent by the generated nginx and Caddy configs. Browsers honour it only over
 * HTTPS (they ignore it on plain http), so it is harmless behind a TLS
 * terminator and protects a deployment served over HTTPS.
 */
export const HSTS = { key: 'Strict-Transport-Security', value: 'max-age=31536000' };
