import { describe, expect, it } from 'vitest';
import { CLAIM_CATALOGUE, CLAIM_PATTERNS, lookupClaim } from './catalogue';

describe('claim catalogue', () => {
  it('gives every entry a title, a one-line description and an https spec link', () => {
    for (const c of CLAIM_CATALOGUE) {
      expect(c.title, c.name).not.toBe('');
      expect(c.description.length, c.name).toBeGreaterThan(10);
      expect(c.description, c.name).not.toMatch(/[\n\r<>]/);
      expect(c.spec.label, c.name).not.toBe('');
      expect(new URL(c.spec.url).protocol, c.name).toBe('https:');
    }
  });

  it('has no duplicate name in the same place', () => {
    const keys = CLAIM_CATALOGUE.map((c) => `${c.where}:${c.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('links RFC sections to the RFC Editor with a matching label', () => {
    for (const c of CLAIM_CATALOGUE.filter((e) => e.spec.label.startsWith('RFC'))) {
      const m = /^RFC (\d+)(?: §([\d.]+))?$/.exec(c.spec.label);
      expect(m, c.spec.label).not.toBeNull();
      const section = m?.[2] ? `#section-${m[2]}` : '';
      expect(c.spec.url).toBe(`https://www.rfc-editor.org/rfc/rfc${m?.[1]}${section}`);
    }
  });

  it('covers the claims and header parameters the decoder promises to explain', () => {
    const payload = [
      'iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti',
      'auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 's_hash', 'sid',
      'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture',
      'website', 'email', 'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number',
      'phone_number_verified', 'address', 'updated_at',
      'client_id', 'scope', 'act', 'may_act', 'cnf', 'htm', 'htu', 'ath', 'events', 'toe', 'txn',
      'tid', 'oid', 'roles', 'scp', 'upn', 'unique_name', 'ver', 'appid', 'appidacr', 'idp', 'uti', 'rh', 'wids',
      'realm_access', 'resource_access', 'typ', 'session_state', 'allowed-origins',
      'cognito:groups', 'cognito:username', 'token_use', 'origin_jti', 'event_id', 'username',
      'hd', 'repository', 'ref', 'sha', 'workflow', 'job_workflow_ref', 'run_id', 'actor', 'environment',
      'firebase', 'user_id',
    ];
    const header = ['alg', 'typ', 'kid', 'cty', 'jku', 'jwk', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'crit', 'b64', 'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c'];
    for (const name of payload) expect(lookupClaim(name, 'payload')?.pattern, name).toBeUndefined();
    for (const name of payload) expect(lookupClaim(name, 'payload'), name).not.toBeNull();
    for (const name of header) expect(lookupClaim(name, 'header'), name).not.toBeNull();
  });

  it('marks time claims as NumericDate and personal data as sensitive', () => {
    for (const name of ['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe']) {
      expect(lookupClaim(name, 'payload')?.type, name).toBe('NumericDate');
    }
    for (const name of ['email', 'phone_number', 'address', 'birthdate', 'name']) {
      expect(lookupClaim(name, 'payload')?.sensitive, name).toBe(true);
    }
    expect(lookupClaim('sub', 'payload')?.sensitive).toBeFalsy();
    expect(lookupClaim('aud', 'payload')?.type).toBe('string|string[]');
  });
});

describe('lookupClaim', () => {
  it('finds exact names with their spec section', () => {
    const exp = lookupClaim('exp', 'payload');
    expect(exp).toMatchObject({ name: 'exp', title: 'Expiration Time', where: 'payload' });
    expect(exp?.spec).toEqual({ label: 'RFC 7519 §4.1.4', url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4' });
  });

  it('keeps header and payload meanings apart', () => {
    expect(lookupClaim('typ', 'header')?.spec.label).toBe('RFC 7515 §4.1.9');
    expect(lookupClaim('typ', 'payload')?.title).toMatch(/Keycloak/);
    expect(lookupClaim('exp', 'header')).toBeNull();
    expect(lookupClaim('alg', 'payload')).toBeNull();
  });

  it('explains iss, sub and aud replicated into a header (RFC 7519 §5.3)', () => {
    const iss = lookupClaim('iss', 'header');
    expect(iss?.where).toBe('header');
    expect(iss?.description).toMatch(/§5\.3/);
  });

  it('is case-sensitive, as claim names are', () => {
    expect(lookupClaim('EXP', 'payload')).toBeNull();
  });

  it('recognises Microsoft xms_ claims by their prefix', () => {
    const c = lookupClaim('xms_cc', 'payload');
    expect(c).toMatchObject({ name: 'xms_cc', pattern: 'xms_*' });
    expect(c?.spec.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('recognises namespaced custom claims (URLs and URNs)', () => {
    for (const name of ['https://example.com/roles', 'http://acme.test/tenant', 'urn:example:claims:level']) {
      const c = lookupClaim(name, 'payload');
      expect(c?.pattern, name).toBe('namespaced (URL or URN)');
      expect(c?.description).toMatch(/namespaced custom claim/);
      expect(c?.name).toBe(name);
    }
    expect(lookupClaim('https:/broken', 'payload')).toBeNull();
  });

  it('recognises other Cognito claims and custom attributes', () => {
    expect(lookupClaim('cognito:mfa_enabled', 'payload')?.pattern).toBe('cognito:*');
    expect(lookupClaim('custom:tenant', 'payload')?.pattern).toBe('custom:*');
  });

  it('prefers an exact entry over a pattern', () => {
    expect(lookupClaim('cognito:groups', 'payload')?.pattern).toBeUndefined();
  });

  it('looks up members of cnf by dotted name', () => {
    expect(lookupClaim('cnf.jkt', 'payload')?.spec.label).toBe('RFC 9449 §6.1');
  });

  it('returns null for unknown names', () => {
    expect(lookupClaim('favourite_colour', 'payload')).toBeNull();
    expect(lookupClaim('', 'header')).toBeNull();
  });

  it('has pattern rules whose regexes JSON Schema can reuse (no flags)', () => {
    for (const rule of CLAIM_PATTERNS) expect(rule.regex.flags).toBe('');
  });
});
