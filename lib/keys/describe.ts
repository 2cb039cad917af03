/** Turns a JWK into a ParsedKey: its public half, size and a label a person reads. */
import { base64urlDecode } from './base64';
import { EC_CURVES, OKP_CURVES, isEcCurve, isOkpCurve } from './curves';
import type { CertificateSummary, Jwk, ParsedKey } from './types';
import { jwkVisibility, withoutPrivateMembers } from './visibility';
import { t } from './messages';

/** The public part of a key: private members dropped; a secret is returned as it is. */
export function publicJwkOf(jwk: Jwk): Jwk {
  if (jwk.kty === 'oct') return { ...jwk };
  const out = withoutPrivateMembers(jwk);
  // Private key_ops ("sign", "decrypt") would make WebCrypto refuse the public key.
  if (jwkVisibility(jwk) !== 'public') delete out.key_ops;
  return out;
}

/** RSA modulus bits, curve size, or secret length in bits. */
export function bitsOf(jwk: Jwk): number {
  if (jwk.kty === 'RSA' || jwk.kty === 'oct') {
    const decoded = base64urlDecode(String((jwk.kty === 'RSA' ? jwk.n : jwk.k) ?? ''));
    if (!decoded.ok) return 0;
    const bytes = decoded.bytes;
    if (jwk.kty === 'oct') return bytes.length * 8;
    let i = 0;
    while (i < bytes.length && bytes[i] === 0) i++;
    if (i === bytes.length) return 0;
    return (bytes.length - i) * 8 - Math.clz32(bytes[i]!) + 24;
  }
  if (jwk.kty === 'AKP') {
    const decoded = base64urlDecode(String(jwk.pub ?? ''));
    return decoded.ok ? decoded.bytes.length * 8 : 0;
  }
  if (isEcCurve(jwk.crv)) return EC_CURVES[jwk.crv].bits;
  if (isOkpCurve(jwk.crv)) return OKP_CURVES[jwk.crv].bits;
  return 0;
}

export function describeJwk(jwk: Jwk, bits: number, note?: string): string {
  const visibility = jwkVisibility(jwk);
  if (jwk.kty === 'oct') return t('keys.describeSecret', { bits });
  const description =
    jwk.kty === 'RSA'
      ? t('keys.describeRsa', { bits, visibility })
      : jwk.kty === 'EC'
        ? t('keys.describeEc', { crv: String(jwk.crv), visibility })
        : t('keys.describeNamed', { name: String(jwk.kty === 'AKP' ? jwk.alg : jwk.crv), visibility });
  return note ? t('keys.withNote', { description, note }) : description;
}

export function toParsedKey(jwk: Jwk, extra: { note?: string; certificate?: CertificateSummary; index?: number } = {}): ParsedKey {
  const bits = bitsOf(jwk);
  const key: ParsedKey = {
    jwk,
    publicJwk: publicJwkOf(jwk),
    visibility: jwkVisibility(jwk),
    description: describeJwk(jwk, bits, extra.note),
    bits,
  };
  if (typeof jwk.kid === 'string') key.kid = jwk.kid;
  if (extra.certificate) key.certificate = extra.certificate;
  if (extra.index !== undefined) key.index = extra.index;
  return key;
}
