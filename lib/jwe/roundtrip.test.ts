import { describe, expect, it } from 'vitest';
import type { ParsedKey } from '@/lib/keys/types';
import { JWE_ALGORITHMS, JWE_ENCRYPTIONS } from './algorithms';
import { decryptJwe } from './decrypt';
import { encryptJwe } from './encrypt';
import { nodeEncrypt } from './node-jwe';
import { keyPair, secretKey } from './test-keys';
import type { PasswordInput } from './types';

const ENCS = ['A128GCM', 'A256GCM', 'A128CBC-HS256', 'A256CBC-HS512'] as const;
const CEK_BITS: Record<string, number> = { A128GCM: 128, A256GCM: 256, 'A128CBC-HS256': 256, 'A256CBC-HS512': 512 };
const PLAINTEXT = '{"sub":"1234567890","name":"Zoë ✓","admin":true}';

const rsa = keyPair({ type: 'rsa', modulusLength: 2048 });
const ecCurves = {
  'P-256': keyPair({ type: 'ec', namedCurve: 'P-256' }),
  'P-384': keyPair({ type: 'ec', namedCurve: 'P-384' }),
  'P-521': keyPair({ type: 'ec', namedCurve: 'P-521' }),
  X25519: keyPair({ type: 'x25519' }),
};

interface Case {
  alg: string;
  enc: string;
  label: string;
  encryptWith: ParsedKey | PasswordInput;
  decryptWith: ParsedKey[] | PasswordInput;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const enc of ENCS) {
    const dirKey = secretKey(CEK_BITS[enc] ?? 0);
    out.push({ alg: 'dir', enc, label: 'secret', encryptWith: dirKey, decryptWith: [dirKey] });
    for (const alg of ['A128KW', 'A256KW', 'A128GCMKW', 'A256GCMKW']) {
      const kek = secretKey(Number(alg.slice(1, 4)));
      out.push({ alg, enc, label: 'secret', encryptWith: kek, decryptWith: [kek] });
    }
    for (const alg of ['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512']) {
      out.push({ alg, enc, label: 'RSA 2048', encryptWith: rsa.publicKey, decryptWith: [rsa.privateKey] });
    }
    for (const alg of ['ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A256KW']) {
      for (const [curve, pair] of Object.entries(ecCurves)) {
        out.push({ alg, enc, label: curve, encryptWith: pair.publicKey, decryptWith: [pair.privateKey] });
      }
    }
    for (const alg of ['PBES2-HS256+A128KW', 'PBES2-HS512+A256KW']) {
      const password = { password: 'correct horse battery staple ✓' };
      out.push({ alg, enc, label: 'password', encryptWith: password, decryptWith: password });
    }
  }
  return out;
}

describe('every supported alg × enc, encrypted by jose through encryptJwe, decrypts', () => {
  it.each(cases())('$alg + $enc ($label)', async ({ alg, enc, encryptWith, decryptWith }) => {
    const made = await encryptJwe({ protectedHeader: { alg, enc, cty: 'json' }, plaintext: PLAINTEXT, key: encryptWith });
    if (!made.ok) throw new Error(made.error);
    const outcome = await decryptJwe(made.token, decryptWith);
    expect(outcome.message).toMatch(/^Decrypted with/);
    expect(outcome.state).toBe('valid');
    expect(outcome.plaintext).toBe(PLAINTEXT);
    expect(outcome.plaintextIsJson).toBe(true);
    expect(outcome.header).toMatchObject({ alg, enc, cty: 'json' });
  });

  it('covers every algorithm and encryption the tables call supported', () => {
    const all = cases();
    const supportedAlgs = Object.values(JWE_ALGORITHMS).filter((a) => a.supported).map((a) => a.name);
    const supportedEncs = Object.values(JWE_ENCRYPTIONS).filter((e) => e.supported).map((e) => e.name);
    expect(new Set(all.map((c) => c.alg))).toEqual(new Set(supportedAlgs));
    expect(new Set(all.map((c) => c.enc))).toEqual(new Set(supportedEncs));
  });
});

describe('tokens made by an independent implementation (Node crypto) decrypt', () => {
  const nodeCases: { alg: string; enc: string; key: () => { enc: ParsedKey | PasswordInput; dec: ParsedKey[] | PasswordInput } }[] = [
    { alg: 'dir', enc: 'A256GCM', key: () => { const k = secretKey(256); return { enc: k, dec: [k] }; } },
    { alg: 'dir', enc: 'A128CBC-HS256', key: () => { const k = secretKey(256); return { enc: k, dec: [k] }; } },
    { alg: 'dir', enc: 'A256CBC-HS512', key: () => { const k = secretKey(512); return { enc: k, dec: [k] }; } },
    { alg: 'A128KW', enc: 'A128GCM', key: () => { const k = secretKey(128); return { enc: k, dec: [k] }; } },
    { alg: 'A256KW', enc: 'A256CBC-HS512', key: () => { const k = secretKey(256); return { enc: k, dec: [k] }; } },
    { alg: 'A256GCMKW', enc: 'A128CBC-HS256', key: () => { const k = secretKey(256); return { enc: k, dec: [k] }; } },
    { alg: 'RSA-OAEP', enc: 'A256GCM', key: () => ({ enc: rsa.publicKey, dec: [rsa.privateKey] }) },
    { alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256', key: () => ({ enc: rsa.publicKey, dec: [rsa.privateKey] }) },
    { alg: 'RSA-OAEP-512', enc: 'A128GCM', key: () => ({ enc: rsa.publicKey, dec: [rsa.privateKey] }) },
    { alg: 'ECDH-ES', enc: 'A128GCM', key: () => ({ enc: ecCurves['P-256'].publicKey, dec: [ecCurves['P-256'].privateKey] }) },
    { alg: 'ECDH-ES', enc: 'A256CBC-HS512', key: () => ({ enc: ecCurves['P-521'].publicKey, dec: [ecCurves['P-521'].privateKey] }) },
    { alg: 'ECDH-ES+A128KW', enc: 'A256GCM', key: () => ({ enc: ecCurves.X25519.publicKey, dec: [ecCurves.X25519.privateKey] }) },
    { alg: 'ECDH-ES+A256KW', enc: 'A128CBC-HS256', key: () => ({ enc: ecCurves['P-384'].publicKey, dec: [ecCurves['P-384'].privateKey] }) },
    { alg: 'PBES2-HS256+A128KW', enc: 'A128CBC-HS256', key: () => ({ enc: { password: 'hunter2' }, dec: { password: 'hunter2' } }) },
    { alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', key: () => ({ enc: { password: 'pässwörd' }, dec: { password: 'pässwörd' } }) },
  ];

  it.each(nodeCases)('$alg + $enc', async ({ alg, enc, key }) => {
    const keys = key();
    const token = nodeEncrypt({ alg, enc, key: 'password' in keys.enc ? keys.enc : keys.enc.publicJwk, plaintext: 'made without jose' });
    const outcome = await decryptJwe(token, keys.dec);
    expect(outcome.state).toBe('valid');
    expect(outcome.plaintext).toBe('made without jose');
    expect(outcome.plaintextIsJson).toBe(false);
  });
});
