/**
 * Splitting a compact JWS (RFC 7515 §7.1) into what verification needs:
 * the header object, the exact signing input and the signature bytes.
 * Only as much decoding as the signature depends on; the decoder
 * (lib/token) does the rest for display.
 */
import { decodeBase64Url, utf8 } from './base64url';
import { t } from './messages';

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
  if (token.length === 0) return { ok: false, error: t('jws.noTokenToVerify') };
  const segments = token.split('.');
  if (segments.length === 5) {
    return { ok: false, error: t('jws.isJwe') };
  }
  if (segments.length !== 3) {
    return { ok: false, error: t('jws.wrongPartCount', { count: String(segments.length) }) };
  }
  const [headerSegment = '', payloadSegment = '', signatureSegment = ''] = segments;

  const headerBytes = decodeBase64Url(headerSegment);
  if (!headerBytes.ok) return { ok: false, error: t('jws.headerNotBase64url', { problem: headerBytes.error }) };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes.bytes));
  } catch {
    return { ok: false, error: t('jws.headerNotJson') };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return { ok: false, error: t('jws.headerNotObject') };
  }
  const headerObject = header as Record<string, unknown>;

  const b64 = headerObject.b64 !== false;
  if (b64) {
    const payload = decodeBase64Url(payloadSegment);
    if (!payload.ok) return { ok: false, error: t('jws.payloadNotBase64url', { problem: payload.error }) };
  }
  const signature = decodeBase64Url(signatureSegment);
  if (!signature.ok) return { ok: false, error: t('jws.signatureNotBase64url', { problem: signature.error }) };

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
