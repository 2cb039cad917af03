import { describe, expect, it } from 'vitest';
import { PRIVATE_KEY_WARNING, parseKeyText } from './parse';
import { fixtures } from './test-keys';
import type { KeyParseResult } from './types';

const byName = (name: string) => fixtures().find((f) => f.name === name)!;
const rsa = byName('RSA 2048');
const p256 = byName('EC P-256');
const ed = byName('Ed25519');

function errorOf(result: KeyParseResult) {
  if (result.ok) throw new Error(`expected an error, got ${result.formatLabel}`);
  return result.error;
}

const parseJson = (value: unknown) => parseKeyText(JSON.stringify(value));

describe('JWK', () => {
  it('keeps members such as kid, alg and use, and exposes the kid', () => {
    const result = parseJson({ ...p256.publicJwk, kid: 'k1', alg: 'ES256', use: 'sig' });
    expect(result.ok && result.formatLabel).toBe('JWK');
    const key = result.ok ? result.keys[0]! : undefined;
    expect(key?.kid).toBe('k1');
    expect(key?.jwk).toEqual({ ...p256.publicJwk, kid: 'k1', alg: 'ES256', use: 'sig' });
  });

  it('drops private members and private key_ops from the public half', () => {
    const result = parseJson({ ...rsa.privateJwk, kid: 'r', key_ops: ['sign'] });
    const key = result.ok ? result.keys[0]! : undefined;
    expect(key?.visibility).toBe('private');
    expect(key?.publicJwk).toEqual({ ...rsa.publicJwk, kid: 'r' });
    expect(result.ok && result.warnings).toEqual([PRIVATE_KEY_WARNING]);
  });

  it('reads an oct JWK as a secret', () => {
    const result = parseJson({ kty: 'oct', k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' });
    const key = result.ok ? result.keys[0]! : undefined;
    expect(key?.visibility).toBe('secret');
    expect(key?.description).toBe('512-bit secret');
    expect(key?.publicJwk).toEqual(key?.jwk);
  });

  const cases: [string, unknown, RegExp][] = [
    ['no kty', { n: 'AQAB' }, /not a JWK \(it has no "kty" member\)/],
    ['a token header', { alg: 'RS256', typ: 'JWT' }, /looks like a token header, not a key/],
    ['an unknown kty', { kty: 'DSA' }, /key type "DSA" is unknown/],
    ['RSA without n', { kty: 'RSA', e: 'AQAB' }, /RSA JWK is missing the "n" member/],
    ['RSA without e', { kty: 'RSA', n: rsa.publicJwk.n }, /RSA JWK is missing the "e" member/],
    ['EC without crv', { kty: 'EC', x: p256.publicJwk.x, y: p256.publicJwk.y }, /EC JWK is missing the "crv" member/],
    ['EC without y', { ...p256.publicJwk, y: undefined }, /EC JWK is missing the "y" member/],
    ['EC on an unknown curve', { ...p256.publicJwk, crv: 'P-192' }, /EC curve "P-192" is not one JOSE uses/],
    ['EC x of the wrong length', { ...p256.publicJwk, x: 'AQAB' }, /"x" of a P-256 key must be 32 bytes; it is 3/],
    ['EC point off the curve', { ...p256.publicJwk, y: p256.publicJwk.x }, /not on the P-256 curve/],
    ['OKP without x', { kty: 'OKP', crv: 'Ed25519' }, /OKP JWK is missing the "x" member/],
    ['OKP on an unknown curve', { ...ed.publicJwk, crv: 'Ed999' }, /OKP curve "Ed999"/],
    ['oct without k', { kty: 'oct' }, /oct \(secret\) JWK is missing the "k" member/],
    ['a member in standard base64', { ...rsa.publicJwk, n: `${String(rsa.publicJwk.n).slice(0, 10)}+/${String(rsa.publicJwk.n).slice(12)}` }, /"n" is not valid base64url: "\+" at position 10 .*base64url uses "-" and "_"/],
    ['a member that is a number', { ...rsa.publicJwk, e: 65537 }, /"e" must be a base64url string, not number/],
    ['a discovery document', { issuer: 'https://id.example', jwks_uri: 'https://id.example/jwks' }, /discovery document.*https:\/\/id\.example\/jwks/],
  ];
  for (const [name, value, message] of cases) {
    it(`explains ${name}`, () => {
      expect(errorOf(parseJson(value)).message).toMatch(message);
    });
  }

  it('locates invalid JSON', () => {
    const text = '{\n  "kty": "RSA",\n  "n": "abc"\n  "e": "AQAB"\n}';
    const error = errorOf(parseKeyText(text));
    expect(error.offset).toBe(text.indexOf('"e"'));
    expect(error.message).toMatch(/^This looks like a JWK or JWKS, but the JSON is not valid at line 4, column 3: /);
  });

  it('locates JSON that ends too early', () => {
    const text = '{"kty": "RSA", "n": "abc"';
    const error = errorOf(parseKeyText(text));
    expect(error.offset).toBe(text.length);
    expect(error.message).toMatch(/not valid/);
  });

  it('warns about an RSA private JWK without its CRT members', () => {
    const { p, q, dp, dq, qi, ...bare } = rsa.privateJwk;
    expect([p, q, dp, dq, qi].every(Boolean)).toBe(true);
    const result = parseJson(bare);
    expect(result.ok && result.warnings.join(' ')).toMatch(/lacks some of p, q, dp, dq, qi/);
  });
});

describe('JWKS', () => {
  it('reads every key, in order, and labels the set', () => {
    const result = parseJson({ keys: [{ ...rsa.publicJwk, kid: 'a' }, { ...p256.publicJwk, kid: 'b' }, ed.publicJwk] });
    expect(result.ok && result.format).toBe('jwks');
    expect(result.ok && result.formatLabel).toBe('JWKS with 3 keys');
    expect(result.ok && result.keys.map((k) => [k.kid, k.index, k.description])).toEqual([
      ['a', 0, 'RSA 2048-bit public key'],
      ['b', 1, 'EC P-256 public key'],
      [undefined, 2, 'Ed25519 public key'],
    ]);
  });

  it('skips a bad key, naming it by index, and keeps the others', () => {
    const result = parseJson({ keys: [{ ...rsa.publicJwk, kid: 'a' }, { kty: 'EC', kid: 'bad', crv: 'P-256' }, ed.publicJwk] });
    expect(result.ok && result.keys.map((k) => k.index)).toEqual([0, 2]);
    expect(result.ok && result.warnings).toEqual(['Key 1 (kid "bad") was skipped: The EC JWK is missing the "x" member.']);
  });

  it('fails when no key in the set can be used', () => {
    expect(errorOf(parseJson({ keys: [{ kty: 'RSA' }] })).message).toBe(
      'None of the JWKS\'s 1 key can be used. Key 0 was skipped: The RSA JWK is missing the "n" member.',
    );
  });

  it('explains an empty set and a "keys" that is not an array', () => {
    expect(errorOf(parseJson({ keys: [] })).message).toMatch(/has no keys/);
    expect(errorOf(parseJson({ keys: {} })).message).toMatch(/must be an array/);
  });

  it('warns once when a set holds private keys', () => {
    const result = parseJson({ keys: [rsa.privateJwk, p256.publicJwk] });
    expect(result.ok && result.warnings).toEqual([PRIVATE_KEY_WARNING]);
  });
});
