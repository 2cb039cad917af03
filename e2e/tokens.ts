import { createHash, createHmac, generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';

/** Test tokens made with Node's crypto, independently of the app's own code. */
export function b64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export function hs256(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

export function signWith(alg: 'RS256' | 'ES256' | 'EdDSA', privateKey: KeyObject, payload: object, header: object = {}): string {
  const signingInput = `${b64url(JSON.stringify({ alg, typ: 'JWT', ...header }))}.${b64url(JSON.stringify(payload))}`;
  const data = Buffer.from(signingInput);
  const signature =
    alg === 'RS256'
      ? nodeSign('sha256', data, privateKey)
      : alg === 'ES256'
        ? nodeSign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' })
        : nodeSign(null, data, privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

export function keyPairs() {
  return {
    rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
    ec: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    ed: generateKeyPairSync('ed25519'),
  };
}

/** A link to the decoder with this state in the fragment, as the contract describes. */
export function decoderLink(params: Record<string, string>): string {
  return './#' + new URLSearchParams(params).toString();
}

/** An EC public key as the public JWK a DPoP proof carries. */
export function ecJwkOf(key: KeyObject) {
  const { kty, crv, x, y } = key.export({ format: 'jwk' });
  return { kty: kty!, crv: crv!, x: x!, y: y! };
}

/** The RFC 7638 thumbprint of an EC public key, computed with Node's crypto alone. */
export function ecThumbprint(key: KeyObject): string {
  const { crv, kty, x, y } = ecJwkOf(key);
  return createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
}
