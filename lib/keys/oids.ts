/** Object identifiers of the key algorithms and name attributes we read and write. */

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  dsa: '1.2.840.10040.4.1',
  dh: '1.2.840.113549.1.3.1',
  X25519: '1.3.101.110',
  X448: '1.3.101.111',
  Ed25519: '1.3.101.112',
  Ed448: '1.3.101.113',
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
  secp256k1: '1.3.132.0.10',
  // RFC 9881 (draft-ietf-lamps-dilithium-certificates): id-ml-dsa-44/65/87, under NIST's sigAlgs arc.
  'ML-DSA-44': '2.16.840.1.101.3.4.3.17',
  'ML-DSA-65': '2.16.840.1.101.3.4.3.18',
  'ML-DSA-87': '2.16.840.1.101.3.4.3.19',
} as const;

/** Well-known algorithm OIDs we cannot use, named so an error can say what was found. */
export const UNSUPPORTED_ALGORITHMS: Record<string, string> = {
  [OID.dsa]: 'DSA',
  [OID.dh]: 'Diffie-Hellman',
  '1.2.643.7.1.1.1.1': 'GOST R 34.10-2012',
  '1.2.156.10197.1.301': 'SM2',
  // HashML-DSA (FIPS 204 §5.4): a different signature scheme from the ML-DSA that JOSE uses.
  '2.16.840.1.101.3.4.3.32': 'HashML-DSA-44 (with SHA-512)',
  '2.16.840.1.101.3.4.3.33': 'HashML-DSA-65 (with SHA-512)',
  '2.16.840.1.101.3.4.3.34': 'HashML-DSA-87 (with SHA-512)',
};

/** Named curves seen in the wild that JOSE has no name for. */
export const UNSUPPORTED_CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.1': 'P-192',
  '1.3.132.0.33': 'P-224',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
};

/** Short names of X.500 attributes, as RFC 4514 and OpenSSL print them. */
export const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};
