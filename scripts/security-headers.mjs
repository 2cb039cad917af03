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
 * @param {{ scriptHashes: string[], forMeta?: boolean }} options
 *   scriptHashes: 'sha256-…' values of the inline scripts of the exported pages.
 *   forMeta: a <meta http-equiv> policy cannot carry frame-ancestors (browsers ignore it and complain).
 * @returns {string}
 */
export function contentSecurityPolicy({ scriptHashes, forMeta = false }) {
  const directives = [
    ["default-src", "'self'"],
    ['script-src', "'self'", ...scriptHashes.map((hash) => `'${hash}'`)],
    // Monaco sets inline styles on its elements; styles cannot run code.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'", 'data:'],
    ['worker-src', "'self'"],
    ['connect-src', ...CONNECT_SOURCES],
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
 * @param {{ scriptHashes: string[] }} options
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders({ scriptHashes }) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ scriptHashes }) },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ];
}
