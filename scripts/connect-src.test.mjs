import { describe, expect, it } from 'vitest';
import { CONNECT_SOURCES, connectSourcesFromEnv, contentSecurityPolicy, parseConnectSources } from './security-headers.mjs';

const connectSrc = (policy) => policy.split('; ').find((directive) => directive.startsWith('connect-src '));

describe('CONNECT_SRC: pinning connect-src at build time', () => {
  it('keeps the default (our origin, any https, this machine) when unset or empty', () => {
    expect(connectSourcesFromEnv({})).toEqual(CONNECT_SOURCES);
    expect(connectSourcesFromEnv({ CONNECT_SRC: '  ' })).toEqual(CONNECT_SOURCES);
    expect(connectSrc(contentSecurityPolicy({ scriptHashes: [] }))).toBe("connect-src 'self' https: http://localhost:* http://127.0.0.1:*");
  });

  it('pins to the listed identity-provider origins, with our own origin always allowed', () => {
    const sources = connectSourcesFromEnv({ CONNECT_SRC: 'https://login.example.com https://idp.example.org:8443/,https://login.example.com' });
    expect(sources).toEqual(["'self'", 'https://login.example.com', 'https://idp.example.org:8443']);
    expect(connectSrc(contentSecurityPolicy({ scriptHashes: [], connectSources: sources }))).toBe(
      "connect-src 'self' https://login.example.com https://idp.example.org:8443",
    );
  });

  it('accepts a wildcard for the subdomains of a provider', () => {
    expect(connectSourcesFromEnv({ CONNECT_SRC: 'https://*.okta.com' })).toEqual(["'self'", 'https://*.okta.com']);
  });

  it("pins to 'self' alone with self", () => {
    for (const value of ['self', "'self'"]) expect(connectSourcesFromEnv({ CONNECT_SRC: value })).toEqual(["'self'"]);
  });

  it('refuses what is not an origin, saying which word and why, so a typo cannot open or break the policy', () => {
    for (const word of ['https:', 'http://login.example.com', 'https://login.example.com/path', 'https://*', 'https://a.*.example.com', "'unsafe-inline'", 'login.example.com', 'https://user@idp.example.com', 'https://a.example.com;script-src']) {
      const parsed = parseConnectSources(`https://ok.example.com ${word}`);
      expect(parsed.ok, word).toBe(false);
      expect(parsed.error).toContain(`"${word}"`);
    }
    expect(() => connectSourcesFromEnv({ CONNECT_SRC: 'https:' })).toThrow(/CONNECT_SRC/);
  });

  it('allows plain http only for this machine', () => {
    expect(parseConnectSources('http://localhost:8080 http://127.0.0.1:9000')).toEqual({ ok: true, sources: ["'self'", 'http://localhost:8080', 'http://127.0.0.1:9000'] });
  });

  it('reads a megabyte of input in linear time', () => {
    const started = performance.now();
    expect(parseConnectSources('https://' + 'a'.repeat(1_000_000)).ok).toBe(false);
    expect(parseConnectSources('https://a.example.com '.repeat(40_000)).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
