import { describe, expect, it } from 'vitest';
import { caddyConfig, nginxConfig } from './deploy-configs.mjs';
import { HSTS, securityHeaders } from './security-headers.mjs';

const scriptHashes = ['sha256-2pXx1sqZ6n8KQ0cF6b1Wl0v7QmU5m4N0yJkq6W4z3sE=', 'sha256-Ab+/Zz09=='];
const expected = securityHeaders({ scriptHashes }).map(({ key, value }) => ({ key, value }));

/** Each nginx location's add_header lines, as { key, value } in order, by location prefix. */
function nginxLocations(config) {
  const locations = new Map();
  let current = null;
  for (const line of config.split('\n')) {
    const open = /^\s*location\s+(\S+)\s*\{\s*$/.exec(line);
    if (open) {
      current = open[1];
      locations.set(current, []);
      continue;
    }
    if (/^\s*\}\s*$/.test(line)) current = null;
    const header = /^\s*add_header\s+(\S+)\s+"((?:[^"\\]|\\.)*)"\s+always;\s*$/.exec(line);
    if (header) {
      expect(current, `add_header outside a location: ${line}`).not.toBeNull();
      locations.get(current).push({ key: header[1], value: header[2].replace(/\\(.)/g, '$1') });
    }
  }
  return locations;
}

/** The Caddyfile's global header block as { key, value }. */
function caddyHeaders(config) {
  const block = /\n\s*header \{\n([\s\S]*?)\n\s*\}/.exec(config);
  expect(block).not.toBeNull();
  return block[1]
    .split('\n')
    .map((line) => /^\s*(\S+)\s+"((?:[^"\\]|\\.)*)"\s*$/.exec(line))
    .filter(Boolean)
    .map((match) => ({ key: match[1], value: match[2].replace(/\\(.)/g, '$1') }));
}

const withoutCacheControl = (headers) => headers.filter((header) => header.key !== 'Cache-Control' && header.key !== HSTS.key);

describe('nginx configuration', () => {
  for (const basePath of ['', '/tools/jwt']) {
    it(`sends exactly the security headers of npm start in every location (base path "${basePath || '/'}")`, () => {
      const locations = nginxLocations(nginxConfig({ scriptHashes, basePath }));
      const serving = [...locations.entries()].filter(([, headers]) => headers.length > 0);
      expect(serving.map(([prefix]) => prefix)).toEqual([`${basePath}/`, `${basePath}/_next/static/`]);
      for (const [, headers] of serving) expect(withoutCacheControl(headers)).toEqual(expected);
    });
  }

  it("carries this build's script hashes in its policy, and no unsafe script source", () => {
    const csp = nginxLocations(nginxConfig({ scriptHashes })).get('/').find((header) => header.key === 'Content-Security-Policy').value;
    const scriptSrc = csp.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self' '${scriptHashes[0]}' '${scriptHashes[1]}'`);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('caches hashed assets for a year and never stores pages or the service worker', () => {
    const locations = nginxLocations(nginxConfig({ scriptHashes, basePath: '/tools/jwt' }));
    expect(locations.get('/tools/jwt/').find((h) => h.key === 'Cache-Control').value).toBe('no-store');
    expect(locations.get('/tools/jwt/_next/static/').find((h) => h.key === 'Cache-Control').value).toContain('immutable');
  });

  it('sends Strict-Transport-Security in every location', () => {
    for (const [, headers] of nginxLocations(nginxConfig({ scriptHashes })).entries()) {
      if (headers.length === 0) continue;
      expect(headers.find((h) => h.key === 'Strict-Transport-Security')?.value).toMatch(/^max-age=\d{8,}$/);
    }
  });

  it('pins connect-src when the build was given identity-provider origins', () => {
    const config = nginxConfig({ scriptHashes, connectSources: ["'self'", 'https://login.example.com'] });
    const csp = nginxLocations(config).get('/').find((h) => h.key === 'Content-Security-Policy').value;
    expect(csp).toContain("connect-src 'self' https://login.example.com;");
    expect(csp).not.toContain('https:;');
  });

  it('serves a base path from its folder and redirects the bare path to it', () => {
    const config = nginxConfig({ scriptHashes, basePath: '/tools/jwt' });
    expect(config).toContain('location = /tools/jwt { return 301 /tools/jwt/; }');
    expect(config).toContain('error_page 404 /tools/jwt/404.html;');
    expect(nginxConfig({ scriptHashes })).not.toContain('return 30');
  });

  it('escapes quotes so a header value cannot end its string early', () => {
    const config = nginxConfig({ scriptHashes: ['sha256-"x'] });
    const csp = nginxLocations(config).get('/').find((header) => header.key === 'Content-Security-Policy').value;
    expect(csp).toContain(`'sha256-"x'`);
  });
});

describe('Caddy configuration', () => {
  for (const basePath of ['', '/tools/jwt']) {
    it(`sends exactly the security headers of npm start (base path "${basePath || '/'}")`, () => {
      const config = caddyConfig({ scriptHashes, basePath });
      expect(caddyHeaders(config)).toEqual([...expected, HSTS]);
      expect(config).toContain(`header @revalidated Cache-Control "no-store"`);
      expect(config).toContain(`@hashed path ${basePath}/_next/static/*`);
      expect(config).toContain(`rewrite @notFound ${basePath}/404.html`);
    });
  }

  it('changes with the build: new script hashes give a new policy', () => {
    const before = caddyHeaders(caddyConfig({ scriptHashes }));
    const after = caddyHeaders(caddyConfig({ scriptHashes: ['sha256-new='] }));
    expect(after.find((h) => h.key === 'Content-Security-Policy').value).toContain("'sha256-new='");
    expect(after).not.toEqual(before);
  });
});
