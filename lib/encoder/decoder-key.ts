/**
 * What the encoder hands to the decoder as its verification key: the public
 * half of the signing key, never the private key, and a secret only when the
 * user asks for it.
 */
import { jwkToPem, readKeyText, type SecretEncoding } from '@/lib/keys';
import { t } from './messages';

export type DecoderKeyResult =
  | { ok: true; key: string; secretEncoding: SecretEncoding; note: string }
  | { ok: false; error: string };

export async function decoderKeyFor(keyText: string, secretEncoding: SecretEncoding, alg: string, includeSecret: boolean): Promise<DecoderKeyResult> {
  if (alg === 'none') return { ok: true, key: '', secretEncoding: 'utf8', note: t('encoder.unsecuredNoKey') };
  const parsed = await readKeyText(keyText, { secretEncoding });
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const key = parsed.keys[0];
  if (!key) return { ok: false, error: t('encoder.noUsableKey') };
  if (key.jwk.kty === 'oct') {
    if (!includeSecret) return { ok: true, key: '', secretEncoding, note: t('encoder.secretNotPassed') };
    return { ok: true, key: keyText, secretEncoding, note: t('encoder.secretPassed') };
  }
  const pem = jwkToPem(key.publicJwk, 'public');
  if (pem.ok) return { ok: true, key: pem.pem, secretEncoding: 'utf8', note: t('encoder.publicPemPassed') };
  return { ok: true, key: JSON.stringify(key.publicJwk, null, 2), secretEncoding: 'utf8', note: t('encoder.publicJwkPassed') };
}
