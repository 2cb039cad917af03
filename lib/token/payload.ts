// The JWS payload: a JSON claims set when it is a JSON object; otherwise text or hex, with a
// note saying why it is not a claims set (RFC 7515 allows any bytes).

import type { DecodeContext } from './decode-context';
import { toHex } from './hex';
import { isPlainObject, kindOfJson } from './json-kind';
import { parseLocatedJson } from './located-json';
import { spanOfByte, spanOfEmptySegment, spanOfSegment, type SegmentPart } from './segment-part';
import { decodeSegmentBytes } from './segment-bytes';
import type { PayloadView } from './types';
import { decodeUtf8 } from './utf8';
import { t } from './messages';
import { segmentLabel } from './segment-roles';

const role = 'payload';

/** The view is null (and the length too) when the segment is not base64url; that error is added. */
export function decodePayloadSegment(
  ctx: DecodeContext,
  part: SegmentPart,
  header: Record<string, unknown> | null,
): { view: PayloadView | null; byteLength: number | null } {
  if (header?.b64 === false) {
    ctx.issues.push({
      severity: 'info',
      message: t('token.payloadUnencodedInfo'),
      informational: true,
      segment: role,
      ...spanOfSegment(part),
    });
    // The signed bytes are the segment's own characters (RFC 7797 §5).
    const view: PayloadView = { kind: 'text', text: part.text, note: t('token.payloadUnencodedNote') };
    return { view, byteLength: new TextEncoder().encode(part.text).length };
  }
  if (part.text.length === 0) {
    ctx.issues.push({
      severity: 'info',
      message: t('token.payloadEmptyInfo'),
      segment: role,
      ...spanOfEmptySegment(ctx.raw, part),
    });
    return { view: { kind: 'text', text: '', note: t('token.payloadEmptyNote') }, byteLength: 0 };
  }
  const bytes = decodeSegmentBytes(ctx, role, part);
  if (!bytes) return { view: null, byteLength: null };
  return { view: payloadView(ctx, part, bytes, header), byteLength: bytes.length };
}

function payloadView(ctx: DecodeContext, part: SegmentPart, bytes: Uint8Array, header: Record<string, unknown> | null): PayloadView {
  const utf8 = decodeUtf8(bytes);
  if (!utf8.ok) {
    const note = t('token.payloadNotUtf8Note', { problem: utf8.message });
    ctx.issues.push({ severity: 'info', message: note, segment: role, ...spanOfByte(part, utf8.byteIndex) });
    return { kind: 'hex', hex: toHex(bytes), byteLength: bytes.length, note };
  }
  const text = utf8.text;
  const cty = typeof header?.cty === 'string' ? header.cty.toUpperCase() : '';
  if (cty === 'JWT') {
    const note = t('token.payloadNestedNote');
    ctx.issues.push({ severity: 'info', message: note, segment: role, ...spanOfSegment(part), informational: true });
    return { kind: 'text', text, note };
  }
  // Text that starts like JSON is most likely a broken claims set: warn. Other text is legal (RFC 7515): note it.
  const first = text.trimStart().charAt(0);
  const looksLikeJson = first === '{' || first === '[' || first === '"';
  const parsed = parseLocatedJson(ctx, { role, name: segmentLabel(role), rfc: 'RFC 7519 §4', part, decoded: text, severity: looksLikeJson ? 'warning' : 'info' });
  if (!parsed.ok) {
    const note = parsed.tooDeep
      ? t('token.payloadTooDeepNote')
      : t('token.payloadNotJsonNote');
    return { kind: 'text', text, note };
  }
  if (!isPlainObject(parsed.value)) {
    const note = t('token.payloadNotObjectNote', { kind: kindOfJson(parsed.value) });
    ctx.issues.push({ severity: 'info', message: note, segment: role, ...spanOfSegment(part) });
    return { kind: 'text', text, note };
  }
  return { kind: 'json', value: parsed.value, pretty: JSON.stringify(parsed.value, null, 2) };
}
