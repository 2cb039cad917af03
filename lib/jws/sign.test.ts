import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJws } from './sign';
import { nodeVerify, pair, parsedKey, randomSecret, secretKey, splitToken } from './test-keys';
import { verifyJws } from './verify';

const decodeHeader = (token: string) => Buffer.from(splitToken(token)[0], 'base64url').toString();
const decodePayload = (token: string) => Buffer.from(splitToken(token)[1], 'base64url').toString();

async function sign(input: Parameters<typeof signJws>[0]): Promise<string> {
  const result = await signJws(input);
  if (!result.ok) throw new Error(result.error);
  return result.token;
}

describe('the header', () => {
  it('replaces an existing alg in place, keeping the user\'s key order', async () => {
    const token = await sign({ header: { typ: 'JWT', alg: 'HS512', kid: 'k1' }, payload: '{}', alg: 'HS256', key: randomSecret(32) });
    expect(decodeHeader(token)).toBe('{"typ":"JWT","alg":"HS256","kid":"k1"}');
  });

  it('puts alg first when the header has none', async () => {
    const token = await sign({ header: { typ: 'JWT', kid: 'k1' }, payload: '{}', alg: 'HS256', key: randomSecret(32) });
    expect(decodeHeader(token)).toBe('{"alg":"HS256","typ":"JWT","kid":"k1"}');
  });
});

describe('the payload', () => {
  it('signs the exact text given, whitespace and non-ASCII included', async () => {
    const payload = '{ "name": "Zoë 🦊",\n  "n": 1.50 }';
    const token = await sign({ header: {}, payload, alg: 'HS256', key: randomSecret(32) });
    expect(decodePayload(token)).toBe(payload);
  });

  it('signs an unencoded payload when the header asks for "b64": false (RFC 7797)', async () => {
    const key = randomSecret(32);
    const token = await sign({ header: { b64: false, crit: ['b64'] }, payload: 'raw text, not base64', alg: 'HS256', key });
    expect(splitToken(token)[1]).toBe('raw text, not base64');
    expect((await verifyJws(token, [key])).state).toBe('valid');
  });

  it('refuses an unencoded payload that contains a dot', async () => {
    const result = await signJws({ header: { b64: false, crit: ['b64'] }, payload: '$.02', alg: 'HS256', key: randomSecret(32) });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toContain('RFC 7797');
  });
});

describe('keys that do not fit', () => {
  it('needs the private key for asymmetric algorithms', async () => {
    const result = await signJws({ header: {}, payload: '{}', alg: 'RS256', key: pair('rsa2048').public });
    expect(result).toEqual({ ok: false, error: 'Signing needs the private key; this is a public key (RSA 2048-bit public key).' });
  });

  it('needs a secret for HMAC', async () => {
    const result = await signJws({ header: {}, payload: '{}', alg: 'HS256', key: pair('P-256').private });
    expect(result).toEqual({ ok: false, error: 'HS256 signs with a shared secret; this is an EC P-256 private key.' });
  });

  it.each([
    ['RS256', 'P-256', 'RS256 needs an RSA private key; this is an EC P-256 private key.'],
    ['ES256', 'P-384', 'ES256 needs an EC P-256 private key; this is an EC P-384 private key.'],
    ['ES256K', 'P-256', 'ES256K needs an EC secp256k1 private key; this is an EC P-256 private key.'],
    ['EdDSA', 'secp256k1', 'EdDSA needs an OKP Ed25519 or Ed448 private key; this is an EC secp256k1 private key.'],
  ] as const)('says what %s needs when given a %s key', async (alg, kind, message) => {
    expect(await signJws({ header: {}, payload: '{}', alg, key: pair(kind).private })).toEqual({ ok: false, error: message });
  });

  it('refuses a secret for an asymmetric algorithm', async () => {
    const result = await signJws({ header: {}, payload: '{}', alg: 'PS256', key: randomSecret(32) });
    expect(result).toEqual({ ok: false, error: 'PS256 needs an RSA private key; this is a 256-bit secret.' });
  });

  it('names an unknown algorithm', async () => {
    const result = await signJws({ header: {}, payload: '{}', alg: 'HS1', key: randomSecret(32) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('"HS1"');
  });

  it('reports unusable key material instead of throwing', async () => {
    const broken = parsedKey({ kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA', d: 'AA' });
    const result = await signJws({ header: {}, payload: '{}', alg: 'ES256K', key: broken });
    expect(result).toEqual({ ok: false, error: 'The secp256k1 private key\'s "d" is 1 byte long; it must be 32.' });
  });
});

describe('weak keys and none', () => {
  it('signs with a short secret but warns', async () => {
    const result = await signJws({ header: {}, payload: '{}', alg: 'HS384', key: secretKey('secret') });
    expect(result).toMatchObject({ ok: true, warnings: ['This 48-bit secret is shorter than the 384 bits HS384 requires (RFC 7518 §3.2).'] });
  });

  it('makes an unsecured token with an empty signature for "none", with a warning', async () => {
    const result = await signJws({ header: { typ: 'JWT' }, payload: '{"a":1}', alg: 'none', key: randomSecret(32) });
    if (!result.ok) throw new Error(result.error);
    expect(result.token).toBe(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"a":1}').toString('base64url')}.`);
    expect(result.warnings[0]).toContain('unsecured');
  });
});

describe('deterministic signatures match Node byte for byte', () => {
  it.each(['Ed25519', 'Ed448'] as const)('%s', async (kind) => {
    const keys = pair(kind);
    const token = await sign({ header: {}, payload: '{"n":1}', alg: kind, key: keys.private });
    const [header, payload, signature] = splitToken(token);
    const { sign: nodeSign } = await import('node:crypto');
    expect(Buffer.from(signature, 'base64url')).toEqual(nodeSign(null, Buffer.from(`${header}.${payload}`), keys.privateKey));
  });

  it('ES256K signatures are low-S and verify with Node', async () => {
    const keys = pair('secp256k1');
    const halfOrder = BigInt('0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0');
    for (let i = 0; i < 8; i++) {
      const token = await sign({ header: {}, payload: `{"n":${i}}`, alg: 'ES256K', key: keys.private });
      const [header, payload, signature] = splitToken(token);
      const bytes = Buffer.from(signature, 'base64url');
      expect(BigInt(`0x${bytes.subarray(32).toString('hex')}`) <= halfOrder).toBe(true);
      expect(nodeVerify('ES256K', `${header}.${payload}`, bytes, createPublicKey(keys.privateKey))).toBe(true);
    }
  });
});
