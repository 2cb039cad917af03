/** PKCS#1 (RFC 8017 appendix A.1): the RSA key structures inside SPKI and PKCS#8, and on their own. */
import { type DerNode, encodeSequence, encodeSmallInt, encodeUnsigned, readSmallInt, readUnsigned, sequence } from './der';
import { base64urlDecode, base64urlEncode } from './base64';
import { KeyError } from './errors';
import type { Jwk } from './types';
import { t } from './messages';

/** RSAPublicKey ::= SEQUENCE { modulus, publicExponent } */
export function rsaPublicToJwk(node: DerNode): Jwk {
  const [n, e] = sequence(node, 'RSA public key');
  return {
    kty: 'RSA',
    n: base64urlEncode(readUnsigned(n, 'RSA modulus')),
    e: base64urlEncode(readUnsigned(e, 'RSA public exponent')),
  };
}

const PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
const MEMBER_NAMES: Record<(typeof PRIVATE_MEMBERS)[number], string> = {
  n: 'RSA modulus',
  e: 'RSA public exponent',
  d: 'RSA private exponent',
  p: 'RSA prime p',
  q: 'RSA prime q',
  dp: 'RSA exponent dp',
  dq: 'RSA exponent dq',
  qi: 'RSA coefficient qi',
};

/** RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qi, otherPrimeInfos? } */
export function rsaPrivateToJwk(node: DerNode): Jwk {
  const [version, ...rest] = sequence(node, 'RSA private key');
  const v = readSmallInt(version, 'RSA private key version');
  if (v !== 0) throw new KeyError(t('keys.multiPrime'));
  const jwk: Jwk = { kty: 'RSA' };
  PRIVATE_MEMBERS.forEach((member, i) => {
    jwk[member] = base64urlEncode(readUnsigned(rest[i], MEMBER_NAMES[member]));
  });
  return jwk;
}

const bytesOf = (value: string | undefined): Uint8Array => {
  const decoded = base64urlDecode(value ?? '');
  return decoded.ok ? decoded.bytes : new Uint8Array();
};

export function rsaPublicDer(jwk: Jwk): Uint8Array {
  return encodeSequence(encodeUnsigned(bytesOf(jwk.n)), encodeUnsigned(bytesOf(jwk.e)));
}

export function rsaPrivateDer(jwk: Jwk): Uint8Array {
  return encodeSequence(encodeSmallInt(0), ...PRIVATE_MEMBERS.map((m) => encodeUnsigned(bytesOf(jwk[m]))));
}
