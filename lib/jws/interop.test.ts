/**
 * Every algorithm against Node's crypto, an implementation independent of
 * ours: tokens Node signs verify here (and fail when tampered with or checked
 * against the wrong key), and tokens signed here verify in Node.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedKey } from '@/lib/keys/types';
import { signJws } from './sign';
import { nodeToken, nodeVerify, flipSignatureBit, newPair, pair, randomSecret, secretBytes, splitToken, swapPayload, type PairKind } from './test-keys';
import { verifyJws } from './verify';

const PAYLOAD = JSON.stringify({ sub: '1234567890', name: 'Zoë', iat: 1516239022 });

type Case = ({ alg: string; kind: PairKind } | { alg: string; secretBytes: number }) & { name?: string };
const CASES: Case[] = [
  { alg: 'HS256', secretBytes: 32 },
  { alg: 'HS384', secretBytes: 48 },
  { alg: 'HS512', secretBytes: 64 },
  { alg: 'RS256', kind: 'rsa2048' },
  { alg: 'RS384', kind: 'rsa2048' },
  { alg: 'RS512', kind: 'rsa2048' },
  { alg: 'PS256', kind: 'rsa2048' },
  { alg: 'PS384', kind: 'rsa2048' },
  { alg: 'PS512', kind: 'rsa2048' },
  { alg: 'ES256', kind: 'P-256' },
  { alg: 'ES384', kind: 'P-384' },
  { alg: 'ES512', kind: 'P-521' },
  { alg: 'ES256K', kind: 'secp256k1' },
  { alg: 'EdDSA', kind: 'Ed25519' },
  { alg: 'EdDSA', kind: 'Ed448' },
  { alg: 'Ed25519', kind: 'Ed25519' },
  { alg: 'Ed448', kind: 'Ed448' },
];

interface Material {
  /** Key for Node to sign with, and for Node to verify with. */
  nodeSigning: Parameters<typeof nodeToken>[2];
  nodeVerifying: Parameters<typeof nodeToken>[2];
  /** What the user would paste to verify, and to sign. */
  verifyKeys: { label: string; key: ParsedKey }[];
  signKey: ParsedKey;
  wrongKey: ParsedKey;
}

function material(testCase: Case): Material {
  if ('secretBytes' in testCase) {
    const key = randomSecret(testCase.secretBytes);
    const bytes = secretBytes(key);
    return { nodeSigning: bytes, nodeVerifying: bytes, verifyKeys: [{ label: 'secret', key }], signKey: key, wrongKey: randomSecret(testCase.secretBytes) };
  }
  const keys = pair(testCase.kind);
  return {
    nodeSigning: keys.privateKey,
    nodeVerifying: keys.publicKey,
    verifyKeys: [
      { label: 'public JWK', key: keys.public },
      { label: 'private JWK', key: keys.private },
    ],
    signKey: keys.private,
    wrongKey: newPair(testCase.kind).public,
  };
}

const named = CASES.map((testCase) => ({ ...testCase, name: 'kind' in testCase ? `${testCase.alg} with an ${testCase.kind} key` : `${testCase.alg} with a ${testCase.secretBytes * 8}-bit secret` }));

describe.each(named)('$name', (testCase) => {
  const { alg } = testCase;
  const keys = material(testCase);
  const nodeSigned = nodeToken({ alg, typ: 'JWT' }, PAYLOAD, keys.nodeSigning);

  it.each(keys.verifyKeys)('verifies a token Node signed, with the $label', async ({ key }) => {
    const result = await verifyJws(nodeSigned, [key]);
    expect(result.state).toBe('valid');
    expect(result.message).toContain(alg);
    expect(result.warnings).toEqual([]);
    expect(result.usedKey?.index).toBe(0);
  });

  it('rejects the token when the payload was changed after signing', async () => {
    const tampered = swapPayload(nodeSigned, PAYLOAD.replace('Zoë', 'Eve'));
    const result = await verifyJws(tampered, [keys.verifyKeys[0]!.key]);
    expect(result.state).toBe('invalid');
    expect(result.message).toMatch(/does not match/);
  });

  it('rejects the token when one bit of the signature was flipped', async () => {
    const result = await verifyJws(flipSignatureBit(nodeSigned), [keys.verifyKeys[0]!.key]);
    expect(result.state).toBe('invalid');
  });

  it('rejects the token checked against another key of the same kind', async () => {
    const result = await verifyJws(nodeSigned, [keys.wrongKey]);
    expect(result.state).toBe('invalid');
    expect(result.triedKeys).toBe(1);
  });

  it('signs a token that Node verifies, and that verifies here', async () => {
    const signed = await signJws({ header: { typ: 'JWT' }, payload: PAYLOAD, alg, key: keys.signKey });
    if (!signed.ok) throw new Error(signed.error);
    const [header, payload, signature] = splitToken(signed.token);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg, typ: 'JWT' });
    expect(Buffer.from(payload, 'base64url').toString()).toBe(PAYLOAD);
    expect(nodeVerify(alg, `${header}.${payload}`, Buffer.from(signature, 'base64url'), keys.nodeVerifying)).toBe(true);
    expect(nodeVerify(alg, `${header}.${payload}x`, Buffer.from(signature, 'base64url'), keys.nodeVerifying)).toBe(false);
    expect((await verifyJws(signed.token, [keys.verifyKeys[0]!.key])).state).toBe('valid');
  });
});
