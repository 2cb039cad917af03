/**
 * Tries the well-known secrets against an HMAC token's signature with WebCrypto. Meant to
 * run in a worker (it makes hundreds of HMACs), but plain code that runs anywhere.
 */
import { WELL_KNOWN_SECRETS } from './well-known';

const HASHES: Readonly<Record<string, string>> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' };

export type SecretTrial =
  | { ok: true; secret: string | null; tried: number }
  | { ok: false; error: string };

function base64urlBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function algOf(headerSegment: string): string | null {
  const bytes = base64urlBytes(headerSegment);
  if (!bytes) return null;
  try {
    const header: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof header !== 'object' || header === null || !Object.hasOwn(header, 'alg')) return null;
    const alg = (header as { alg: unknown }).alg;
    return typeof alg === 'string' ? alg : null;
  } catch {
    return null;
  }
}

/**
 * Which well-known secret, if any, the compact HS256/384/512 token verifies with.
 * `secret: null` means none of them did.
 */
export async function findWellKnownSecret(token: string, secrets: readonly string[] = WELL_KNOWN_SECRETS): Promise<SecretTrial> {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { ok: false, error: 'Not a compact JWS (it needs three parts).' };
  const [headerSegment, payloadSegment, signatureSegment] = parts as [string, string, string];
  const alg = algOf(headerSegment);
  const hash = alg !== null && Object.hasOwn(HASHES, alg) ? HASHES[alg] : undefined;
  if (hash === undefined) return { ok: false, error: 'Only HS256, HS384 and HS512 tokens are signed with a shared secret.' };
  const signature = base64urlBytes(signatureSegment);
  if (!signature || signature.length === 0) return { ok: false, error: 'The signature is not base64url.' };
  const input = new TextEncoder().encode(`${headerSegment}.${payloadSegment}`);
  const encoder = new TextEncoder();
  let tried = 0;
  for (const secret of secrets) {
    const bytes = encoder.encode(secret);
    if (bytes.length === 0) continue;
    tried++;
    const key = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash }, false, ['verify']);
    if (await crypto.subtle.verify('HMAC', key, signature, input)) return { ok: true, secret, tried };
  }
  return { ok: true, secret: null, tried };
}
