// What each segment of a compact token is, by its position (RFC 7515 §7.1, RFC 7516 §7.1).

import type { SegmentRole } from './types';
import { t } from './messages';

export const JWS_ROLES: readonly SegmentRole[] = ['header', 'payload', 'signature'];
export const JWE_ROLES: readonly SegmentRole[] = ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag'];

// Message IDs: labels are read in the active language each time one is shown.
const LABELS: Record<SegmentRole, Parameters<typeof t>[0]> = {
  header: 'token.labelHeader',
  payload: 'token.labelPayload',
  signature: 'token.labelSignature',
  encryptedKey: 'token.labelEncryptedKey',
  iv: 'token.labelIv',
  ciphertext: 'token.labelCiphertext',
  tag: 'token.labelTag',
  disclosure: 'token.labelDisclosure',
  keyBinding: 'token.labelKeyBinding',
  extra: 'token.labelExtra',
};

/** The label people know a segment by; a JWE calls its header the protected header. */
export function segmentLabel(role: SegmentRole, isJwe = false): string {
  return role === 'header' && isJwe ? t('token.labelProtectedHeader') : t(LABELS[role]);
}

/** How a sentence names the decoded header or payload ("… of the decoded payload"). */
export function segmentNoun(role: 'header' | 'payload', isJwe = false): string {
  if (role === 'payload') return t('token.nounPayload');
  return isJwe ? t('token.nounProtectedHeader') : t('token.nounHeader');
}

/**
 * The roles to give the segments: a JWE's when there are 5, or when the count is wrong but
 * the header has "enc" (so the marks match what the token was meant to be); a JWS's otherwise.
 */
export function rolesForSegments(count: number, headerHasEnc: boolean): readonly SegmentRole[] {
  return count === 5 || (count !== 3 && headerHasEnc) ? JWE_ROLES : JWS_ROLES;
}
