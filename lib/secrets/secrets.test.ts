import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/pyjwt-tokens.json';
import { findWellKnownSecret } from './try-secrets';
import { isWellKnownSecret, WELL_KNOWN_SECRETS } from './well-known';

describe('the list of well-known secrets', () => {
  it('holds several hundred distinct entries, the usual defaults among them', () => {
    expect(WELL_KNOWN_SECRETS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(WELL_KNOWN_SECRETS).size).toBe(WELL_KNOWN_SECRETS.length);
    for (const secret of ['secret', 'your-256-bit-secret', 'changeme', 'supersecret', 'jwt_secret', 'shhhhh', 'keyboard cat']) {
      expect(isWellKnownSecret(secret), secret).toBe(true);
    }
  });

  it('matches exactly, not by prefix or case folding', () => {
    expect(isWellKnownSecret('secret ')).toBe(false);
    expect(isWellKnownSecret('a-secret-nobody-would-put-on-a-list-8c1f2e')).toBe(false);
    expect(isWellKnownSecret('toString')).toBe(false);
    expect(isWellKnownSecret('__proto__')).toBe(false);
  });
});

describe('findWellKnownSecret: tokens signed by PyJWT', () => {
  for (const { alg, secret, token } of fixtures.tokens) {
    const listed = isWellKnownSecret(secret);
    it(`${alg} signed with ${listed ? `the listed "${secret}"` : 'an unlisted secret'}`, async () => {
      const result = await findWellKnownSecret(token);
      expect(result).toMatchObject({ ok: true, secret: listed ? secret : null });
      if (result.ok && !listed) expect(result.tried).toBe(WELL_KNOWN_SECRETS.length);
    });
  }

  it('a changed payload no longer verifies with the secret', async () => {
    const [h, , s] = fixtures.tokens[0]!.token.split('.');
    const forged = `${h}.${Buffer.from('{"sub":"someone-else"}').toString('base64url')}.${s}`;
    expect(await findWellKnownSecret(forged)).toMatchObject({ ok: true, secret: null });
  });

  it('refuses what is not an HMAC compact JWS, with a reason', async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`;
    const proto = `${Buffer.from('{"alg":"toString"}').toString('base64url')}.e30.c2ln`;
    for (const token of ['', 'a.b', none, proto, 'a.b.c.d.e', `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.e30.%%%`]) {
      expect((await findWellKnownSecret(token)).ok, token).toBe(false);
    }
  });
});
