import { describe, expect, it } from 'vitest';
import { blockedHint, connectSrcToAdd, recogniseProvider } from './provider-hints';

const origin = 'https://workbench.example';

describe('what to change when the provider blocks the page', () => {
  it.each([
    ['https://tenant.eu.auth0.com/', 'auth0', /Allowed Web Origins/],
    ['https://dev-123.okta.com/oauth2/default', 'okta', /Trusted Origins.*CORS/],
    ['https://login.microsoftonline.com/0000-tenant/v2.0', 'entra', /Single-page application/],
    ['https://sso.example.org/realms/acme', 'keycloak', /Web origins/],
    ['https://accounts.google.com', 'google', /client secret/],
    ['https://fs.example.org/adfs', 'adfs', /no CORS/],
  ])('%s is %s', (issuer, provider, sentence) => {
    const hint = blockedHint(issuer, origin);
    expect(hint.provider).toBe(provider);
    expect(hint.message).toMatch(sentence);
  });

  it('the page\'s origin is named where the setting takes an origin', () => {
    for (const issuer of ['https://tenant.auth0.com/', 'https://dev-1.okta.com', 'https://kc.example/realms/r']) expect(blockedHint(issuer, origin).message).toContain(origin);
  });

  it('a look-alike host is not taken for the provider; anything else gets the generic sentence', () => {
    expect(recogniseProvider('https://auth0.com.evil.example')).toBe('other');
    expect(recogniseProvider('https://notokta.com')).toBe('other');
    expect(recogniseProvider('not a url')).toBe('other');
    expect(blockedHint('https://id.example.org', origin)).toEqual({ provider: 'other', name: null, message: expect.stringContaining('CORS') });
  });
});

describe('a call the pinned connect-src refused', () => {
  it('names the origin to add, whether the browser reported the URL or its origin', () => {
    expect(connectSrcToAdd('https://login.example.com/oauth/token', ['https://login.example.com/oauth/token'])).toBe('https://login.example.com');
    expect(connectSrcToAdd('https://login.example.com:8443/token', ['https://login.example.com:8443'])).toBe('https://login.example.com:8443');
  });
  it('says nothing when the policy refused another origin, or nothing at all (CORS)', () => {
    expect(connectSrcToAdd('https://login.example.com/token', ['https://login.example.com.evil.test/token'])).toBeNull();
    expect(connectSrcToAdd('https://login.example.com/token', ['https://login.example.com:444/token'])).toBeNull();
    expect(connectSrcToAdd('https://login.example.com/token', [])).toBeNull();
    expect(connectSrcToAdd('https://login.example.com/token', ['inline', 'eval'])).toBeNull();
  });
});
