import { t } from './messages';
/** The leaf certificate of an "x5c" header (RFC 7515 §4.1.6: standard base64 DER, leaf first) as PEM text. */
export function leafCertificatePem(x5c: unknown): { ok: true; pem: string; chainLength: number } | { ok: false; error: string } | null {
  if (x5c === undefined) return null;
  if (!Array.isArray(x5c) || x5c.length === 0) return { ok: false, error: t('ui-verify.x5cNotArray') };
  const leaf: unknown = x5c[0];
  if (typeof leaf !== 'string') return { ok: false, error: t('ui-verify.x5cNotString') };
  const body = leaf.replace(/\s+/g, '');
  // x5c is plain base64, not base64url (RFC 7515 §4.1.6); say so rather than producing a PEM nothing can read.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return { ok: false, error: t('ui-verify.x5cNotBase64') };
  const lines = body.match(/.{1,64}/g) ?? [];
  return { ok: true, pem: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`, chainLength: x5c.length };
}
