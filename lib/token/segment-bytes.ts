// Base64url-decoding one segment, with an error that says which character of which segment
// (and of the whole input) is wrong.

import { decodeBase64url } from './base64url';
import type { DecodeContext } from './decode-context';
import type { SegmentPart } from './segment-part';
import { segmentLabel } from './segment-roles';
import type { SegmentRole } from './types';
import { t } from './messages';

/** "Payload segment, character 17 (character 54 of the input)": 1-based, as people count. */
export function describeSegmentPosition(ctx: DecodeContext, role: SegmentRole, part: SegmentPart, index: number): string {
  const absolute = part.start + index;
  const values = { label: segmentLabel(role, ctx.isJwe), index: String(index + 1), absolute: String(absolute + 1) };
  // "Extra segment" already says segment.
  if (role === 'extra') return absolute !== index ? t('token.positionInExtraOfInput', values) : t('token.positionInExtra', values);
  return absolute !== index ? t('token.positionInSegmentOfInput', values) : t('token.positionInSegment', values);
}

/** The segment's bytes, or null after adding a located error. */
export function decodeSegmentBytes(ctx: DecodeContext, role: SegmentRole, part: SegmentPart): Uint8Array | null {
  const result = decodeBase64url(part.text);
  if (result.ok) return result.bytes;
  const { index, length, message } = result.error;
  // A header pasted as plain JSON is a common mistake when building a token by hand.
  const looksLikeJson = role === 'header' && part.text.startsWith('{');
  const values = { position: describeSegmentPosition(ctx, role, part, index), problem: message };
  ctx.issues.push({
    severity: 'error',
    message: looksLikeJson ? t('token.locatedProblemPlainJson', values) : t('token.locatedProblem', values),
    segment: role,
    offset: part.start + index,
    length,
    segmentOffset: index,
  });
  return null;
}

/** A binary segment (signature, JWE parts): only its decoded length matters here; null when it is not base64url. */
export function binarySegmentLength(ctx: DecodeContext, role: SegmentRole, part: SegmentPart): number | null {
  if (part.text.length === 0) return 0;
  const bytes = decodeSegmentBytes(ctx, role, part);
  return bytes ? bytes.length : null;
}
