import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENERATED_KEY_KINDS, generateKey } from './generate';
import { parseKeyText } from './parse';
import { jwkThumbprint } from './thumbprint';

const data = Buffer.from('payload to sign');
const hashOf = (kind: string) => (kind === 'Ed25519' ? null : kind === 'P-384' ? 'sha384' : kind === 'P-521' ? 'sha512' : 'sha256');

describe('generateKey', () => {
  // ML-DSA keys (no PEM form here; Node 20 has no ML-DSA) are checked in lib/jws/mldsa.test.ts.
  for (const kind of GENERATED_KEY_KINDS.filter((k) => !k.startsWith('HS') && !k.startsWith('ML-DSA'))) {
    it(`makes a ${kind} pair that Node imports and signs with`, { timeout: 60_000 }, async () => {
      const key = await generateKey(kind);
      expect(key.kind).toBe(kind);
      expect(key.kid).toBe(await jwkThumbprint(key.publicJwk));
      expect(key.privateJwk.kid).toBe(key.kid);
      expect(key.publicJwk.kid).toBe(key.kid);
      expect(key.publicJwk.d).toBeUndefined();
      expect(key.privateJwk.key_ops).toBeUndefined();

      // Node reads every form, and they are all one key pair.
      const privateFromPem = createPrivateKey(key.privatePem!);
      const privateFromJwk = createPrivateKey({ key: key.privateJwk, format: 'jwk' });
      const publicFromPem = createPublicKey(key.publicPem!);
      expect(privateFromJwk.export({ format: 'jwk' })).toEqual(privateFromPem.export({ format: 'jwk' }));
      expect(createPublicKey(privateFromPem).export({ format: 'jwk' })).toEqual(publicFromPem.export({ format: 'jwk' }));
      const signature = sign(hashOf(kind), data, privateFromPem);
      expect(verify(hashOf(kind), data, publicFromPem, signature)).toBe(true);

      const jwks = JSON.parse(key.jwks!) as { keys: unknown[] };
      expect(jwks.keys).toEqual([key.publicJwk]);
      const reparsed = parseKeyText(key.jwks!);
      expect(reparsed.ok && reparsed.keys[0]!.kid).toBe(key.kid);
      const expectedBits = kind.startsWith('RSA') ? Number(kind.slice(4)) : kind === 'P-384' ? 384 : kind === 'P-521' ? 521 : 256;
      expect(reparsed.ok && reparsed.keys[0]!.bits).toBe(expectedBits);
    });
  }

  for (const kind of ['HS256', 'HS384', 'HS512'] as const) {
    it(`makes a random ${kind} secret of the hash's length, shown as base64url and hex`, async () => {
      const a = await generateKey(kind);
      const b = await generateKey(kind);
      const bytes = Number(kind.slice(2)) / 8;
      expect(Buffer.from(a.secret!.base64url, 'base64url')).toHaveLength(bytes);
      expect(a.secret!.hex).toBe(Buffer.from(a.secret!.base64url, 'base64url').toString('hex'));
      expect(a.privateJwk).toEqual({ kty: 'oct', k: a.secret!.base64url, kid: a.kid });
      expect(a.privatePem).toBeUndefined();
      expect(a.jwks).toBeUndefined();
      expect(a.secret!.base64url).not.toBe(b.secret!.base64url);
      const parsed = parseKeyText(a.secret!.hex, { secretEncoding: 'hex' });
      expect(parsed.ok && parsed.keys[0]!.bits).toBe(bytes * 8);
    });
  }
});
