/**
 * Recognising what was pasted from its shape alone, so that a key gone wrong
 * is explained instead of being taken for an HMAC secret.
 */
import { base64Decode } from './base64';
import { findPemBlocks, hasPemArmour } from './pem';
import { problemOf } from './errors';
import type { KeyFormat, KeyProblem } from './types';

export const FORMAT_LABELS: Record<KeyFormat, string> = {
  secret: 'Secret',
  'pem-spki': 'SPKI public key (PEM)',
  'pem-pkcs1-public': 'PKCS#1 RSA public key (PEM)',
  'pem-x509': 'X.509 certificate (PEM)',
  'pem-pkcs8': 'PKCS#8 private key (PEM)',
  'pem-pkcs1-private': 'PKCS#1 RSA private key (PEM)',
  'pem-sec1': 'SEC1 EC private key (PEM)',
  jwk: 'JWK',
  jwks: 'JWKS',
};

/** PEM labels we read, and the format each one names. */
export const PEM_FORMATS: Record<string, KeyFormat> = {
  'PUBLIC KEY': 'pem-spki',
  'RSA PUBLIC KEY': 'pem-pkcs1-public',
  CERTIFICATE: 'pem-x509',
  'X509 CERTIFICATE': 'pem-x509',
  'TRUSTED CERTIFICATE': 'pem-x509',
  'PRIVATE KEY': 'pem-pkcs8',
  'RSA PRIVATE KEY': 'pem-pkcs1-private',
  'EC PRIVATE KEY': 'pem-sec1',
};

/** Blocks that may sit beside a key without being worth a warning. */
export const QUIET_PEM_LABELS = new Set(['EC PARAMETERS']);

const PEM_HINT = 'paste a PEM (PUBLIC KEY, CERTIFICATE or PRIVATE KEY) or a JWK instead';

/** What to say about a PEM label we cannot use. */
export function pemLabelProblem(label: string): string {
  if (label === 'ENCRYPTED PRIVATE KEY') return ENCRYPTED_MESSAGE;
  if (label === 'OPENSSH PRIVATE KEY') {
    return 'This is an OpenSSH private key; convert a copy to PKCS#8 (ssh-keygen -p -m PKCS8 -f key-copy) or paste the public key as PEM (ssh-keygen -e -m PKCS8 -f key.pub).';
  }
  if (label.startsWith('PGP ')) return `This is an OpenPGP block (${label}); JOSE cannot use PGP keys, so ${PEM_HINT}.`;
  if (label === 'CERTIFICATE REQUEST' || label === 'NEW CERTIFICATE REQUEST') {
    return 'This is a certificate signing request (CSR), not a certificate; paste the issued certificate or the public key instead.';
  }
  if (label === 'X509 CRL') return `This is a certificate revocation list, not a key; ${PEM_HINT}.`;
  if (label.startsWith('DSA ')) return `This is a DSA key; JOSE does not use DSA, so ${PEM_HINT}.`;
  if (label === 'EC PARAMETERS') return 'This block holds only EC curve parameters, not a key; paste the EC PRIVATE KEY or PUBLIC KEY block too.';
  return `The PEM label "${label}" is not a key format this tool reads; expected PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE, PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY.`;
}

export const ENCRYPTED_MESSAGE =
  'This private key is encrypted with a passphrase and cannot be used here; decrypt a copy first (openssl pkey -in key.pem -out plain.pem).';

export type Shape =
  | { kind: 'empty' }
  | { kind: 'json' }
  | { kind: 'pem' }
  | { kind: 'foreign'; label: string; problem: KeyProblem }
  | { kind: 'bare-der'; bytes: Uint8Array }
  | { kind: 'secret' };

const SSH_PUBLIC = /^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+[A-Za-z0-9+/]+=*(\s|$)/;
const JWT = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){2}$/;
const JWE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/;

export function classify(text: string): Shape {
  const trimmed = text.trim();
  const offset = text.length - text.trimStart().length;
  const foreign = (label: string, message: string): Shape => ({ kind: 'foreign', label, problem: { message, offset } });
  if (trimmed.length === 0) return { kind: 'empty' };
  if (trimmed.startsWith('{')) return { kind: 'json' };
  if (trimmed.startsWith('[') && isArrayOfObjects(trimmed)) {
    return foreign('JSON array', 'This is a JSON array; a JWKS is an object holding the array: {"keys": [ … ]}. Wrap it that way, or paste one JWK.');
  }
  if (trimmed.startsWith('---- BEGIN SSH2 PUBLIC KEY ----')) {
    return foreign('SSH2 public key', 'This looks like an SSH2 (RFC 4716) public key; convert it (ssh-keygen -i -f key.pub > key.openssh, then ssh-keygen -e -m PKCS8 -f key.openssh) and paste the PEM, or paste a JWK instead.');
  }
  if (hasPemArmour(text)) return { kind: 'pem' };
  if (SSH_PUBLIC.test(trimmed)) {
    return foreign('OpenSSH public key', 'This looks like an OpenSSH public key; paste a PEM (ssh-keygen -e -m PKCS8 -f key.pub) or a JWK instead.');
  }
  if (trimmed.startsWith('PuTTY-User-Key-File-')) {
    return foreign('PuTTY private key', 'This is a PuTTY private key (.ppk); export it from PuTTYgen as an OpenSSH key, convert that to PEM (ssh-keygen -p -m PKCS8), or paste a JWK instead.');
  }
  if (trimmed.startsWith('eyJ') && JWT.test(trimmed)) {
    return foreign('JWT', 'This is a JWT (a token), not a key; put the token in the token editor and the key that signed it here.');
  }
  if (trimmed.startsWith('eyJ') && JWE.test(trimmed)) {
    return foreign('JWE', 'This is an encrypted token (JWE), not a key; put it in the token editor and its decryption key here.');
  }
  // DER starts with a SEQUENCE (0x30), which base64 spells "M".
  const compact = trimmed.replace(/\s+/g, '');
  if (compact.length >= 40 && compact.startsWith('M') && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const decoded = base64Decode(compact);
    if (decoded.ok) return { kind: 'bare-der', bytes: decoded.bytes };
  }
  return { kind: 'secret' };
}

function isArrayOfObjects(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
  } catch {
    return false;
  }
}

/** A quick look at the text for a "detected: …" line; it does not decode keys. */
export function detectPemFormat(text: string): { format: KeyFormat | null; label: string; problem?: KeyProblem } {
  try {
    const blocks = findPemBlocks(text);
    const usable = blocks.find((b) => PEM_FORMATS[b.label]);
    if (!usable) {
      const first = blocks.find((b) => !QUIET_PEM_LABELS.has(b.label)) ?? blocks[0];
      const label = first?.label ?? 'PEM';
      return { format: null, label: `PEM ${label}`, problem: { message: pemLabelProblem(label), offset: first?.start ?? 0 } };
    }
    const format = PEM_FORMATS[usable.label]!;
    if (/ENCRYPTED/i.test(usable.headers['Proc-Type'] ?? '')) {
      return { format, label: FORMAT_LABELS[format], problem: { message: ENCRYPTED_MESSAGE, offset: usable.start } };
    }
    return { format, label: FORMAT_LABELS[format] };
  } catch (error) {
    return { format: null, label: 'PEM', problem: problemOf(error) };
  }
}
