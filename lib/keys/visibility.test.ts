import { readFileSync } from 'node:fs';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeLink, linkGrantsSigning } from '@/lib/links/describe-link';
import { base64urlEncode } from './base64';
import { jwkToPem } from './convert';
import { readKeyText } from './parse';
import { derBase64Of, fixtures, pemOf } from './test-keys';
import type { Jwk } from './types';
import { type KeyVisibility, jwkVisibility, keyTextVisibility, privateMembersOf, withoutPrivateMembers } from './visibility';

/** One way of writing a key down, and what it is. */
interface Sample {
  type: string;
  format: string;
  text: string;
  jwk?: Jwk;
  expected: KeyVisibility;
}

const chain = JSON.parse(readFileSync(new URL('../chain/fixtures/chain.json', import.meta.url), 'utf8')) as { leafPem: string; rootPem: string };
const ML_DSA = { 'ML-DSA-44': ml_dsa44, 'ML-DSA-65': ml_dsa65, 'ML-DSA-87': ml_dsa87 } as const;

const samples: Sample[] = [];

/** RSA, EC P-256/384/521, Ed25519 and X25519 from Node's crypto, in every format Node writes for them. */
function nodeSamples(): Sample[] {
  const wanted = ['RSA 2048', 'EC P-256', 'EC P-384', 'EC P-521', 'Ed25519', 'X25519'];
  const out: Sample[] = [];
  for (const fixture of fixtures().filter((f) => wanted.includes(f.name))) {
    const type = fixture.name;
    out.push({ type, format: 'JWK', text: JSON.stringify(fixture.privateJwk), jwk: fixture.privateJwk, expected: 'private' });
    out.push({ type, format: 'JWK', text: JSON.stringify(fixture.publicJwk), jwk: fixture.publicJwk, expected: 'public' });
    out.push({ type, format: 'PEM SPKI', text: pemOf(fixture.publicKey, 'spki'), expected: 'public' });
    out.push({ type, format: 'PEM PKCS#8', text: pemOf(fixture.privateKey, 'pkcs8'), expected: 'private' });
    out.push({ type, format: 'DER SPKI', text: derBase64Of(fixture.publicKey, 'spki'), expected: 'public' });
    out.push({ type, format: 'DER PKCS#8', text: derBase64Of(fixture.privateKey, 'pkcs8'), expected: 'private' });
    if (type.startsWith('RSA')) {
      out.push({ type, format: 'PEM PKCS#1', text: pemOf(fixture.privateKey, 'pkcs1'), expected: 'private' });
      out.push({ type, format: 'PEM PKCS#1', text: pemOf(fixture.publicKey, 'pkcs1'), expected: 'public' });
      out.push({ type, format: 'DER PKCS#1', text: derBase64Of(fixture.privateKey, 'pkcs1'), expected: 'private' });
      out.push({ type, format: 'DER PKCS#1', text: derBase64Of(fixture.publicKey, 'pkcs1'), expected: 'public' });
    }
    if (type.startsWith('EC')) {
      out.push({ type, format: 'PEM SEC1', text: pemOf(fixture.privateKey, 'sec1'), expected: 'private' });
      out.push({ type, format: 'DER SEC1', text: derBase64Of(fixture.privateKey, 'sec1'), expected: 'private' });
    }
  }
  out.push({ type: 'certificate', format: 'PEM certificate', text: chain.leafPem, expected: 'public' });
  out.push({ type: 'certificate', format: 'PEM certificate', text: chain.rootPem, expected: 'public' });
  return out;
}

/** AKP keys (ML-DSA-44/65/87): a seed, its public key, as JWK and as PEM. */
function mlDsaSamples(name: keyof typeof ML_DSA, seed: Uint8Array): Sample[] {
  const privateJwk: Jwk = { kty: 'AKP', alg: name, pub: base64urlEncode(ML_DSA[name].keygen(seed).publicKey), priv: base64urlEncode(seed) };
  const publicJwk = withoutPrivateMembers(privateJwk);
  const type = name;
  const out: Sample[] = [
    { type, format: 'JWK', text: JSON.stringify(privateJwk, null, 2), jwk: privateJwk, expected: 'private' },
    { type, format: 'JWK', text: JSON.stringify(publicJwk), jwk: publicJwk, expected: 'public' },
  ];
  const spki = jwkToPem(publicJwk, 'public');
  const pkcs8 = jwkToPem(privateJwk, 'private');
  if (spki.ok) out.push({ type, format: 'PEM SPKI', text: spki.pem, expected: 'public' });
  if (pkcs8.ok) out.push({ type, format: 'PEM PKCS#8', text: pkcs8.pem, expected: 'private' });
  return out;
}

