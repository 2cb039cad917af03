/**
 * "Edit and re-sign": what the encoder opens with for a decoded token. The
 * header and payload are the segments' own text (member order, spacing and
 * unknown parameters kept), so signing them unchanged gives the same bytes;
 * the key comes along only when it can sign.
 */
import { decodeBase64url } from '@/lib/token/base64url';
import { decodeUtf8 } from '@/lib/token/utf8';
import { getAlgorithm } from '@/lib/jws/algorithms';
import { readKeyText, type SecretEncoding } from '@/lib/keys';

export type EditSecretEncoding = 'utf8' | 'base64url' | 'hex';

export interface EditState {
  header: string;
  payload: string;
  alg: string;
  key: string;
  secretEncoding: EditSecretEncoding;
  /** What the user must still do, in a sentence; null when the token can be re-signed at once. */
  keyNote: string | null;
  /** The key the algorithm needs, when one is missing: 'secret' or 'private key'. */
  needs: 'secret' | 'private-key' | null;
}

export type EditResult = { ok: true; edit: EditState } | { ok: false; error: string };

function segmentText(segment: string, what: string): { ok: true; text: string } | { ok: false; error: string } {
  const bytes = decodeBase64url(segment);
  if (!bytes.ok) return { ok: false, error: `The ${what} segment is not valid base64url, so it cannot be edited.` };
  const text = decodeUtf8(bytes.bytes);
  if (!text.ok) return { ok: false, error: `The ${what} is not UTF-8 text, so it cannot be edited as text.` };
  return { ok: true, text: text.text };
}

/** base64 (with + / =) as base64url, which the encoder reads. */
function base64ToBase64url(text: string): string {
  return text.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The encoder's state for a compact JWS and the decoder's key text. Never throws. */
export async function editFromToken(token: string, keyText: string, secretEncoding: SecretEncoding): Promise<EditResult> {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    return { ok: false, error: parts.length === 5 ? 'This is an encrypted token (JWE): decrypt it first; only a signed token (JWS) can be edited and re-signed.' : 'Only a compact signed token (three parts) can be edited.' };
  }
  const header = segmentText(parts[0]!, 'header');
  if (!header.ok) return header;
  let headerValue: unknown;
  try {
    headerValue = JSON.parse(header.text);
  } catch {
    return { ok: false, error: 'The header is not JSON, so it cannot be edited.' };
  }
  const algValue = headerValue && typeof headerValue === 'object' && !Array.isArray(headerValue) ? (headerValue as { alg?: unknown }).alg : undefined;
  const alg = typeof algValue === 'string' ? getAlgorithm(algValue) : undefined;
  if (!alg) {
    const named = typeof algValue === 'string' ? ` "${algValue}"` : '';
    return { ok: false, error: `The header's alg${named} is not an algorithm this tool can sign with.` };
  }
  // RFC 7797: with "b64": false the payload segment is the payload itself.
  const unencoded = (headerValue as { b64?: unknown }).b64 === false;
  const payload = unencoded ? { ok: true as const, text: parts[1]! } : segmentText(parts[1]!, 'payload');
  if (!payload.ok) return payload;

  const base = { header: header.text, payload: payload.text, alg: alg.name };
  if (alg.family === 'none') return { ok: true, edit: { ...base, key: '', secretEncoding: 'utf8', keyNote: null, needs: null } };
  const needs = alg.family === 'HMAC' ? 'secret' : 'private-key';
  const missing = (note: string): EditResult => ({ ok: true, edit: { ...base, key: '', secretEncoding: 'utf8', keyNote: note, needs } });

  if (keyText.trim() === '') {
    return missing(needs === 'secret' ? `${alg.name} is signed with a shared secret: paste it to re-sign.` : `${alg.name} is signed with a private key: paste it, or generate a new pair (the token will then verify only with the new public key).`);
  }
  const parsed = await readKeyText(keyText, { secretEncoding });
  if (!parsed.ok) return missing(`The decoder's key could not be read (${parsed.error.message}); paste the ${needs === 'secret' ? 'secret' : 'private key'} to re-sign.`);
  if (needs === 'secret') {
    if (!parsed.keys.some((key) => key.jwk.kty === 'oct')) return missing(`${alg.name} needs the shared secret; the decoder holds a public key.`);
    const encoding: EditSecretEncoding = secretEncoding === 'base64' ? 'base64url' : secretEncoding;
    return { ok: true, edit: { ...base, key: secretEncoding === 'base64' ? base64ToBase64url(keyText) : keyText, secretEncoding: encoding, keyNote: null, needs: null } };
  }
  if (!parsed.keys.some((key) => key.visibility === 'private')) {
    return missing(`The decoder holds a public key, which can verify but not sign. ${alg.name} needs the private key: paste it, or generate a new pair (the token will then verify only with the new public key).`);
  }
  return { ok: true, edit: { ...base, key: keyText, secretEncoding: 'utf8', keyNote: null, needs: null } };
}
