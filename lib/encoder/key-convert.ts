/**
 * The key tool's conversions of a pasted key: PEM ↔ JWK, PKCS#1 and SEC1 to
 * PKCS#8 and SPKI, the public half of a private key, and its RFC 7638 thumbprint.
 */
import { jwkThumbprint, jwkToPem, readKeyText, privateKeyWarning, type Jwk, type SecretEncoding } from '@/lib/keys';
import { t } from './messages';

export type ConvertTarget = 'pkcs8-pem' | 'spki-pem' | 'private-jwk' | 'public-jwk' | 'jwks' | 'thumbprint';

export type ConvertResult =
  | { ok: true; output: string; inputLabel: string; kid: string; notes: string[] }
  | { ok: false; error: string };

/** Only the members that define the key, plus kid: what a converted key should carry. */
function withKid(jwk: Jwk, kid: string): Jwk {
  const { kty, ...rest } = jwk;
  return { kty, kid, ...Object.fromEntries(Object.entries(rest).filter(([name]) => name !== 'kid')) };
}

export async function convertKeyText(text: string, target: ConvertTarget, secretEncoding: SecretEncoding = 'utf8'): Promise<ConvertResult> {
  const parsed = await readKeyText(text, { secretEncoding });
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const key = parsed.keys[0];
  if (!key) return { ok: false, error: t('encoder.textNoUsableKey') };
  const notes = parsed.warnings.filter((warning) => warning !== privateKeyWarning());
  if (parsed.keys.length > 1) notes.push(t('encoder.setHoldsKeys', { count: parsed.keys.length }));
  const thumbprint = await jwkThumbprint(key.jwk);
  const kid = typeof key.jwk.kid === 'string' ? key.jwk.kid : thumbprint;
  const inputLabel = `${parsed.formatLabel}: ${key.description}`;
  const isSecret = key.jwk.kty === 'oct';
  const isPrivate = key.visibility === 'private';
  const done = (output: string) => ({ ok: true as const, output, inputLabel, kid: thumbprint, notes });

  switch (target) {
    case 'thumbprint':
      return done(thumbprint);
    case 'public-jwk':
      if (isSecret) return { ok: false, error: t('encoder.secretNoPublicHalf') };
      return done(JSON.stringify(withKid(key.publicJwk, kid), null, 2));
    case 'jwks':
      if (isSecret) return { ok: false, error: t('encoder.secretNotInJwks') };
      return done(JSON.stringify({ keys: [withKid(key.publicJwk, kid)] }, null, 2));
    case 'private-jwk':
      if (!isPrivate && !isSecret) return { ok: false, error: t('encoder.privateJwkNeedsPrivate', { description: key.description }) };
      return done(JSON.stringify(withKid(key.jwk, kid), null, 2));
    case 'spki-pem':
    case 'pkcs8-pem': {
      if (isSecret) return { ok: false, error: t('encoder.secretNoPem') };
      if (target === 'pkcs8-pem' && !isPrivate) return { ok: false, error: t('encoder.pkcs8NeedsPrivate') };
      const pem = jwkToPem(target === 'spki-pem' ? key.publicJwk : key.jwk, target === 'spki-pem' ? 'public' : 'private');
      return pem.ok ? done(pem.pem) : { ok: false, error: pem.error.message };
    }
  }
}
