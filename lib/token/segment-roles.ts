// What each segment of a compact token is, by its position (RFC 7515 §7.1, RFC 7516 §7.1).

import type { SegmentRole } from './types';

export const JWS_ROLES: readonly SegmentRole[] = ['header', 'payload', 'signature'];
export const JWE_ROLES: readonly SegmentRole[] = ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag'];

const LABELS: Record<SegmentRole, string> = {
  header: 'Header',
  payload: 'Payload',
  signature: 'Signature',
  encryptedKey: 'Encrypted key',
  iv: 'IV',
  ciphertext: 'Ciphertext',
  tag: 'Tag',
  disclosure: 'Disclosure',
  keyBinding: 'Key binding JWT',
  extra: 'Extra segment',
};

/** The label people know a segment by; a JWE calls its header the protected header. */
export function segmentLabel(role: SegmentRole, isJwe = false): string {
  return role === 'header' && isJwe ? 'Protected header' : LABELS[role];
}

/**
 * The roles to give the segments: a JWE's when there are 5, or when the count is wrong but
 * the header has "enc" (so the marks match what the token was meant to be); a JWS's otherwise.
 */
export function rolesForSegments(count: number, headerHasEnc: boolean): readonly SegmentRole[] {
  return count === 5 || (count !== 3 && headerHasEnc) ? JWE_ROLES : JWS_ROLES;
}
