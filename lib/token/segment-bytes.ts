// Base64url-decoding one segment, with an error that says which character of which segment
// (and of the whole input) is wrong.

import { decodeBase64url } from './base64url';
import type { DecodeContext } from './decode-context';
import type { SegmentPart } from './segment-part';
import { segmentLabel } from './segment-roles';
import type { SegmentRole } from './types';

/** "Payload segment, character 17 (character 54 of the input)": 1-based, as people count. */
export function describeSegmentPosition(ctx: DecodeContext, role: SegmentRole, part: SegmentPart, index: number): string {
  const absolute = part.start + index;
  const inInput = absolute !== index ? ` (character ${absolute + 1} of the input)` : '';
  const segment = role === 'extra' ? '' : ' segment';
  return `${segmentLabel(role, ctx.isJwe)}${segment}, character ${index + 1}${inInput}`;
}

/** The segment's bytes, or null after adding a located error. */
export function decodeSegmentBytes(ctx: DecodeContext, role: SegmentRole, part: SegmentPart): Uint8Array | null {
  const result = decodeBase64url(part.text);
  if (result.ok) return result.bytes;
  const { index, length, message } = result.error;
  // A header pasted as plain JSON is a common mistake when building a token by hand.
  const hint = role === 'header' && part.text.startsWith('{') ? ' (this looks like plain JSON: each part of a token is base64url-encoded)' : '';
  ctx.issues.push({
    severity: 'error',
    message: `${describeSegmentPosition(ctx, role, part, index)}: ${message}${hint}`,
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