/** Symmetric keys: a JWK, or the secret typed as it is. */
function secretSamples(bytes: Uint8Array, typed: string): Sample[] {
  const jwk: Jwk = { kty: 'oct', k: base64urlEncode(bytes) };
  return [
    { type: 'oct', format: 'JWK', text: JSON.stringify(jwk), jwk, expected: 'secret' },
    { type: 'oct', format: 'raw secret', text: typed, expected: 'secret' },
  ];
}

beforeAll(() => {
  samples.push(...nodeSamples());
});

const RANK: Record<KeyVisibility, number> = { public: 0, secret: 1, private: 2 };

/** What the key parser makes of the text: the most dangerous of the keys it holds. */
async function parsedVisibility(text: string): Promise<KeyVisibility> {
  const parsed = await readKeyText(text);
  if (!parsed.ok) throw new Error(`${parsed.error.message}\n${text}`);
  return parsed.keys.map((key) => key.visibility).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
}

/** Ways a person pastes the same key: surrounding blank space, Windows line ends. */
const dressing = fc.record({
  before: fc.constantFrom('', '\n', '  ', '\r\n\t'),
  after: fc.constantFrom('', '\n', '\n\n', ' '),
  crlf: fc.boolean(),
});

function dress(text: string, d: { before: string; after: string; crlf: boolean }): string {
  return d.before + (d.crlf ? text.replace(/\r?\n/g, '\r\n') : text) + d.after;
}

