// Whether a run of characters is a compact token: JWS (3 parts), JWE (5 parts) or SD-JWT
// (<jws>~<disclosure>~…~[<kb-jwt>]), or one of them cut short. Strict on purpose, so that
// ordinary text is never reported: every part is base64url, the header decodes to a JSON
// object with `alg` (JWS) or `enc` (JWE), every disclosure decodes to a JSON array. The
// payload of a JWS may be anything (not JSON, empty).

import { DECODE_TABLE, decodeBase64url } from '@/lib/token/base64url';
import type { FoundKind, SdJwtParts, Truncation } from './types';

export interface CompactToken {
  kind: Extract<FoundKind, 'jws' | 'jwe' | 'sd-jwt'>;
  /** Offset of the token in the run it was read from (leading dots are not part of it). */
  offset: number;
  token: string;
  header: Record<string, unknown>;
  truncated?: Truncation;
  sdJwt?: SdJwtParts;
}

const DOT = 0x2e;
const TILDE = 0x7e;

/** Characters a compact token is made of: base64url, '.' and '~'. */
export function isTokenChar(code: number): boolean {
  return DECODE_TABLE[code]! >= 0 || code === DOT || code === TILDE;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(part: string): string | null {
  const bytes = decodeBase64url(part);
  if (!bytes.ok) return null;
  try {
    return utf8.decode(bytes.bytes);
  } catch {
    return null;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Longer headers are not read: even one with a long certificate chain is far shorter. */
const MAX_HEADER = 1 << 18;

function decodeObject(part: string): Record<string, unknown> | null {
  // A JSON object starts with '{', which base64url-encodes to 'e' ('{"' is 'eyJ', '{ ' 'eyA', '{\n' 'ewo').
  if (part.length < 4 || part.length > MAX_HEADER || part.charCodeAt(0) !== 0x65) return null;
  const text = decodeText(part);
  if (text === null) return null;
  const json = parseJson(text);
  if (!json.ok || typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) return null;
  return json.value as Record<string, unknown>;
}

function decodeArray(part: string): unknown[] | null {
  const text = decodeText(part);
  if (text === null) return null;
  const json = parseJson(text);
  return json.ok && Array.isArray(json.value) ? json.value : null;
}

function isBase64url(part: string): boolean {
  return decodeBase64url(part).ok;
}

/** The JOSE header of the first part, and whether it is a JWE's; null when it is neither. */
export function joseHeader(part: string): { header: Record<string, unknown>; jwe: boolean } | null {
  const header = decodeObject(part);
  if (header === null) return null;
  if (typeof header.enc === 'string') return { header, jwe: true };
  if (typeof header.alg === 'string') return { header, jwe: false };
  return null;
}

/** Signature sizes fixed by the algorithm: a shorter signature was cut. */
const SIGNATURE_BYTES: Record<string, number> = {
  HS256: 32,
  HS384: 48,
  HS512: 64,
  ES256: 64,
  ES384: 96,
  ES512: 132,
  ES256K: 64,
  Ed25519: 64,
  EdDSA: 64,
};

/**
 * Whether a signature of this length can be whole. An RSA signature is as long as the
 * modulus: 128 bytes or more (1024-bit keys and up), a multiple of 32 bytes for every key
 * size in use. Other algorithms only need a signature that is not empty.
 */
function signatureLengthFits(alg: string, length: number): boolean {
  if (alg === 'none') return true;
  const fixed = SIGNATURE_BYTES[alg];
  if (fixed !== undefined) return length >= fixed;
  if (/^(?:RS|PS)\d{3}$/.test(alg)) return length >= 128 && length % 32 === 0;
  return length > 0;
}

function payloadOf(part: string): { complete: boolean; value?: unknown } {
  const text = decodeText(part);
  if (text === null) return { complete: false };
  const json = parseJson(text);
  return json.ok ? { complete: true, value: json.value } : { complete: false };
}

const JWE_PARTS = ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'] as const;

/** A compact JWS or JWE (no '~'), complete or cut short; null when it is not one. */
function readCompact(text: string): Omit<CompactToken, 'offset'> | null {
  const parts = text.split('.');
  if (parts.length < 2 || parts.length > 5) return null;
  const jose = joseHeader(parts[0]!);
  if (jose === null) return null;
  const { header } = jose;
  const cut = (truncated: Truncation) => ({ kind: jose.jwe ? ('jwe' as const) : ('jws' as const), token: text, header, truncated });
  if (jose.jwe) {
    if (parts.length < 5) return cut({ part: JWE_PARTS[parts.length - 1]!, offset: text.length });
    if (!parts.slice(1, 4).every(isBase64url)) return null;
    const tag = decodeBase64url(parts[4]!);
    // Every content encryption has a tag of at least 16 bytes (RFC 7518 §5).
    if (!tag.ok || tag.bytes.length < 16) return cut({ part: 'tag', offset: text.length });
    return { kind: 'jwe', token: text, header };
  }
  if (parts.length === 2) {
    const payload = payloadOf(parts[1]!);
    return cut(payload.complete ? { part: 'signature', offset: text.length, payload: payload.value } : { part: 'payload', offset: text.length });
  }
  if (parts.length !== 3 || !isBase64url(parts[1]!)) return null;
  const signature = decodeBase64url(parts[2]!);
  const alg = header.alg as string;
  if (!signature.ok || !signatureLengthFits(alg, signature.bytes.length)) {
    const payload = payloadOf(parts[1]!);
    return cut({ part: 'signature', offset: text.length, payload: payload.complete ? payload.value : decodeText(parts[1]!) ?? undefined });
  }
  return { kind: 'jws', token: text, header };
}

/** An SD-JWT: a complete JWS, then disclosures, each followed by '~', then an optional key binding JWT. */
function readSdJwt(text: string): Omit<CompactToken, 'offset'> | null {
  const pieces = text.split('~');
  const issuer = readCompact(pieces[0]!);
  if (issuer === null || issuer.kind !== 'jws' || issuer.truncated) return null;
  const disclosures: SdJwtParts['disclosures'] = [];
  for (let i = 1; i < pieces.length - 1; i++) {
    const value = decodeArray(pieces[i]!);
    if (value === null) return null;
    disclosures.push({ text: pieces[i]!, value });
  }
  const last = pieces[pieces.length - 1]!;
  const sdJwt: SdJwtParts = { issuerJwt: pieces[0]!, disclosures, keyBinding: null };
  const result = { kind: 'sd-jwt' as const, token: text, header: issuer.header, sdJwt };
  if (last === '') return result;
  if (last.includes('.')) {
    const kb = readCompact(last);
    if (kb === null || kb.kind !== 'jws') return null;
    if (kb.truncated) return { ...result, truncated: { part: 'key-binding', offset: text.length } };
    sdJwt.keyBinding = last;
    return result;
  }
  // A last piece without '.' is a disclosure whose closing '~' (at least) is missing.
  return { ...result, truncated: { part: 'disclosure', index: disclosures.length, offset: text.length } };
}

function readToken(text: string): Omit<CompactToken, 'offset'> | null {
  return text.includes('~') ? readSdJwt(text) : readCompact(text);
}

/**
 * Reads a maximal run of token characters. The token must span the whole run, except for
 * dots and tildes before it (an ellipsis "...eyJ…") and dots after it (the full stop of a
 * sentence). Base64url characters glued to a token make a different string, which is not
 * a token: `xeyJhbGci…` is not reported.
 */
export function readRun(run: string): CompactToken | null {
  let start = 0;
  while (start < run.length && (run.charCodeAt(start) === DOT || run.charCodeAt(start) === TILDE)) start++;
  // The shortest header, {"alg":"x"}, is 15 characters; a token has at least one '.'.
  if (run.length - start < 16 || run.indexOf('.', start) < 0) return null;
  const text = start === 0 ? run : run.slice(start);
  const whole = readToken(text);
  if (whole !== null) return { ...whole, offset: start };
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === DOT) end--;
  if (end === text.length || end === 0) return null;
  const trimmed = readToken(text.slice(0, end));
  return trimmed === null ? null : { ...trimmed, offset: start };
}
