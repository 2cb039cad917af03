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
import { t } from './messages';

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

function segmentText(segment: string, what: 'header' | 'payload'): { ok: true; text: string } | { ok: false; error: string } {
  const bytes = decodeBase64url(segment);
  if (!bytes.ok) return { ok: false, error: t('encoder.segmentNotBase64url', { what }) };
  const text = decodeUtf8(bytes.bytes);
  if (!text.ok) return { ok: false, error: t('encoder.segmentNotUtf8', { what }) };
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
    return { ok: false, error: parts.length === 5 ? t('encoder.editJwe') : t('encoder.editCompactOnly') };
  }
  const header = segmentText(parts[0]!, 'header');
  if (!header.ok) return header;
  let headerValue: unknown;
  try {
    headerValue = JSON.parse(header.text);
  } catch {
    return { ok: false, error: t('encoder.editHeaderNotJson') };
  }
  const algValue = headerValue && typeof headerValue === 'object' && !Array.isArray(headerValue) ? (headerValue as { alg?: unknown }).alg : undefined;
  const alg = typeof algValue === 'string' ? getAlgorithm(algValue) : undefined;
  if (!alg) {
    return { ok: false, error: typeof algValue === 'string' ? t('encoder.editAlgUnknownNamed', { alg: algValue }) : t('encoder.editAlgUnknown') };
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
    return missing(needs === 'secret' ? t('encoder.signedWithSecret', { alg: alg.name }) : t('encoder.signedWithPrivateKey', { alg: alg.name }));
  }
  const parsed = await readKeyText(keyText, { secretEncoding });
  if (!parsed.ok) return missing(t('encoder.decoderKeyUnreadable', { reason: parsed.error.message, needs }));
  if (needs === 'secret') {
    if (!parsed.keys.some((key) => key.jwk.kty === 'oct')) return missing(t('encoder.needsSharedSecret', { alg: alg.name }));
    const encoding: EditSecretEncoding = secretEncoding === 'base64' ? 'base64url' : secretEncoding;
    return { ok: true, edit: { ...base, key: secretEncoding === 'base64' ? base64ToBase64url(keyText) : keyText, secretEncoding: encoding, keyNote: null, needs: null } };
  }
  if (!parsed.keys.some((key) => key.visibility === 'private')) {
    return missing(t('encoder.decoderHoldsPublic', { alg: alg.name }));
  }
  return { ok: true, edit: { ...base, key: keyText, secretEncoding: 'utf8', keyNote: null, needs: null } };
}
