/**
 * Recognising what was pasted from its shape alone, so that a key gone wrong
 * is explained instead of being taken for an HMAC secret.
 */
import { base64Decode } from './base64';
import { findPemBlocks, hasPemArmour } from './pem';
import { problemOf } from './errors';
import type { KeyFormat, KeyProblem } from './types';
import { t } from './messages';

/** A format's name for people, in the language shown. */
export function formatLabel(format: KeyFormat): string {
  switch (format) {
    case 'secret':
      return t('keys.formatSecret');
    case 'pem-spki':
      return t('keys.formatSpki');
    case 'pem-pkcs1-public':
      return t('keys.formatPkcs1Public');
    case 'pem-x509':
      return t('keys.formatX509');
    case 'pem-pkcs8':
      return t('keys.formatPkcs8');
    case 'pem-pkcs1-private':
      return t('keys.formatPkcs1Private');
    case 'pem-sec1':
      return t('keys.formatSec1');
    case 'jwk':
      return 'JWK';
    case 'jwks':
      return 'JWKS';
  }
}

/** The key for a DER format in a message's select (ICU choices cannot hold "-"). */
export function derChoice(format: KeyFormat): string {
  return format.replace(/^pem-/, '').replace(/-/g, '');
}

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

/** What to say about a PEM label we cannot use. */
export function pemLabelProblem(label: string): string {
  if (label === 'ENCRYPTED PRIVATE KEY') return encryptedMessage();
  if (label === 'OPENSSH PRIVATE KEY') return t('keys.pemOpenSsh');
  if (label.startsWith('PGP ')) return t('keys.pemPgp', { label });
  if (label === 'CERTIFICATE REQUEST' || label === 'NEW CERTIFICATE REQUEST') return t('keys.pemCsr');
  if (label === 'X509 CRL') return t('keys.pemCrl');
  if (label.startsWith('DSA ')) return t('keys.pemDsa');
  if (label === 'EC PARAMETERS') return t('keys.pemEcParameters');
  return t('keys.pemUnknownLabel', { label });
}

export const encryptedMessage = () => t('keys.encrypted');

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
    return foreign('JSON array', t('keys.jsonArray'));
  }
  if (trimmed.startsWith('---- BEGIN SSH2 PUBLIC KEY ----')) {
    return foreign('SSH2 public key', t('keys.ssh2'));
  }
  if (hasPemArmour(text)) return { kind: 'pem' };
  if (SSH_PUBLIC.test(trimmed)) {
    return foreign('OpenSSH public key', t('keys.openSshPublic'));
  }
  if (trimmed.startsWith('PuTTY-User-Key-File-')) {
    return foreign('PuTTY private key', t('keys.putty'));
  }
  if (trimmed.startsWith('eyJ') && JWT.test(trimmed)) {
    return foreign('JWT', t('keys.isJwt'));
  }
  if (trimmed.startsWith('eyJ') && JWE.test(trimmed)) {
    return foreign('JWE', t('keys.isJwe'));
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
      return { format, label: formatLabel(format), problem: { message: encryptedMessage(), offset: usable.start } };
    }
    return { format, label: formatLabel(format) };
  } catch (error) {
    return { format: null, label: 'PEM', problem: problemOf(error) };
  }
}
