/** RFC 7638 JWK thumbprints: SHA-256 over the required members, in lexicographic order. */
import { base64urlEncode, utf8Encode } from './base64';
import type { Jwk } from './types';

const REQUIRED: Record<string, string[]> = {
  RSA: ['e', 'kty', 'n'],
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
  oct: ['k', 'kty'],
  AKP: ['alg', 'kty', 'pub'], // draft-ietf-cose-dilithium §AKP Thumbprints
};

/** The canonical JSON the thumbprint hashes (RFC 7638 §3.2). */
export function thumbprintInput(jwk: Jwk): string {
  const members = REQUIRED[jwk.kty] ?? ['kty'];
  return `{${members.map((m) => `${JSON.stringify(m)}:${JSON.stringify(jwk[m] ?? '')}`).join(',')}}`;
}

export async function jwkThumbprint(jwk: Jwk): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8Encode(thumbprintInput(jwk)) as Uint8Array<ArrayBuffer>);
  return base64urlEncode(new Uint8Array(digest));
}
