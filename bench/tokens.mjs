// Tokens and keys for the benchmark, made with Node's own crypto so that the
// benchmark does not depend on the code it measures.
import { createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

const b64url = (input) => Buffer.from(input).toString('base64url');

/** Signs a JWS (compact) with Node's crypto. */
export function signJws(alg, payload, key) {
  const signingInput = `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  let signature;
  switch (alg) {
    case 'HS256':
      signature = createHmac('sha256', key).update(signingInput).digest();
      break;
    case 'RS256':
      signature = sign('sha256', Buffer.from(signingInput), key);
      break;
    case 'ES256':
      signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
      break;
    case 'EdDSA':
      signature = sign(null, Buffer.from(signingInput), key);
      break;
    default:
      throw new Error(`no signer for ${alg}`);
  }
  return `${signingInput}.${b64url(signature)}`;
}

/** One token and the key text a user would paste to verify it, per algorithm. */
export function verificationCases() {
  const secret = `bench-secret-${randomBytes(12).toString('hex')}`;
  const pairs = {
    RS256: generateKeyPairSync('rsa', { modulusLength: 2048 }),
    ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    EdDSA: generateKeyPairSync('ed25519'),
  };
  const now = Math.floor(Date.now() / 1000);
  const claims = (alg) => ({ sub: `bench-${alg}`, iss: 'https://bench.example', iat: now, exp: now + 3600 });
  return [
    { alg: 'HS256', token: signJws('HS256', claims('HS256'), secret), key: secret },
    ...Object.entries(pairs).map(([alg, pair]) => ({
      alg,
      token: signJws(alg, claims(alg), pair.privateKey),
      key: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    })),
  ];
}

/**
 * An HS256 token of about `size` characters whose first payload claim is
 * `marker` (a name no other token uses), so the page shows exactly when this
 * token has been decoded.
 */
export function tokenOfSize(size, marker, secret = 'bench-secret') {
  const now = Math.floor(Date.now() / 1000);
  const make = (padding) =>
    signJws('HS256', { [marker]: `value-${marker}`, sub: 'bench-user', iss: 'https://bench.example', iat: now, exp: now + 3600, data: padding }, secret);
  const emptyLength = make('').length;
  // Every 3 bytes of payload become 4 characters of base64url.
  let paddingLength = Math.max(0, Math.floor(((size - emptyLength) * 3) / 4));
  const filler = randomBytes(Math.ceil(paddingLength * 0.75) + 3).toString('base64url');
  let token = make(filler.slice(0, paddingLength));
  while (token.length > size && paddingLength > 0) token = make(filler.slice(0, --paddingLength));
  return token;
}

/**
 * A token of about `size` characters for the typing figure, and one keystroke
 * that changes a claim: the user puts the cursor `charsFromEnd` characters
 * before the end of the token, selects the next character and types
 * `replacement`. The payload stays valid JSON, and the claim `typed` becomes
 * `expected`, which the page must then show.
 */
export function typingCase(size, secret = 'bench-secret') {
  const now = Math.floor(Date.now() / 1000);
  const base = { sub: 'bench-user', iss: 'https://bench.example', iat: now, exp: now + 3600 };
  const typed = 'A'.repeat(24);
  const make = (padding) => signJws('HS256', { ...base, data: padding, typed }, secret);
  const padding = 'p'.repeat(Math.max(0, Math.floor(((size - make('').length) * 3) / 4)));
  const token = make(padding);
  const [, payload, signature] = token.split('.');
  // Try the characters near the end of the payload segment until one edit keeps the JSON valid and changes only `typed`.
  for (let back = 4; back < 40; back += 1) {
    const index = payload.length - back;
    for (const replacement of 'BCDEFGHIJKLMNOPRSTUVWXYZbcdefghijklmnopqrstuvwxyz') {
      const edited = payload.slice(0, index) + replacement + payload.slice(index + 1);
      let claims;
      try {
        claims = JSON.parse(Buffer.from(edited, 'base64url').toString('utf8'));
      } catch {
        continue;
      }
      if (claims.data !== padding || typeof claims.typed !== 'string' || claims.typed === typed || !/^[A-Za-z]+$/.test(claims.typed)) continue;
      if (Buffer.from(edited, 'base64url').toString('base64url') !== edited) continue; // must survive strict decoding
      return { token, charsFromEnd: signature.length + 1 + back, replacement, expected: claims.typed };
    }
  }
  throw new Error('no single-character edit of the payload changes only the claim "typed"');
}
