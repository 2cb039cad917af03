/**
 * Splitting a compact JWS (RFC 7515 §7.1) into what verification needs:
 * the header object, the exact signing input and the signature bytes.
 * Only as much decoding as the signature depends on; the decoder
 * (lib/token) does the rest for display.
 */
import { decodeBase64Url, utf8 } from './base64url';

export interface CompactJws {
  header: Record<string, unknown>;
  headerSegment: string;
  payloadSegment: string;
  /** ASCII(BASE64URL(header)) '.' payload segment: the bytes that were signed. */
  signingInput: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  /** False for RFC 7797 unencoded payloads. */
  b64: boolean;
}

export type CompactJwsResult = { ok: true; jws: CompactJws } | { ok: false; error: string };

export function parseCompactJws(token: string): CompactJwsResult {
  if (token.length === 0) return { ok: false, error: 'There is no token to verify.' };
  const segments = token.split('.');
  if (segments.length === 5) {
    return { ok: false, error: 'This is an encrypted token (JWE, five parts), not a signed one: it has to be decrypted, not verified.' };
  }
  if (segments.length !== 3) {
    return { ok: false, error: `A compact JWS has three parts separated by dots; this token has ${segments.length}.` };
  }
  const [headerSegment = '', payloadSegment = '', signatureSegment = ''] = segments;

  const headerBytes = decodeBase64Url(headerSegment);
  if (!headerBytes.ok) return { ok: false, error: `The header (part 1) is not valid base64url: ${headerBytes.error}.` };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes.bytes));
  } catch {
    return { ok: false, error: 'The header (part 1) does not decode to JSON text, so its alg cannot be read.' };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return { ok: false, error: 'The header (part 1) must be a JSON object.' };
  }
  const headerObject = header as Record<string, unknown>;

  const b64 = headerObject.b64 !== false;
  if (b64) {
    const payload = decodeBase64Url(payloadSegment);
    if (!payload.ok) return { ok: false, error: `The payload (part 2) is not valid base64url: ${payload.error}.` };
  }
  const signature = decodeBase64Url(signatureSegment);
  if (!signature.ok) return { ok: false, error: `The signature (part 3) is not valid base64url: ${signature.error}.` };

  return {
    ok: true,
    jws: {
      header: headerObject,
      headerSegment,
      payloadSegment,
      // For b64:false the payload segment is the payload itself (RFC 7797 §3), signed as-is.
      signingInput: utf8(`${headerSegment}.${payloadSegment}`),
      signature: signature.bytes,
      b64,
    },
  };
}