const mlDsaName = fc.constantFrom('ML-DSA-44' as const, 'ML-DSA-65' as const, 'ML-DSA-87' as const);
const seed = fc.uint8Array({ minLength: 32, maxLength: 32 });
// Secrets a person types: printable, not empty, not shaped like a PEM, JSON or DER.
const typedSecret = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter((s) => s.trim() !== '' && s === s.trim() && !/^[{[]|-----|^M[A-Za-z0-9+/]{39,}|^(ssh-|ecdsa-|sk-|PuTTY|eyJ)/.test(s));

/** Any key of any type in any format, with its expected visibility. */
const anySample = fc.oneof(
  fc.nat().map((i) => samples[i % samples.length]!),
  fc.tuple(mlDsaName, seed, fc.nat()).map(([name, s, i]) => {
    const list = mlDsaSamples(name, s);
    return list[i % list.length]!;
  }),
  fc.tuple(fc.uint8Array({ minLength: 16, maxLength: 64 }), typedSecret, fc.boolean()).map(([bytes, typed, asJwk]) => secretSamples(bytes, typed)[asJwk ? 0 : 1]!),
);

describe('keyTextVisibility over generated keys of every type and format', () => {
  it('agrees with the key parser and with what a share link says', async () => {
    await fc.assert(
      fc.asyncProperty(anySample, dressing, async (sample, d) => {
        const text = dress(sample.text, d);
        const label = `${sample.type} ${sample.format}`;
        expect(keyTextVisibility(text), label).toBe(sample.expected);
        expect(await parsedVisibility(text), label).toBe(sample.expected);
        if (sample.jwk) expect(jwkVisibility(sample.jwk), label).toBe(sample.expected);
        expect(linkGrantsSigning({ signingKey: text }), label).toBe(sample.expected !== 'public');
        const words = describeLink({ key: text }).join(' ');
        if (sample.expected === 'private') expect(words, label).toMatch(/^a private key/);
        if (sample.expected === 'public') expect(words, label).toMatch(/a public key/);
        if (sample.expected === 'secret') expect(words, label).toMatch(/^the shared secret/);
      }),
      { numRuns: 200 },
    );
  });

  it('makes a JWKS as dangerous as its most dangerous key', async () => {
    const jwks = samples.filter((s) => s.jwk);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...jwks), fc.tuple(mlDsaName, seed).map(([name, s]) => mlDsaSamples(name, s)[0]!)), { minLength: 1, maxLength: 4 }),
        async (members) => {
          const text = JSON.stringify({ keys: members.map((m) => m.jwk) }, null, 2);
          const expected = members.map((m) => m.expected).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
          expect(keyTextVisibility(text)).toBe(expected);
          expect(await parsedVisibility(text)).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('covers every type and format it claims to', () => {
    const covered = new Set(samples.map((s) => `${s.type} ${s.format} ${s.expected}`));
    for (const name of ['RSA 2048', 'EC P-256', 'EC P-384', 'EC P-521', 'Ed25519', 'X25519']) {
      expect(covered).toContain(`${name} JWK private`);
      expect(covered).toContain(`${name} PEM PKCS#8 private`);
      expect(covered).toContain(`${name} PEM SPKI public`);
    }
    expect(covered).toContain('RSA 2048 PEM PKCS#1 private');
    expect(covered).toContain('EC P-384 PEM SEC1 private');
    expect(covered).toContain('certificate PEM certificate public');
    const mlDsa = mlDsaSamples('ML-DSA-65', new Uint8Array(32)).map((s) => `${s.format} ${s.expected}`);
    expect(mlDsa).toEqual(['JWK private', 'JWK public', 'PEM SPKI public', 'PEM PKCS#8 private']);
  });
});

describe('jwkVisibility and privateMembersOf', () => {
  it.each([
    [{ kty: 'RSA', n: 'bg', e: 'AQAB' }, 'public', []],
    [{ kty: 'RSA', n: 'bg', e: 'AQAB', d: 'ZA' }, 'private', ['d']],
    [{ kty: 'RSA', n: 'bg', e: 'AQAB', p: 'cA', q: 'cQ', dp: 'eA', dq: 'eQ', qi: 'eg' }, 'private', ['p', 'q', 'dp', 'dq', 'qi']],
    [{ kty: 'RSA', n: 'bg', e: 'AQAB', oth: [] }, 'private', ['oth']],
    [{ kty: 'OKP', crv: 'Ed25519', x: 'eA', d: 'ZA' }, 'private', ['d']],
    [{ kty: 'AKP', alg: 'ML-DSA-44', pub: 'cHVi', priv: 'c2VlZA' }, 'private', ['priv']],
    [{ kty: 'AKP', alg: 'ML-DSA-44', pub: 'cHVi' }, 'public', []],
    [{ kty: 'oct', k: 'c2VjcmV0' }, 'secret', ['k']],
  ] as const)('%j is %s', (jwk, visibility, members) => {
    expect(jwkVisibility(jwk)).toBe(visibility);
    expect(privateMembersOf(jwk)).toEqual(members);
    expect(privateMembersOf(withoutPrivateMembers(jwk))).toEqual([]);
  });

  it('ignores members inherited from the prototype', () => {
    expect(jwkVisibility(JSON.parse('{"kty":"EC","__proto__":{"d":"x"}}') as Record<string, unknown>)).toBe('public');
  });
});

describe('keyTextVisibility on text that is not a usable key', () => {
  it.each([
    ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----', 'private'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----', 'private'],
    ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none', 'private'],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG user@host', 'public'],
    ['[{"kty":"AKP","alg":"ML-DSA-44","pub":"cHVi","priv":"c2VlZA"}]', 'private'],
    ['{"kty":"EC","crv":"P-256","x":"a","y":"b","d":"c"}', 'private'],
    ['{"keys":[{"kty":"RSA","n":"a","e":"AQAB"}]}', 'public'],
    ['{"kty":"oct","k":"c2VjcmV0"}', 'secret'],
    ['your-256-bit-secret', 'secret'],
    ['{not json', 'secret'],
    ['{"hello":"world"}', 'secret'],
  ] as const)('%s is %s', (text, visibility) => {
    expect(keyTextVisibility(text)).toBe(visibility);
  });
});
