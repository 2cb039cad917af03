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
      message: 'The header sets "b64": false (RFC 7797): the payload segment is not base64url-encoded, so it is shown exactly as it appears in the token',
      informational: true,
      segment: role,
      ...spanOfSegment(part),
    });
    // The signed bytes are the segment's own characters (RFC 7797 §5).
    const view: PayloadView = { kind: 'text', text: part.text, note: 'Not a JWT claims set: an unencoded payload (b64: false, RFC 7797), shown as it is.' };
    return { view, byteLength: new TextEncoder().encode(part.text).length };
  }
  if (part.text.length === 0) {
    ctx.issues.push({
      severity: 'info',
      message: 'The payload segment is empty: the content is detached (RFC 7515 Appendix F) or empty',
      segment: role,
      ...spanOfEmptySegment(ctx.raw, part),
    });
    return { view: { kind: 'text', text: '', note: 'No payload in the token: detached content (RFC 7515 Appendix F) or an empty payload.' }, byteLength: 0 };
  }
  const bytes = decodeSegmentBytes(ctx, role, part);
  if (!bytes) return { view: null, byteLength: null };
  return { view: payloadView(ctx, part, bytes, header), byteLength: bytes.length };
}

function payloadView(ctx: DecodeContext, part: SegmentPart, bytes: Uint8Array, header: Record<string, unknown> | null): PayloadView {
  const utf8 = decodeUtf8(bytes);
  if (!utf8.ok) {
    const note = `Not a JWT claims set: the payload is not UTF-8 text (${utf8.message}), so it is shown as hex.`;
    ctx.issues.push({ severity: 'info', message: note, segment: role, ...spanOfByte(part, utf8.byteIndex) });
    return { kind: 'hex', hex: toHex(bytes), byteLength: bytes.length, note };
  }
  const text = utf8.text;
  const cty = typeof header?.cty === 'string' ? header.cty.toUpperCase() : '';
  if (cty === 'JWT') {
    const note = 'Not a JWT claims set: the header says cty "JWT", so the payload is a nested token; decode it on its own.';
    ctx.issues.push({ severity: 'info', message: note, segment: role, ...spanOfSegment(part), informational: true });
    return { kind: 'text', text, note };
  }
  // Text that starts like JSON is most likely a broken claims set: warn. Other text is legal (RFC 7515): note it.
  const first = text.trimStart().charAt(0);
  const looksLikeJson = first === '{' || first === '[' || first === '"';
  const parsed = parseLocatedJson(ctx, { role, name: 'Payload', rfc: 'RFC 7519 §4', part, decoded: text, severity: looksLikeJson ? 'warning' : 'info' });
  if (!parsed.ok) {
    const note = parsed.tooDeep
      ? 'Not read as a JWT claims set: the payload nests too deeply, so it is shown as text.'
      : 'Not a JWT claims set: the payload is not JSON, so it is shown as text.';
    return { kind: 'text', text, note };
  }
  if (!isPlainObject(parsed.value)) {
    const note = `Not a JWT claims set: the payload is JSON but ${kindOfJson(parsed.value)}, not an object.`;
    ctx.issues.push({ severity: 'info', message: note, segment: role, ...spanOfSegment(part) });
    return { kind: 'text', text, note };
  }
  return { kind: 'json', value: parsed.value, pretty: JSON.stringify(parsed.value, null, 2) };
}
