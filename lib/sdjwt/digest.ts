// Disclosure digests and the key binding JWT's sd_hash (RFC 9901 §4.2.3, §4.3.1): the hash of
// the US-ASCII text, base64url-encoded.

import { encodeBase64url } from '@/lib/token/base64url';
import type { SdAlg } from './types';

const WEBCRYPTO_NAMES: Record<SdAlg, string> = { 'sha-256': 'SHA-256', 'sha-384': 'SHA-384', 'sha-512': 'SHA-512' };

export const SUPPORTED_SD_ALGS = Object.keys(WEBCRYPTO_NAMES) as SdAlg[];

export function isSupportedSdAlg(alg: unknown): alg is SdAlg {
  // Own names only: "toString" or "constructor" are not hash algorithms.
  return typeof alg === 'string' && Object.hasOwn(WEBCRYPTO_NAMES, alg);
}

/** base64url(hash(ASCII text)). The text is base64url or '~'/'.'-joined base64url, so it is ASCII. */
export async function sdDigest(alg: SdAlg, text: string): Promise<string> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  const hash = await crypto.subtle.digest(WEBCRYPTO_NAMES[alg], bytes);
  return encodeBase64url(new Uint8Array(hash));
}
