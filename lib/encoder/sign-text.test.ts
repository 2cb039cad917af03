import { constants, createHmac, createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWithKeyText } from '@/lib/jws';
import { decoderKeyFor } from './decoder-key';
import { signFromText, type SignTextInput } from './sign-text';

const PAYLOAD = '{\n  "sub": "user-1",\n  "name": "Zoë",\n  "iat": 1700000000\n}';
const HEADER = (alg: string) => `{\n  "alg": "${alg}",\n  "typ": "JWT"\n}`;

function b64urlDecode(segment: string): Buffer {
  return Buffer.from(segment, 'base64url');
}

/** Node's own check of a compact JWS: a second implementation besides the one that signed. */
function nodeVerifies(token: string, alg: string, publicKey: KeyObject): boolean {
  const [h, p, s] = token.split('.') as [string, string, string];
  const data = Buffer.from(`${h}.${p}`);
  const signature = b64urlDecode(s);
  const hash = `sha${alg.slice(-3)}`;
  if (alg.startsWith('RS')) return verify(hash, data, publicKey, signature);
  if (alg.startsWith('PS')) return verify(hash, data, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 }, signature);
  if (alg === 'ES256K') return verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  if (alg.startsWith('ES')) return verify(hash, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  return verify(null, data, publicKey, signature); // EdDSA, Ed25519
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
const ed = generateKeyPairSync('ed25519');

const pkcs8 = (key: KeyObject) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
const jwk = (key: KeyObject) => JSON.stringify(key.export({ format: 'jwk' }));

interface Case {
  alg: string;
  format: string;
  key: string;
  publicKey: KeyObject;
}

const CASES: Case[] = [
  ...['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'].flatMap((alg) => [
    { alg, format: 'PKCS#8 PEM', key: pkcs8(rsa.privateKey), publicKey: rsa.publicKey },
    { alg, format: 'PKCS#1 PEM', key: rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(), publicKey: rsa.publicKey },
    { alg, format: 'JWK', key: jwk(rsa.privateKey), publicKey: rsa.publicKey },
  ]),
  ...([
    ['ES256', p256],
    ['ES384', p384],
    ['ES512', p521],
    ['ES256K', k1],
  ] as const).flatMap(([alg, pair]) => [
    { alg, format: 'PKCS#8 PEM', key: pkcs8(pair.privateKey), publicKey: pair.publicKey },
    { alg, format: 'SEC1 PEM', key: pair.privateKey.export({ format: 'pem', type: 'sec1' }).toString(), publicKey: pair.publicKey },
    { alg, format: 'JWK', key: jwk(pair.privateKey), publicKey: pair.publicKey },
  ]),
  ...['EdDSA', 'Ed25519'].flatMap((alg) => [
    { alg, format: 'PKCS#8 PEM', key: pkcs8(ed.privateKey), publicKey: ed.publicKey },
    { alg, format: 'JWK', key: jwk(ed.privateKey), publicKey: ed.publicKey },
  ]),
];

function input(alg: string, key: string, overrides: Partial<SignTextInput> = {}): SignTextInput {
  return { header: HEADER(alg), payload: PAYLOAD, alg, key, secretEncoding: 'utf8', ...overrides };
}

describe('signFromText with asymmetric keys', () => {
  it.each(CASES.map((c) => [c.alg, c.format, c] as const))('%s with a %s private key verifies in Node', async (_alg, _format, c) => {
    const result = await signFromText(input(c.alg, c.key));
    expect(result.ok ? '' : result.error).toBe('');
    if (!result.ok) return;
    expect(nodeVerifies(result.token, c.alg, c.publicKey)).toBe(true);
    const [h, p] = result.token.split('.') as [string, string];
    expect(JSON.parse(b64urlDecode(h).toString())).toEqual({ alg: c.alg, typ: 'JWT' });
    // Signed as compact JSON, exactly.
    expect(b64urlDecode(p).toString()).toBe(JSON.stringify(JSON.parse(PAYLOAD)));
  });

  it.each(CASES.filter((c) => c.format === 'JWK').map((c) => [c.alg, c] as const))('%s: the key handed to the decoder is public and verifies the token', async (_alg, c) => {
    const result = await signFromText(input(c.alg, c.key));
    if (!result.ok) throw new Error(result.error);
    const handed = await decoderKeyFor(c.key, 'utf8', c.alg, false);
    if (!handed.ok) throw new Error(handed.error);
    expect(handed.key).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(createPublicKey(handed.key).equals(c.publicKey)).toBe(true);
    expect((await verifyWithKeyText(result.token, handed.key)).state).toBe('valid');
  });
});

describe('signFromText with secrets', () => {
  const secret = 'a-string-secret-at-least-256-bits-long-for-hs512-it-needs-64-bytes!!';
  it.each(['HS256', 'HS384', 'HS512'])('%s matches Node createHmac', async (alg) => {
    const result = await signFromText(input(alg, secret));
    if (!result.ok) throw new Error(result.error);
    const [h, p, s] = result.token.split('.') as [string, string, string];
    expect(s).toBe(createHmac(`sha${alg.slice(2)}`, secret).update(`${h}.${p}`).digest('base64url'));
  });

  it.each([
    ['hex', Buffer.alloc(32, 0xab).toString('hex')],
    ['base64url', Buffer.alloc(32, 0xcd).toString('base64url')],
  ] as const)('reads a %s secret as bytes', async (encoding, text) => {
    const result = await signFromText(input('HS256', text, { secretEncoding: encoding }));
    if (!result.ok) throw new Error(result.error);
    const [h, p, s] = result.token.split('.') as [string, string, string];
    expect(s).toBe(createHmac('sha256', Buffer.from(text, encoding)).update(`${h}.${p}`).digest('base64url'));
  });

  it('hands the secret to the decoder only when asked', async () => {
    expect(await decoderKeyFor(secret, 'utf8', 'HS256', false)).toMatchObject({ ok: true, key: '' });
    expect(await decoderKeyFor(secret, 'utf8', 'HS256', true)).toMatchObject({ ok: true, key: secret });
  });

  it('warns that a short secret is below what the algorithm requires, and still signs', async () => {
    const result = await signFromText(input('HS256', 'short'));
    expect(result.ok && result.warnings.join(' ')).toMatch(/shorter than the 256 bits/);
  });
});

describe('signFromText refusals', () => {
  it('says where the payload JSON breaks', async () => {
    const result = await signFromText(input('HS256', 'secret', { payload: '{\n  "sub": "1",\n  "exp": \n}' }));
    expect(result).toMatchObject({ ok: false, source: 'payload' });
    expect(result.ok ? '' : result.error).toMatch(/payload is not valid JSON\. Line 4, column 1/);
  });

  it('refuses a header that is not an object, or whose alg is unknown', async () => {
    expect(await signFromText(input('HS256', 'secret', { header: '[]' }))).toMatchObject({ ok: false, source: 'header' });
    const unknown = await signFromText(input('HS256', 'secret', { header: '{"alg": "HS257"}' }));
    expect(unknown.ok ? '' : unknown.error).toMatch(/"HS257" is not an algorithm/);
  });

  it('says what key the algorithm needs when the key does not fit', async () => {
    const wrongCurve = await signFromText(input('ES256', pkcs8(p384.privateKey)));
    expect(wrongCurve).toMatchObject({ ok: false, source: 'key' });
    expect(wrongCurve.ok ? '' : wrongCurve.error).toMatch(/ES256 needs an EC P-256 private key; this is an EC P-384 private key/);
    const publicOnly = await signFromText(input('RS256', rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString()));
    expect(publicOnly.ok ? '' : publicOnly.error).toMatch(/needs the private key/);
    const pemForHmac = await signFromText(input('HS256', pkcs8(rsa.privateKey)));
    expect(pemForHmac.ok ? '' : pemForHmac.error).toMatch(/shared secret/);
    const empty = await signFromText(input('RS256', '  '));
    expect(empty.ok ? '' : empty.error).toMatch(/RS256 needs a key/);
  });

  it('signs alg none without a key, with an empty signature and a warning', async () => {
    const result = await signFromText(input('none', ''));
    if (!result.ok) throw new Error(result.error);
    expect(result.token.endsWith('.')).toBe(true);
    expect(result.warnings.join(' ')).toMatch(/unsecured/);
  });
});
