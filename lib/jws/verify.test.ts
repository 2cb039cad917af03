import { describe, expect, it } from 'vitest';
import { b64u, flipSignatureBit, newPair, nodeSign, nodeToken, pair, parsedKey, randomSecret, secretBytes, secretKey, splitToken } from './test-keys';
import { verifyJws } from './verify';

const PAYLOAD = '{"sub":"alice","admin":false}';

/** A token with an arbitrary header, signed by Node with the given key. */
function token(header: Record<string, unknown>, key: Parameters<typeof nodeToken>[2], payload = PAYLOAD): string {
  return nodeToken(header, payload, key);
}

describe('tokens that are not signed JWS', () => {
  it('says a five-part token is a JWE that needs decrypting', async () => {
    const result = await verifyJws('eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXY.Y2lwaGVy.dGFn', [randomSecret(32)]);
    expect(result.state).toBe('error');
    expect(result.message).toMatch(/JWE/);
    expect(result.message).toMatch(/decrypt/);
  });

  it('counts the parts of a token that has neither three nor five', async () => {
    const result = await verifyJws('abc.def', [randomSecret(32)]);
    expect(result).toMatchObject({ state: 'error' });
    expect(result.message).toContain('this token has 2');
  });

  it('names the part and the offset of a bad base64url character', async () => {
    const result = await verifyJws('eyJhbGc*OiJIUzI1NiJ9.e30.c2ln', [randomSecret(32)]);
    expect(result.state).toBe('error');
    expect(result.message).toContain('header (part 1)');
    expect(result.message).toContain('offset 7');
  });

  it('reports a header that is not JSON', async () => {
    const result = await verifyJws(`${b64u('not json')}.e30.c2ln`, [randomSecret(32)]);
    expect(result.state).toBe('error');
    expect(result.message).toMatch(/header .*JSON/);
  });

  it('never throws, whatever it is given', async () => {
    for (const input of ['', '.', '..', '...', '\u0000', 'a.b.c', `${b64u('[]')}.e30.`, `${b64u('null')}.e30.`]) {
      const result = await verifyJws(input, [randomSecret(32)]);
      expect(result.state).toBe('error');
      expect(result.message.length).toBeGreaterThan(10);
    }
  });
});

