// PKCE (RFC 7636) verifier and S256 challenge, and the random state and nonce values.

import { encodeBase64url } from '@/lib/token/base64url';

/** The characters a code verifier may use (RFC 7636 §4.1: ALPHA / DIGIT / "-" / "." / "_" / "~"). */
export const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isCodeVerifier(value: string): boolean {
  return VERIFIER.test(value);
}

/**
 * A code verifier of `length` characters (43 to 128), each drawn uniformly from the
 * unreserved set: bytes of 198 or more are drawn again, so no character is likelier.
 */
export function createCodeVerifier(length = 64): string {
  if (!Number.isInteger(length) || length < 43 || length > 128) throw new RangeError('A code verifier has 43 to 128 characters');
  const limit = 256 - (256 % UNRESERVED.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < limit && out.length < length) out += UNRESERVED[byte % UNRESERVED.length];
    }
  }
  return out;
}

/** BASE64URL(SHA-256(ASCII(verifier))), the S256 code challenge. */
export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return encodeBase64url(new Uint8Array(digest));
}

/** 32 random bytes, base64url: an unguessable `state` or `nonce`. */
export function randomValue(bytes = 32): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export const createState = (): string => randomValue();
export const createNonce = (): string => randomValue();
