/**
 * What the encoder hands to the decoder as its verification key: the public
 * half of the signing key, never the private key, and a secret only when the
 * user asks for it.
 */
import { jwkToPem, readKeyText, type SecretEncoding } from '@/lib/keys';

export type DecoderKeyResult =
  | { ok: true; key: string; secretEncoding: SecretEncoding; note: string }
  | { ok: false; error: string };

export async function decoderKeyFor(keyText: string, secretEncoding: SecretEncoding, alg: string, includeSecret: boolean): Promise<DecoderKeyResult> {
  if (alg === 'none') return { ok: true, key: '', secretEncoding: 'utf8', note: 'An unsecured token has no key.' };
  const parsed = await readKeyText(keyText, { secretEncoding });
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const key = parsed.keys[0];
  if (!key) return { ok: false, error: 'The key text holds no usable key.' };
  if (key.jwk.kty === 'oct') {
    if (!includeSecret) return { ok: true, key: '', secretEncoding, note: 'The secret was not passed on; paste it into the decoder to verify.' };
    return { ok: true, key: keyText, secretEncoding, note: 'The secret was passed on, as you asked.' };
  }
  const pem = jwkToPem(key.publicJwk, 'public');
  if (pem.ok) return { ok: true, key: pem.pem, secretEncoding: 'utf8', note: 'The public key (SPKI PEM) was passed on; the private key stays here.' };
  return { ok: true, key: JSON.stringify(key.publicJwk, null, 2), secretEncoding: 'utf8', note: 'The public key (JWK) was passed on; the private key stays here.' };
}
