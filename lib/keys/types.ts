/**
 * The shapes shared by everything that reads, imports or uses keys.
 * Keys are normalised to JWKs early: one representation that jose, WebCrypto
 * and @noble/curves can all consume, whatever format the user pasted.
 */

/** How an HMAC secret typed into a key editor is turned into bytes. */
export type SecretEncoding = 'utf8' | 'base64url' | 'base64' | 'hex';

/**
 * What the user pasted, as detected from its text. Base64 DER pasted without
 * PEM armour is reported as the matching pem-* format, with a warning.
 */
export type KeyFormat =
  | 'secret' // plain text or encoded bytes for HMAC (or a PBES2 password)
  | 'pem-spki' // -----BEGIN PUBLIC KEY-----
  | 'pem-pkcs1-public' // -----BEGIN RSA PUBLIC KEY-----
  | 'pem-x509' // -----BEGIN CERTIFICATE-----
  | 'pem-pkcs8' // -----BEGIN PRIVATE KEY-----
  | 'pem-pkcs1-private' // -----BEGIN RSA PRIVATE KEY-----
  | 'pem-sec1' // -----BEGIN EC PRIVATE KEY-----
  | 'jwk'
  | 'jwks';

/** A JSON Web Key as plain data (RFC 7517), public or private. */
export interface Jwk {
  kty: string;
  crv?: string;
  alg?: string;
  kid?: string;
  use?: string;
  key_ops?: string[];
  // RSA
  n?: string;
  e?: string;
  // EC / OKP
  x?: string;
  y?: string;
  // private parts (RSA d/p/q/dp/dq/qi/oth, EC/OKP d; AKP priv, see visibility.ts)
  d?: string;
  p?: string;
  q?: string;
  dp?: string;
  dq?: string;
  qi?: string;
  // symmetric
  k?: string;
  x5c?: string[];
  [member: string]: unknown;
}

/** A short human description of an X.509 certificate. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  notBefore: string; // ISO-8601 UTC
  notAfter: string; // ISO-8601 UTC
  serialNumber: string; // hex
  expired: boolean; // at the time of parsing
  notYetValid: boolean;
  selfSigned: boolean;
}

/** One usable key found in the pasted text (a JWKS yields several). */
export interface ParsedKey {
  /** The key as given, normalised to a JWK (private parts kept if present). */
  jwk: Jwk;
  /** The public part only; for 'oct' secrets this equals jwk. */
  publicJwk: Jwk;
  /** 'secret' for oct keys; decided by jwkVisibility (visibility.ts). */
  visibility: 'secret' | 'public' | 'private';
  /** Human label, e.g. "RSA 2048-bit public key", "EC P-256 private key", "256-bit secret". */
  description: string;
  /** RSA modulus bits, EC/OKP curve size, or secret length in bits. */
  bits: number;
  kid?: string;
  /** Present when the key came from a certificate. */
  certificate?: CertificateSummary;
  /** For a key from a JWKS: its position in the set's "keys" array (keys that fail are skipped). */
  index?: number;
}

/** A located, human-readable problem with key text. */
export interface KeyProblem {
  message: string;
  /** Character offset in the key text, when a place can be named. */
  offset?: number;
}

export type KeyParseResult =
  | {
      ok: true;
      format: KeyFormat;
      /** e.g. "PKCS#1 RSA public key (PEM)", "JWKS with 3 keys". */
      formatLabel: string;
      keys: ParsedKey[];
      /** Non-fatal notes: "a private key was pasted; only its public part is used", "certificate expired on …". */
      warnings: string[];
    }
  | { ok: false; error: KeyProblem };
