import { t } from './messages';

// The readers name each part of a key structure in English, which stays their identifier;
// people read the name in the language shown.
const CHOICES: Record<string, string> = {
  certificate: 'certificate',
  'certificate body (TBSCertificate)': 'tbs',
  'certificate serial number': 'serial',
  'certificate validity': 'validity',
  'validity start (notBefore)': 'notBefore',
  'validity end (notAfter)': 'notAfter',
  'certificate issuer': 'issuer',
  'certificate subject': 'subject',
  'certificate public key': 'certKey',
  'name attribute': 'nameAttribute',
  'name attribute type': 'nameAttributeType',
  'public key info': 'spki',
  'public key bits': 'spkiBits',
  'private key info': 'pkcs8',
  'PKCS#8 version': 'pkcs8Version',
  'private key': 'privateKey',
  'EC private key': 'ecPrivateKey',
  'EC private key version': 'ecVersion',
  'EC private scalar': 'ecScalar',
  'EC public key': 'ecPublicKey',
  'RSA public key': 'rsaPublicKey',
  'RSA modulus': 'rsaModulus',
  'RSA public exponent': 'rsaPublicExponent',
  'RSA private key': 'rsaPrivateKey',
  'RSA private key version': 'rsaVersion',
  'RSA private exponent': 'rsaPrivateExponent',
  'RSA prime p': 'rsaPrimeP',
  'RSA prime q': 'rsaPrimeQ',
  'RSA exponent dp': 'rsaExponentDp',
  'RSA exponent dq': 'rsaExponentDq',
  'RSA coefficient qi': 'rsaCoefficientQi',
  'algorithm identifier': 'algorithmIdentifier',
  'algorithm OID': 'algorithmOid',
  'EC curve OID': 'ecCurveOid',
};

/** A structure part's name for people; a name not listed is shown as the reader gave it. */
export function elementName(what: string): string {
  return t('keys.element', { what: Object.hasOwn(CHOICES, what) ? CHOICES[what]! : 'other', name: what });
}
