/**
 * Is this key public, private or a shared secret? The one place that answers,
 * for a JWK and for key text as a user pastes it, so that the share link, the
 * security notes, the encoder and the key tools never disagree. Cheap: no key
 * is decoded beyond its outer DER structure, and nothing here throws.
 */
import { base64Decode } from './base64';
import { readNode } from './der';

export type KeyVisibility = 'public' | 'private' | 'secret';

/**
 * The members that hold private key material, for every JOSE key type:
 * RSA (d, p, q, dp, dq, qi, oth; RFC 7518 §6.3.2), EC and OKP (d; RFC 7518
 * §6.2.2, RFC 8037) and AKP (priv, the ML-DSA seed; draft-ietf-cose-dilithium).
 */
export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'] as const;

/** The member of a symmetric ("oct") key that is the secret itself. */
export const SECRET_MEMBER = 'k';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const has = (record: Record<string, unknown>, name: string): boolean => Object.hasOwn(record, name) && record[name] !== undefined;

/** The private or secret members a JWK carries (empty for a public key). */
export function privateMembersOf(jwk: Record<string, unknown>): string[] {
  return [...PRIVATE_MEMBERS, SECRET_MEMBER].filter((name) => has(jwk, name));
}

/** A JWK's visibility: any private member makes it private; a symmetric key is a secret. */
export function jwkVisibility(jwk: Record<string, unknown>): KeyVisibility {
  if (jwk.kty === 'oct') return 'secret';
  if (PRIVATE_MEMBERS.some((name) => has(jwk, name))) return 'private';
  return has(jwk, SECRET_MEMBER) ? 'secret' : 'public';
}

/** True when the object looks like a JWK and carries private or secret material. */
export function isLeakedKey(value: unknown): boolean {
  return isRecord(value) && typeof value.kty === 'string' && jwkVisibility(value) !== 'public';
}

/** The same JWK with every private and secret member removed. */
export function withoutPrivateMembers<T extends Record<string, unknown>>(jwk: T): T {
  const secret: readonly string[] = [...PRIVATE_MEMBERS, SECRET_MEMBER];
  return Object.fromEntries(Object.entries(jwk).filter(([name]) => !secret.includes(name))) as T;
}

/** The most dangerous of several: one private key in a set makes the set private. */
function strongest(kinds: KeyVisibility[]): KeyVisibility | undefined {
  if (kinds.includes('private')) return 'private';
  if (kinds.includes('secret')) return 'secret';
  return kinds.length > 0 ? 'public' : undefined;
}

/** The labels of the "-----BEGIN label-----" lines, found with indexOf: linear on any text, where a pattern backtracks. */
function pemLabels(text: string): string[] {
  const labels: string[] = [];
  for (let begin = text.indexOf('-----BEGIN '); begin >= 0; begin = text.indexOf('-----BEGIN ', begin + 1)) {
    const from = begin + '-----BEGIN '.length;
    const end = text.indexOf('-----', from);
    if (end < 0) break;
    const label = text.slice(from, end);
    if (/^[A-Z0-9 ]*$/.test(label)) labels.push(label);
  }
  return labels;
}

function pemVisibility(labels: string[]): KeyVisibility | undefined {
  // "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY"…
  if (labels.some((label) => label.endsWith('PRIVATE KEY'))) return 'private';
  if (labels.some((label) => label.endsWith('PUBLIC KEY') || label.endsWith('CERTIFICATE'))) return 'public';
  return undefined;
}

function jsonVisibility(text: string): KeyVisibility | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  // A JWK, a JWKS, or a bare array of JWKs.
  const entries: unknown[] = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.keys) ? json.keys : [json];
  // An object with neither a "kty" nor key material is not a key at all.
  const keys = entries.filter(isRecord).filter((entry) => typeof entry.kty === 'string' || privateMembersOf(entry).length > 0);
  return strongest(keys.map(jwkVisibility));
}

/**
 * Base64 DER without PEM armour, judged by its outer structure: a private key
 * (PKCS#8, PKCS#1, SEC1) opens with a version INTEGER followed by more than one
 * element; public keys (SPKI, certificate) open with a SEQUENCE, and a PKCS#1
 * public key is just two INTEGERs.
 */
function bareDerVisibility(text: string): KeyVisibility | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 40 || !compact.startsWith('M') || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const decoded = base64Decode(compact);
  if (!decoded.ok) return undefined;
  try {
    const outer = readNode(decoded.bytes);
    if (outer.tag !== 0x30 || outer.raw.length !== decoded.bytes.length) return undefined;
    const children = [];
    for (let pos = 0; pos < outer.content.length && children.length < 3; ) {
      const child = readNode(outer.content, pos);
      children.push(child.tag);
      pos += child.raw.length;
    }
    if (children[0] === 0x30) return 'public';
    if (children[0] === 0x02) return children.length === 2 && children[1] === 0x02 ? 'public' : 'private';
  } catch {
    // Not DER: a secret that happens to look like base64.
  }
  return undefined;
}

/**
 * What pasted key text is: a PEM by its labels, a JWK or JWKS by its members,
 * bare base64 DER by its structure, an SSH or PuTTY key by its prefix. Text
 * that is none of these is taken for what the key editors take it for: a
 * shared secret (an HMAC secret or a PBES2 password).
 */
export function keyTextVisibility(text: string): KeyVisibility {
  const trimmed = text.trim();
  const fromPem = pemVisibility(pemLabels(trimmed));
  if (fromPem) return fromPem;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const fromJson = jsonVisibility(trimmed);
    if (fromJson) return fromJson;
  }
  if (trimmed.startsWith('PuTTY-User-Key-File-')) return 'private';
  if (/^(ssh-|ecdsa-sha2-|sk-ssh-|sk-ecdsa-)\S+ [A-Za-z0-9+/]/.test(trimmed) || trimmed.startsWith('---- BEGIN SSH2 PUBLIC KEY ----')) return 'public';
  return bareDerVisibility(trimmed) ?? 'secret';
}
