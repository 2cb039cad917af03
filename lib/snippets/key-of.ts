/** What the snippets need to know about the key in the key panel (never a private key). */
import { jwkToPem, readKeyText, type SecretEncoding } from '@/lib/keys';
import type { SnippetKey } from './snippets';
import { t } from './messages';

export async function snippetKeyFromText(keyText: string, secretEncoding: SecretEncoding, jwksUrl = '', kid?: string): Promise<{ key: SnippetKey; note?: string }> {
  if (jwksUrl.trim() !== '') return { key: { kind: 'jwks', url: jwksUrl.trim() } };
  if (keyText.trim() === '') return { key: { kind: 'none' }, note: t('snippets.noKey') };
  const parsed = await readKeyText(keyText, { secretEncoding });
  if (!parsed.ok) return { key: { kind: 'none' }, note: t('snippets.keyUnreadable', { reason: parsed.error.message }) };
  const key = parsed.keys.find((candidate) => kid !== undefined && candidate.kid === kid) ?? parsed.keys[0];
  if (!key) return { key: { kind: 'none' } };
  if (key.jwk.kty === 'oct') return { key: { kind: 'secret', secret: keyText, encoding: secretEncoding } };
  const pem = jwkToPem(key.publicJwk, 'public');
  if (!pem.ok || (key.jwk.kty !== 'RSA' && key.jwk.kty !== 'EC' && key.jwk.kty !== 'OKP')) return { key: { kind: 'none' }, note: t('snippets.noPublicPem') };
  return {
    key: { kind: 'public', pem: pem.pem, kty: key.jwk.kty },
    note: key.visibility === 'private' ? t('snippets.privateKeyPublicPart') : undefined,
  };
}
