// Parsing a decoded header or payload as JSON, with errors and warnings that point at the
// characters of the token they are about, not only at positions in the decoded text.

import type { DecodeContext } from './decode-context';
import { isPlainObject } from './json-kind';
import { MAX_JSON_DEPTH, scanJson, type JsonScanResult } from './json-scan';
import { lineAndColumn, spanOfByte, spanOfSegment, type InputSpan, type SegmentPart } from './segment-part';
import type { SegmentRole, TokenIssue } from './types';
import { utf8OffsetOf } from './utf8';
import { t } from './messages';
import { segmentNoun } from './segment-roles';

export interface LocatedJsonInput {
  role: SegmentRole;
  /** "Header", "Protected header" or "Payload": starts every message. */
  name: string;
  /** The rule duplicate members break, cited in their warning. */
  rfc: string;
  part: SegmentPart;
  /** The segment's text after base64url and UTF-8 decoding. */
  decoded: string;
  /** How bad "not JSON" is: an error for a header, a warning or a note for a payload. */
  severity: TokenIssue['severity'];
  /** The text is the segment itself (b64: false), so positions map 1:1 to the input. */
  textIsSegment?: boolean;
}

/** How sentences name the decoded text ("the decoded payload"). */
function nounOf(ctx: DecodeContext, role: SegmentRole): string {
  return segmentNoun(role === 'payload' ? 'payload' : 'header', ctx.isJwe);
}

export type LocatedJsonResult = { ok: true; value: unknown } | { ok: false; message: string; tooDeep: boolean };

export function parseLocatedJson(ctx: DecodeContext, input: LocatedJsonInput): LocatedJsonResult {
  const { role, name, part, decoded, severity, textIsSegment = false } = input;
  const locate = (position: number, length: number): InputSpan => {
    if (textIsSegment) return { offset: part.start + position, length: Math.max(length, 1) };
    return spanOfByte(part, utf8OffsetOf(decoded, position));
  };
  // A byte order mark is not JSON (RFC 8259 §8.1); many parsers skip it, so warn and skip it too.
  let shift = 0;
  if (decoded.charCodeAt(0) === 0xfeff) {
    shift = 1;
    ctx.issues.push({
      severity: 'warning',
      message: t('token.jsonByteOrderMark', { name }),
      segment: role,
      ...locate(0, 1),
    });
  }
  const text = shift ? decoded.slice(shift) : decoded;
  const notJson = textIsSegment ? t('token.notJson', { name }) : t('token.notJsonAfterBase64url', { name });
  const where = nounOf(ctx, role);
  const scan = scanJson(text);
  if (scan.error) {
    const { position, length, message } = scan.error;
    const { line, column } = lineAndColumn(text, position);
    const full =
      line > 1
        ? t('token.jsonErrorAtLine', { notJson, problem: message, line: String(line), column: String(column), where })
        : t('token.jsonErrorAtCharacter', { notJson, problem: message, index: String(position + 1), where });
    ctx.issues.push({ severity, message: full, segment: role, ...locate(position + shift, length) });
    return { ok: false, message: full, tooDeep: false };
  }
  if (scan.maxDepth > MAX_JSON_DEPTH) {
    // Reading deeper JSON could overflow the stack of whatever walks it next.
    const full = t('token.jsonTooDeep', { name, depth: String(scan.maxDepth), max: String(MAX_JSON_DEPTH) });
    ctx.issues.push({ severity: severity === 'error' ? 'error' : 'warning', message: full, segment: role, ...spanOfSegment(part) });
    return { ok: false, message: full, tooDeep: true };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // The scanner accepts exactly what JSON.parse does; this is a safety net, not a path we expect.
    const message = t('token.jsonParseFailed', { notJson, problem: (e as Error).message });
    ctx.issues.push({ severity, message, segment: role, ...spanOfSegment(part) });
    return { ok: false, message, tooDeep: false };
  }
  if (isPlainObject(value)) pushMemberWarnings(ctx, input, scan, (position, length) => locate(position + shift, length));
  return { ok: true, value };
}

/** What JSON.parse silently smooths over in an object: repeated names and numbers it cannot hold. */
function pushMemberWarnings(ctx: DecodeContext, input: LocatedJsonInput, scan: JsonScanResult, locate: (position: number, length: number) => InputSpan): void {
  const { role, rfc } = input;
  const where = nounOf(ctx, role);
  for (const dup of scan.duplicates) {
    const values = { name: dup.name, where, path: dup.path, rfc };
    ctx.issues.push({
      severity: 'warning',
      message: dup.path ? t('token.duplicateMemberInside', values) : t('token.duplicateMember', values),
      segment: role,
      ...locate(dup.position, dup.length),
    });
  }
  // The scanner locates only the first few duplicates: count the rest in one line.
  const more = scan.duplicateCount - scan.duplicates.length;
  if (more > 0) {
    ctx.issues.push({
      severity: 'warning',
      message: t('token.moreDuplicates', { count: more, n: String(more), where }),
      segment: role,
    });
  }
  for (const odd of scan.specialNumbers) {
    ctx.issues.push({
      severity: 'warning',
      message:
        odd.parsedAs === 'null'
          ? t('token.numberTooLarge', { literal: odd.literal.slice(0, 40), where })
          : t('token.numberNegativeZero', { literal: odd.literal.slice(0, 40), where }),
      segment: role,
      ...locate(odd.position, odd.literal.length),
    });
  }
  for (const big of scan.unsafeIntegers) {
    ctx.issues.push({
      severity: 'warning',
      message: t('token.integerUnsafe', { literal: big.literal, where, parsed: String(big.parsedAs) }),
      segment: role,
      ...locate(big.position, big.literal.length),
    });
  }
}
