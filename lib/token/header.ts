// The JOSE header: the segment that must decode to a JSON object, since it says how to read the rest.

import type { DecodeContext } from './decode-context';
import { isPlainObject, kindOfJson } from './json-kind';
import { parseLocatedJson } from './located-json';
import { spanOfByte, spanOfEmptySegment, type SegmentPart } from './segment-part';
import { decodeSegmentBytes } from './segment-bytes';
import { segmentLabel } from './segment-roles';
import type { DecodedHeader } from './types';
import { decodeUtf8 } from './utf8';
import { t } from './messages';

/** The header when it decoded; its byte length whenever the base64url decoded (null when it did not). */
export type HeaderResult = { ok: true; header: DecodedHeader; byteLength: number } | { ok: false; byteLength: number | null };

/** Decodes the first segment as a JSON object, adding an error for whatever stops it. */
export function decodeHeaderSegment(ctx: DecodeContext, part: SegmentPart): HeaderResult {
  const role = 'header';
  const name = segmentLabel(role, ctx.isJwe);
  const rfc = ctx.isJwe ? 'RFC 7516 §4' : 'RFC 7515 §4';
  if (part.text.length === 0) {
    ctx.issues.push({
      severity: 'error',
      message: t('token.headerEmpty', { name }),
      segment: role,
      ...spanOfEmptySegment(ctx.raw, part),
      segmentOffset: 0,
    });
    return { ok: false, byteLength: 0 };
  }
  const bytes = decodeSegmentBytes(ctx, role, part);
  if (!bytes) return { ok: false, byteLength: null };
  const byteLength = bytes.length;
  const utf8 = decodeUtf8(bytes);
  if (!utf8.ok) {
    ctx.issues.push({ severity: 'error', message: t('token.notUtf8', { name, problem: utf8.message }), segment: role, ...spanOfByte(part, utf8.byteIndex) });
    return { ok: false, byteLength };
  }
  const parsed = parseLocatedJson(ctx, { role, name, rfc, part, decoded: utf8.text, severity: 'error' });
  if (!parsed.ok) return { ok: false, byteLength };
  if (!isPlainObject(parsed.value)) {
    ctx.issues.push({
      severity: 'error',
      message: t('token.headerNotObject', { name, kind: kindOfJson(parsed.value) }),
      segment: role,
      offset: part.start,
      length: part.text.length,
    });
    return { ok: false, byteLength };
  }
  return { ok: true, header: { value: parsed.value, pretty: JSON.stringify(parsed.value, null, 2) }, byteLength };
}