describe('the alg header', () => {
  it('treats alg "none" as invalid and explains the danger', async () => {
    const result = await verifyJws(`${b64u('{"alg":"none"}')}.${b64u(PAYLOAD)}.`, []);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('no signature to verify');
    expect(result.message).toContain('RFC 8725 §3.1');
    expect(result.message).not.toContain('carries');
  });

  it('calls out a "none" token that still carries a signature', async () => {
    const result = await verifyJws(`${b64u('{"alg":"none"}')}.${b64u(PAYLOAD)}.${b64u('abc')}`, [randomSecret(32)]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('carries a 3-byte signature');
  });

  it('does not accept other spellings of none', async () => {
    const result = await verifyJws(`${b64u('{"alg":"NoNe"}')}.${b64u(PAYLOAD)}.`, [randomSecret(32)]);
    expect(result.state).toBe('error');
    expect(result.message).toContain('"NoNe"');
    expect(result.message).toContain('case-sensitive');
  });

  it('names an unsupported algorithm', async () => {
    const result = await verifyJws(`${b64u('{"alg":"HS1"}')}.${b64u(PAYLOAD)}.c2ln`, [randomSecret(32)]);
    expect(result.state).toBe('error');
    expect(result.message).toContain('"HS1"');
    expect(result.message).toContain('ES256K');
  });

  it('recognises a JWE algorithm in a three-part token', async () => {
    const result = await verifyJws(`${b64u('{"alg":"RSA-OAEP"}')}.${b64u(PAYLOAD)}.c2ln`, [randomSecret(32)]);
    expect(result.state).toBe('error');
    expect(result.message).toContain('key-management');
  });

  it('reports a missing or non-string alg', async () => {
    expect((await verifyJws(`${b64u('{"typ":"JWT"}')}.${b64u(PAYLOAD)}.c2ln`, [randomSecret(32)])).message).toContain('no "alg"');
    expect((await verifyJws(`${b64u('{"alg":256}')}.${b64u(PAYLOAD)}.c2ln`, [randomSecret(32)])).message).toContain('must be a string');
  });
});

describe('without a key', () => {
  it('is unverified and says which key is needed', async () => {
    const result = await verifyJws(token({ alg: 'ES256' }, pair('P-256').privateKey), []);
    expect(result.state).toBe('unverified');
    expect(result.message).toContain('EC P-256 public key');
  });

  it('mentions a key embedded in the header without using it', async () => {
    const keys = pair('P-256');
    const header = { alg: 'ES256', jwk: keys.publicKey.export({ format: 'jwk' }) };
    const result = await verifyJws(token(header, keys.privateKey), []);
    expect(result.state).toBe('unverified');
    expect(result.message).toContain('proves nothing');
  });

  it('verifies with the embedded jwk only when allowed, with a warning', async () => {
    const keys = pair('P-256');
    const header = { alg: 'ES256', jwk: keys.privateKey.export({ format: 'jwk' }) };
    const result = await verifyJws(token(header, keys.privateKey), [], { allowEmbeddedJwk: true });
    expect(result.state).toBe('valid');
    expect(result.warnings.join(' ')).toContain('Anyone can embed their own key');
    const forged = nodeToken({ alg: 'ES256', jwk: newPair('P-256').publicKey.export({ format: 'jwk' }) }, PAYLOAD, keys.privateKey);
    expect((await verifyJws(forged, [], { allowEmbeddedJwk: true })).state).toBe('invalid');
  });
});

describe('key and algorithm that do not fit', () => {
  it('says plainly what RS256 needs when given an EC key', async () => {
    const result = await verifyJws(token({ alg: 'RS256' }, pair('rsa2048').privateKey), [pair('P-256').public]);
    expect(result).toMatchObject({ state: 'error', message: 'RS256 needs an RSA public key; this is an EC P-256 public key.' });
    expect(result.keyConfusion).toBeUndefined();
  });

  it('distinguishes EC curves', async () => {
    const result = await verifyJws(token({ alg: 'ES384' }, pair('P-384').privateKey), [pair('P-256').public]);
    expect(result.message).toBe('ES384 needs an EC P-384 public key; this is an EC P-256 public key.');
  });

  it('refuses a secret for an RSA token', async () => {
    const result = await verifyJws(token({ alg: 'PS256' }, pair('rsa2048').privateKey), [secretKey('a secret long enough to be a secret')]);
    expect(result.state).toBe('error');
    expect(result.message).toBe('PS256 needs an RSA public key; this is a 280-bit secret.');
  });

  it('refuses an Ed448 key for the fully-specified Ed25519 alg', async () => {
    const result = await verifyJws(token({ alg: 'Ed25519' }, pair('Ed25519').privateKey), [pair('Ed448').public]);
    expect(result.message).toBe('Ed25519 needs an OKP Ed25519 public key; this is an Ed448 public key.');
  });

  it('flags an HS256 token checked against a public key as key confusion, and never uses the key as a secret', async () => {
    const rsa = pair('rsa2048');
    const pem = rsa.publicKey.export({ format: 'pem', type: 'spki' });
    // The attack: HMAC with the public key's PEM text as the secret.
    const forged = token({ alg: 'HS256' }, Buffer.from(pem));
    for (const key of [rsa.public, rsa.private]) {
      const result = await verifyJws(forged, [key], { keyFormat: 'pem-spki' });
      expect(result.state).toBe('error');
      expect(result.keyConfusion).toBe(true);
      expect(result.message).toContain('RFC 8725 §2.1');
      expect(result.message).toContain('PEM text');
      expect(result.triedKeys).toBe(0);
    }
  });

  it('flags key confusion across a whole JWKS of public keys', async () => {
    const result = await verifyJws(token({ alg: 'HS384' }, secretBytes(randomSecret(48))), [pair('P-256').public, pair('rsa2048').public]);
    expect(result.state).toBe('error');
    expect(result.keyConfusion).toBe(true);
    expect(result.message).toContain('None of the 2 keys fits HS384');
  });
});

describe('choosing a key from a JWKS', () => {
  const a = newPair('P-256', 'key-a');
  const b = newPair('P-256', 'key-b');
  const rsa = newPair('rsa2048', 'key-r');

  it('picks the key named by the token\'s kid and reports it', async () => {
    const result = await verifyJws(token({ alg: 'ES256', kid: 'key-b' }, b.privateKey), [rsa.public, a.public, b.public]);
    expect(result.state).toBe('valid');
    expect(result.message).toContain('key 3 of 3 (kid "key-b")');
    expect(result.usedKey).toEqual({ index: 2, kid: 'key-b', description: 'EC P-256 public key' });
    expect(result.triedKeys).toBe(1);
  });

  it('without a kid, tries the keys that fit and says which verified', async () => {
    const result = await verifyJws(token({ alg: 'ES256' }, b.privateKey), [rsa.public, a.public, b.public]);
    expect(result.state).toBe('valid');
    expect(result.usedKey?.index).toBe(2);
    expect(result.triedKeys).toBe(2);
    expect(result.message).toContain('key 3 of 3');
  });

  it('says when the kid is not in the set, then falls back to the keys that fit', async () => {
    const result = await verifyJws(token({ alg: 'ES256', kid: 'rotated-away' }, a.privateKey), [rsa.public, a.public, b.public]);
    expect(result.state).toBe('valid');
    expect(result.usedKey?.kid).toBe('key-a');
    expect(result.warnings[0]).toContain('No key has the token\'s kid "rotated-away"');
  });

  it('reports a kid that names a key of the wrong type', async () => {
    const result = await verifyJws(token({ alg: 'ES256', kid: 'key-r' }, a.privateKey), [rsa.public, a.public]);
    expect(result.state).toBe('error');
    expect(result.message).toContain('kid "key-r" does not fit');
    expect(result.message).toContain('ES256 needs an EC P-256 public key');
  });

  it('is invalid when no fitting key verifies, naming how many were tried', async () => {
    const stranger = newPair('P-256');
    const result = await verifyJws(token({ alg: 'ES256' }, stranger.privateKey), [rsa.public, a.public, b.public]);
    expect(result.state).toBe('invalid');
    expect(result.triedKeys).toBe(2);
    expect(result.message).toContain('None of the 2 keys that fit ES256');
  });

  it('numbers keys as they stand in the pasted set when the key reader skipped some', async () => {
    const result = await verifyJws(token({ alg: 'ES256' }, b.privateKey), [{ ...rsa.public, index: 0 }, { ...b.public, index: 2 }]);
    expect(result.message).toContain('key 3 in the set (kid "key-b")');
    expect(result.usedKey?.index).toBe(1);
  });

  it('uses the secret of a mixed set for an HMAC token', async () => {
    const secret = secretKey('x'.repeat(32), 'hmac-key');
    const result = await verifyJws(token({ alg: 'HS256' }, secretBytes(secret)), [rsa.public, secret]);
    expect(result.state).toBe('valid');
    expect(result.usedKey?.index).toBe(1);
    expect(result.keyConfusion).toBeUndefined();
  });

  it('tries keys declared for the token\'s alg before keys declared for another, and warns about the mismatch', async () => {
    const declaredOther = parsedKey({ ...(a.publicKey.export({ format: 'jwk' }) as object), kty: 'EC', alg: 'ES384' });
    const result = await verifyJws(token({ alg: 'ES256' }, a.privateKey), [declaredOther]);
    expect(result.state).toBe('valid');
    expect(result.warnings.join(' ')).toContain('declares alg "ES384"');
  });
});

describe('weak keys', () => {
  it('verifies with a short HMAC secret but warns in the words of RFC 7518', async () => {
    const short = secretKey('8 bytes!');
    const result = await verifyJws(token({ alg: 'HS256' }, secretBytes(short)), [short]);
    expect(result.state).toBe('valid');
    expect(result.warnings).toContain('This 64-bit secret is shorter than the 256 bits HS256 requires (RFC 7518 §3.2).');
  });

  it('warns about a secret shorter than HS512 needs even when long enough for HS256', async () => {
    const key = randomSecret(32);
    const result = await verifyJws(token({ alg: 'HS512' }, secretBytes(key)), [key]);
    expect(result.warnings).toEqual(['This 256-bit secret is shorter than the 512 bits HS512 requires (RFC 7518 §3.2).']);
  });

  it('verifies with a 1024-bit RSA key but warns', async () => {
    const small = pair('rsa1024');
    const result = await verifyJws(token({ alg: 'RS256' }, small.privateKey), [small.public]);
    expect(result.state).toBe('valid');
    expect(result.warnings).toEqual(['This 1024-bit RSA key is shorter than the 2048 bits RS256 requires (RFC 7518 §3.3).']);
    const bad = await verifyJws(flipSignatureBit(token({ alg: 'PS256' }, small.privateKey)), [small.public]);
    expect(bad.state).toBe('invalid');
    expect(bad.warnings[0]).toContain('RFC 7518 §3.5');
  });

  it('reports an empty secret as unusable rather than as a bad signature', async () => {
    const empty = parsedKey({ kty: 'oct', k: '' });
    const result = await verifyJws(token({ alg: 'HS256' }, Buffer.from('x')), [empty]);
    expect(result.state).toBe('error');
    expect(result.message).toContain('empty');
  });
});

describe('ECDSA signature encoding', () => {
  it.each([
    ['ES256', 'P-256'],
    ['ES384', 'P-384'],
    ['ES512', 'P-521'],
    ['ES256K', 'secp256k1'],
  ] as const)('rejects a DER-encoded %s signature and says it is DER', async (alg, kind) => {
    const keys = pair(kind);
    const der = nodeToken({ alg }, PAYLOAD, keys.privateKey, { der: true });
    const result = await verifyJws(der, [keys.public]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('DER-encoded');
    expect(result.message).toContain('r‖s');
    expect(result.message).toContain('does verify with this key');
    const other = await verifyJws(der, [newPair(kind).public]);
    expect(other.state).toBe('invalid');
    expect(other.message).toContain('does not verify');
  });

  it('names the expected length of a signature that is neither r‖s nor DER', async () => {
    const keys = pair('P-256');
    const [header, payload] = splitToken(token({ alg: 'ES256' }, keys.privateKey));
    const result = await verifyJws(`${header}.${payload}.${b64u(new Uint8Array(10))}`, [keys.public]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('10 bytes long');
    expect(result.message).toContain('64-byte');
  });

  it('accepts a high-S secp256k1 signature, as OpenSSL does (RFC 8812 does not require low S)', async () => {
    const keys = pair('secp256k1');
    const n = BigInt('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141');
    const signingInput = `${b64u('{"alg":"ES256K"}')}.${b64u(PAYLOAD)}`;
    const signature = nodeSign('ES256K', signingInput, keys.privateKey);
    const s = BigInt(`0x${signature.subarray(32).toString('hex')}`);
    const flipped = Buffer.concat([signature.subarray(0, 32), Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex')]);
    for (const variant of [signature, flipped]) {
      expect((await verifyJws(`${signingInput}.${b64u(variant)}`, [keys.public])).state).toBe('valid');
    }
  });
});

describe('critical headers and unencoded payloads', () => {
  const key = randomSecret(32);
  const secret = secretBytes(key);

  it('verifies an RFC 7797 token with "b64": false', async () => {
    const header = b64u('{"alg":"HS256","b64":false,"crit":["b64"]}');
    const signingInput = `${header}.$02 raw payload`;
    const result = await verifyJws(`${signingInput}.${b64u(nodeSign('HS256', signingInput, secret))}`, [key]);
    expect(result.state).toBe('valid');
  });

  it('rejects "b64": false that is not marked critical', async () => {
    const header = b64u('{"alg":"HS256","b64":false}');
    const signingInput = `${header}.raw`;
    const result = await verifyJws(`${signingInput}.${b64u(nodeSign('HS256', signingInput, secret))}`, [key]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('RFC 7797 §6');
  });

  it('cannot check a detached unencoded payload', async () => {
    const header = b64u('{"alg":"HS256","b64":false,"crit":["b64"]}');
    const result = await verifyJws(`${header}..${b64u(nodeSign('HS256', `${header}.$.02`, secret))}`, [key]);
    expect(result.state).toBe('error');
    expect(result.message).toContain('detached');
  });

  it('rejects a correctly signed token with a critical extension it does not understand', async () => {
    const result = await verifyJws(token({ alg: 'HS256', crit: ['exp'], exp: 1363284000 }, secret), [key]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('"exp"');
    expect(result.message).toContain('RFC 7515 §4.1.11');
  });

  it.each([
    [{ crit: [] }, 'non-empty list'],
    [{ crit: 'b64' }, 'non-empty list'],
    [{ crit: ['kid'], kid: 'x' }, 'specification itself defines'],
    [{ crit: ['b64'] }, 'does not contain'],
  ])('rejects a malformed crit %j', async (extra, words) => {
    const result = await verifyJws(token({ alg: 'HS256', ...extra }, secret), [key]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain(words);
  });
});

describe('messages on a bad signature', () => {
  it('notices a token without a signature', async () => {
    const key = randomSecret(32);
    const [header, payload] = splitToken(token({ alg: 'HS256' }, secretBytes(key)));
    const result = await verifyJws(`${header}.${payload}.`, [key]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('no signature at all');
  });

  it('hints at detached content when the payload part is empty', async () => {
    const key = randomSecret(32);
    const header = b64u('{"alg":"HS256"}');
    const result = await verifyJws(`${header}..${b64u(nodeSign('HS256', `${header}.${b64u('detached')}`, secretBytes(key)))}`, [key]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('detached content');
  });
});

describe('unusable key material', () => {
  it.each([
    ['ES256K', 'secp256k1', { kty: 'EC', crv: 'secp256k1', x: 'AQ'.padEnd(43, 'A'), y: 'AQ'.padEnd(43, 'A') }],
    ['EdDSA', 'Ed448', { kty: 'OKP', crv: 'Ed448', x: '_'.repeat(76) }],
    ['ES256', 'P-256', { kty: 'EC', crv: 'P-256', x: 'AQ'.padEnd(43, 'A'), y: 'AQ'.padEnd(43, 'A') }],
  ] as const)('%s with a %s key that is not on the curve is an error, not a bad signature', async (alg, kind, jwk) => {
    const result = await verifyJws(token({ alg }, pair(kind).privateKey), [parsedKey({ ...jwk })]);
    expect(result.state).toBe('error');
    expect(result.message).toMatch(/cannot be used/);
  });
});
