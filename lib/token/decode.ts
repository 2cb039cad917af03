// Turns whatever was pasted into a decoded token, or into located errors. Every part that
// can be decoded is, even when another part is broken, so the view can show what it can.

import { decodeBase64url } from './base64url';
import { MAX_JSON_DEPTH, scanJson } from './json-scan';

/** Extra segments past this many are marked but not decoded one by one. */
const MAX_CHECKED_SEGMENTS = 8;
import { stripPastedInput } from './normalise';
import type { DecodedHeader, DecodedToken, PayloadView, SegmentRole, TokenIssue, TokenSegment } from './types';
import { decodeUtf8, utf8OffsetOf } from './utf8';

const JWS_ROLES: SegmentRole[] = ['header', 'payload', 'signature'];
const JWE_ROLES: SegmentRole[] = ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag'];

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

/** JWE key management algorithms that carry no encrypted key (RFC 7518 §4.5, §4.6). */
const JWE_ALGS_WITHOUT_KEY = new Set(['dir', 'ECDH-ES']);

/** A segment of the token: its text and where it sits in the raw input. */
interface Part {
  text: string;
  /** Absolute offset of the segment's first character in the raw input. */
  start: number;
}

type JsonObjectResult =
  | { ok: true; header: DecodedHeader; byteLength: number }
  | { ok: false; byteLength: number | null };

/** Where in a base64url segment the decoded byte `byteIndex` is encoded. */
function spanOfByte(part: Part, byteIndex: number): { offset: number; length: number } {
  const index = Math.floor(byteIndex / 3) * 4 + (byteIndex % 3);
  const clamped = Math.min(index, Math.max(part.text.length - 1, 0));
  return { offset: part.start + clamped, length: Math.min(2, part.text.length - clamped) };
}

function kindOfJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `the literal ${String(value)}`;
  return 'not an object';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  const parts: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes[i]!]!;
  return parts.join(' ');
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

class Decoder {
  readonly issues: TokenIssue[] = [];

  constructor(
    readonly raw: string,
    readonly isJwe = false,
  ) {}

  label(role: SegmentRole): string {
    return role === 'header' && this.isJwe ? 'Protected header' : LABELS[role];
  }

  add(issue: TokenIssue): void {
    this.issues.push(issue);
  }

  /** "Payload segment, character 17 (character 54 of the input)" — 1-based, as people count. */
  where(role: SegmentRole, part: Part, index: number): string {
    const absolute = part.start + index;
    const inInput = absolute !== index ? ` (character ${absolute + 1} of the input)` : '';
    const segment = role === 'extra' ? '' : ' segment';
    return `${this.label(role)}${segment}, character ${index + 1}${inInput}`;
  }

  /** Decodes base64url, reporting a located error. */
  bytesOf(role: SegmentRole, part: Part): Uint8Array | null {
    const result = decodeBase64url(part.text);
    if (result.ok) return result.bytes;
    const { index, length, message } = result.error;
    let hint = '';
    if (role === 'header' && part.text.startsWith('{')) hint = ' (this looks like plain JSON: each part of a token is base64url-encoded)';
    this.add({
      severity: 'error',
      message: `${this.where(role, part, index)}: ${message}${hint}`,
      segment: role,
      offset: part.start + index,
      length,
      segmentOffset: index,
    });
    return null;
  }

  /** Empty segments have no characters to mark: point at the dot next to them. */
  markEmpty(part: Part): { offset: number; length: number } {
    const length = part.start < this.raw.length && this.raw[part.start] === '.' ? 1 : 0;
    return { offset: part.start, length };
  }

  /**
   * Decodes a segment that must hold a JSON object (the header). Reports every failure
   * as an error; returns the object on success.
   */
  jsonObjectSegment(role: SegmentRole, name: string, rfc: string, part: Part): JsonObjectResult {
    if (part.text.length === 0) {
      this.add({
        severity: 'error',
        message: `${name} segment is empty: a token starts with its base64url-encoded JSON header`,
        segment: role,
        ...this.markEmpty(part),
        segmentOffset: 0,
      });
      return { ok: false, byteLength: 0 };
    }
    const bytes = this.bytesOf(role, part);
    if (!bytes) return { ok: false, byteLength: null };
    const byteLength = bytes.length;
    const utf8 = decodeUtf8(bytes);
    if (!utf8.ok) {
      this.add({
        severity: 'error',
        message: `${name} is valid base64url but not UTF-8: ${utf8.message}`,
        segment: role,
        ...spanOfByte(part, utf8.byteIndex),
      });
      return { ok: false, byteLength };
    }
    const parsed = this.parseJson(role, name, rfc, part, utf8.text, 'error');
    if (!parsed.ok) return { ok: false, byteLength };
    if (!isPlainObject(parsed.value)) {
      this.add({
        severity: 'error',
        message: `${name} is JSON but not an object: it is ${kindOfJson(parsed.value)}, and a JOSE header must be a JSON object`,
        segment: role,
        offset: part.start,
        length: part.text.length,
      });
      return { ok: false, byteLength };
    }
    return { ok: true, header: { value: parsed.value, pretty: JSON.stringify(parsed.value, null, 2) }, byteLength };
  }

  /**
   * Parses decoded text as JSON with located errors and duplicate-member warnings.
   * `textIsSegment` means the text is the segment itself (b64:false), so positions map 1:1.
   */
  parseJson(
    role: SegmentRole,
    name: string,
    rfc: string,
    part: Part,
    decoded: string,
    severity: TokenIssue['severity'],
    textIsSegment = false,
  ): { ok: true; value: unknown } | { ok: false; message: string } {
    const locate = (position: number, length: number) => {
      if (textIsSegment) return { offset: part.start + position, length: Math.max(length, 1) };
      const byteIndex = utf8OffsetOf(decoded, position);
      return spanOfByte(part, byteIndex);
    };
    // A byte order mark is not JSON (RFC 8259 §8.1); many parsers skip it, so warn and skip it too.
    let shift = 0;
    if (decoded.charCodeAt(0) === 0xfeff) {
      shift = 1;
      this.add({
        severity: 'warning',
        message: `${name} starts with a byte order mark (U+FEFF), which JSON does not allow (RFC 8259 §8.1); it was skipped, but strict libraries reject this token`,
        segment: role,
        ...locate(0, 1),
      });
    }
    const text = shift ? decoded.slice(shift) : decoded;
    const scan = scanJson(text);
    if (scan.error) {
      const { position, length, message } = scan.error;
      const { line, column } = lineAndColumn(text, position);
      const at = line > 1 ? `line ${line}, column ${column}` : `character ${position + 1}`;
      const base64 = textIsSegment ? '' : 'valid base64url but ';
      const full = `${name} is ${base64}not JSON: ${message} (at ${at} of the decoded ${name.toLowerCase()})`;
      // The caller decides whether "not JSON" is an error (header), a warning or a note (payload).
      this.add({ severity, message: full, segment: role, ...locate(position + shift, length) });
      return { ok: false, message: full };
    }
    if (scan.maxDepth > MAX_JSON_DEPTH) {
      const full = `${name} nests arrays and objects ${scan.maxDepth} levels deep; beyond ${MAX_JSON_DEPTH} levels it is shown as text, not read as JSON`;
      this.add({ severity: severity === 'error' ? 'error' : 'warning', message: full, segment: role, offset: part.start, length: part.text.length });
      return { ok: false, message: full };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      // The scanner accepts exactly what JSON.parse does; this is a safety net, not a path we expect.
      const message = `${name} is ${textIsSegment ? '' : 'valid base64url but '}not JSON: ${(e as Error).message}`;
      this.add({ severity, message, segment: role, offset: part.start, length: part.text.length });
      return { ok: false, message };
    }
    if (isPlainObject(value)) {
      for (const dup of scan.duplicates) {
        const inside = dup.path ? ` (inside "${dup.path}")` : '';
        this.add({
          severity: 'warning',
          message: `Duplicate member "${dup.name}" in the ${name.toLowerCase()}${inside}: the last value is used, as JSON.parse does; ${rfc} says a parser must either reject such a token or use the last value, so other libraries may reject it`,
          segment: role,
          ...locate(dup.position + shift, dup.length),
        });
      }
      const more = scan.duplicateCount - scan.duplicates.length;
      if (more > 0) {
        this.add({
          severity: 'warning',
          message: `…and ${more} more duplicate member ${more === 1 ? 'name' : 'names'} in the ${name.toLowerCase()}`,
          segment: role,
        });
      }
      for (const odd of scan.specialNumbers) {
        this.add({
          severity: 'warning',
          message:
            odd.parsedAs === 'null'
              ? `The number ${odd.literal.slice(0, 40)} in the ${name.toLowerCase()} is too large for a JavaScript number: JSON.parse reads it as Infinity, shown as null`
              : `The number ${odd.literal.slice(0, 40)} in the ${name.toLowerCase()} is negative zero: JSON.parse keeps it as -0, but it is shown as 0`,
          segment: role,
          ...locate(odd.position + shift, odd.literal.length),
        });
      }
      for (const big of scan.unsafeIntegers) {
        this.add({
          severity: 'warning',
          message: `The integer ${big.literal} in the ${name.toLowerCase()} is too large for a JavaScript number: JSON.parse reads it as ${big.parsedAs}, which is what is shown`,
          segment: role,
          ...locate(big.position + shift, big.literal.length),
        });
      }
    }
    return { ok: true, value };
  }

  /** The JWS payload: JSON claims when it is a JSON object; otherwise text or hex, marked as not a claims set. */
  payload(part: Part, header: Record<string, unknown> | null): { view: PayloadView | null; byteLength: number | null } {
    const role: SegmentRole = 'payload';
    if (header?.b64 === false) {
      this.add({
        severity: 'info',
        message: 'The header sets "b64": false (RFC 7797): the payload segment is not base64url-encoded, so it is shown exactly as it appears in the token',
        informational: true,
        segment: role,
        offset: part.start,
        length: part.text.length,
      });
      // The signed bytes are the segment's own characters (RFC 7797 §5).
      const view: PayloadView = { kind: 'text', text: part.text, note: 'Not a JWT claims set: an unencoded payload (b64: false, RFC 7797), shown as it is.' };
      return { view, byteLength: new TextEncoder().encode(part.text).length };
    }
    if (part.text.length === 0) {
      this.add({
        severity: 'info',
        message: 'The payload segment is empty: the content is detached (RFC 7515 Appendix F) or empty',
        segment: role,
        ...this.markEmpty(part),
      });
      return { view: { kind: 'text', text: '', note: 'No payload in the token: detached content (RFC 7515 Appendix F) or an empty payload.' }, byteLength: 0 };
    }
    const bytes = this.bytesOf(role, part);
    if (!bytes) return { view: null, byteLength: null };
    return { view: this.payloadView(part, bytes, header), byteLength: bytes.length };
  }

  private payloadView(part: Part, bytes: Uint8Array, header: Record<string, unknown> | null): PayloadView {
    const role: SegmentRole = 'payload';
    const cty = typeof header?.cty === 'string' ? header.cty.toUpperCase() : '';
    const utf8 = decodeUtf8(bytes);
    if (!utf8.ok) {
      const note = `Not a JWT claims set: the payload is not UTF-8 text (${utf8.message}), so it is shown as hex.`;
      this.add({ severity: 'info', message: note, segment: role, ...spanOfByte(part, utf8.byteIndex) });
      return { kind: 'hex', hex: toHex(bytes), byteLength: bytes.length, note };
    }
    const text = utf8.text;
    if (cty === 'JWT') {
      const note = 'Not a JWT claims set: the header says cty "JWT", so the payload is a nested token; decode it on its own.';
      this.add({ severity: 'info', message: note, segment: role, offset: part.start, length: part.text.length, informational: true });
      return { kind: 'text', text, note };
    }
    // Text that starts like JSON is most likely a broken claims set: warn. Other text is legal (RFC 7515): note it.
    const first = text.trimStart().charAt(0);
    const looksLikeJson = first === '{' || first === '[' || first === '"';
    const parsed = this.parseJson(role, 'Payload', 'RFC 7519 §4', part, text, looksLikeJson ? 'warning' : 'info');
    if (!parsed.ok) {
      const tooDeep = parsed.message.includes(' levels deep');
      return { kind: 'text', text, note: tooDeep ? 'Not read as a JWT claims set: the payload nests too deeply, so it is shown as text.' : 'Not a JWT claims set: the payload is not JSON, so it is shown as text.' };
    }
    if (!isPlainObject(parsed.value)) {
      const note = `Not a JWT claims set: the payload is JSON but ${kindOfJson(parsed.value)}, not an object.`;
      this.add({ severity: 'info', message: note, segment: role, offset: part.start, length: part.text.length });
      return { kind: 'text', text, note };
    }
    return { kind: 'json', value: parsed.value, pretty: JSON.stringify(parsed.value, null, 2) };
  }

  /** A binary segment (signature, JWE parts): only its length matters here. */
  binary(role: SegmentRole, part: Part): number | null {
    if (part.text.length === 0) return 0;
    const bytes = this.bytesOf(role, part);
    return bytes ? bytes.length : null;
  }
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function segmentCountProblem(count: number, token: string, tokenStart: number, dots: number[], isJwe: boolean): TokenIssue {
  if (count === 1) {
    return {
      severity: 'error',
      message: `1 segment (no '.' at all): a JWS has 3 segments separated by dots, a JWE has 5, so this is not a compact token`,
      offset: tokenStart,
      length: token.length,
    };
  }
  if (count === 2) {
    return {
      severity: 'error',
      message: `2 segments: a JWS has 3, a JWE has 5. The signature segment is missing; was the token cut short? (Even an unsecured token ends with a '.')`,
      offset: tokenStart + token.length,
      length: 0,
    };
  }
  const jweHint = isJwe ? ' The header has "enc", so this is meant to be a JWE.' : '';
  // Point at the first dot too many for a JWS (or for a JWE when there are more than 5 segments).
  const firstExtraDot = count > 5 ? dots[4] : count === 4 && !isJwe ? dots[2] : undefined;
  return {
    severity: 'error',
    message: `${count} segments: a JWS has 3, a JWE has 5.${isJwe && count === 4 ? ' One is missing.' : ' Is there a stray or missing \'.\'?'}${jweHint}`,
    offset: firstExtraDot !== undefined ? tokenStart + firstExtraDot : tokenStart + token.length,
    length: firstExtraDot !== undefined ? 1 : 0,
  };
}

function decodeUnguarded(raw: string): DecodedToken {
  const { start, end: inputEnd, stripped } = stripPastedInput(raw);
  // An SD-JWT (RFC 9901): the issuer-signed JWT is decoded as any JWS; the parts after it are added as segments.
  const whole = raw.slice(start, inputEnd);
  const tilde = whole.indexOf('~');
  const sdJwt = tilde > 0 && whole.lastIndexOf('.', tilde) > 0 ? whole : null;
  const token = sdJwt ? whole.slice(0, tilde) : whole;
  const d = new Decoder(raw, false);
  const result: DecodedToken = {
    raw,
    token,
    tokenStart: start,
    stripped,
    empty: token.length === 0 && raw.trim().length === 0,
    kind: 'unknown',
    segments: [],
    header: null,
    payload: null,
    error: null,
    issues: d.issues,
  };

  if (token.length === 0) {
    d.add({
      severity: 'error',
      message: result.empty
        ? 'Nothing to decode: paste a token (a JWS is three base64url parts separated by dots)'
        : `Nothing is left to decode after removing ${joinWords(stripped)}`,
      offset: start,
      length: 0,
    });
    result.error = d.issues[0] ?? null;
    return result;
  }
  if (stripped.length > 0) {
    d.add({
      severity: 'info',
      message: `Removed ${joinWords(stripped)} before decoding; the token itself is unchanged`,
      informational: true,
      offset: start,
      length: 0,
    });
  }

  const dots: number[] = [];
  for (let i = token.indexOf('.'); i >= 0; i = token.indexOf('.', i + 1)) dots.push(i);
  const parts: Part[] = [];
  let from = 0;
  for (const dot of [...dots, token.length]) {
    parts.push({ text: token.slice(from, dot), start: start + from });
    from = dot + 1;
  }
  const count = parts.length;
  const isJwe = count === 5;

  // The header decides how to read the rest, so decode it first and report it after the shape.
  const headerDecoder = new Decoder(raw, isJwe);
  const headerPart = parts[0]!;
  const headerName = isJwe ? 'Protected header' : 'Header';
  const rfc = isJwe ? 'RFC 7516 §4' : 'RFC 7515 §4';
  const headerResult = headerDecoder.jsonObjectSegment('header', headerName, rfc, headerPart);
  const header = headerResult.ok ? headerResult.header : null;
  const headerValue = header?.value ?? null;
  const hasEnc = headerValue !== null && 'enc' in headerValue;

  if (count !== 3 && count !== 5) d.add(segmentCountProblem(count, token, start, dots, hasEnc));
  d.issues.push(...headerDecoder.issues);
  result.header = header;
  result.kind = count === 3 ? 'jws' : count === 5 ? 'jwe' : 'unknown';

  const roles = count === 5 || (count !== 3 && hasEnc) ? JWE_ROLES : JWS_ROLES;
  const segments: TokenSegment[] = parts.map((part, i) => {
    const role = roles[i] ?? 'extra';
    return { role, label: i === 0 && roles === JWE_ROLES ? 'Protected header' : LABELS[role], start: part.start, end: part.start + part.text.length, byteLength: null };
  });
  result.segments = segments;
  segments[0]!.byteLength = headerResult.byteLength;

  if (headerValue) checkHeader(d, headerValue, result.kind, headerPart);

  const alg = typeof headerValue?.alg === 'string' ? headerValue.alg : undefined;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    switch (segment.role) {
      case 'payload': {
        const payload = d.payload(part, headerValue);
        result.payload = payload.view;
        segment.byteLength = payload.byteLength;
        break;
      }
      case 'signature':
        segment.byteLength = d.binary('signature', part);
        if (count === 3) checkSignaturePresence(d, alg, part, segment.byteLength);
        break;
      case 'iv':
      case 'tag':
        if (part.text.length === 0) {
          d.add({
            severity: 'error',
            message: `${segment.label} segment is empty: every JWE content encryption algorithm (RFC 7518 §5) needs ${segment.role === 'iv' ? 'an initialization vector' : 'an authentication tag'}`,
            segment: segment.role,
            ...d.markEmpty(part),
            segmentOffset: 0,
          });
          segment.byteLength = 0;
        } else segment.byteLength = d.binary(segment.role, part);
        break;
      case 'encryptedKey':
        segment.byteLength = d.binary('encryptedKey', part);
        if (count === 5) checkEncryptedKey(d, alg, part);
        break;
      default:
        // Segments beyond any a token can have are each an error already; decoding thousands of them says nothing more.
        segment.byteLength = i < MAX_CHECKED_SEGMENTS ? d.binary(segment.role, part) : null;
    }
  }

  if (sdJwt) addSdJwtSegments(result, sdJwt, start);
  result.error = d.issues.find((issue) => issue.severity === 'error') ?? null;
  return result;
}

/**
 * The disclosures and key binding JWT of an SD-JWT, as segments; their contents are checked by
 * lib/sdjwt, loaded with the SD-JWT view. (Split here without it, to keep the first load small.)
 */
function addSdJwtSegments(result: DecodedToken, sdJwt: string, start: number): void {
  result.sdJwt = sdJwt;
  const parts = sdJwt.split('~');
  let at = start + parts[0]!.length + 1;
  for (let i = 1; i < parts.length; i++) {
    const text = parts[i]!;
    const isKeyBinding = i === parts.length - 1;
    if (!isKeyBinding) {
      const bytes = text ? decodeBase64url(text) : null;
      result.segments.push({ role: 'disclosure', label: `Disclosure ${i}`, start: at, end: at + text.length, byteLength: bytes?.ok ? bytes.bytes.length : null });
    } else if (text) {
      result.segments.push({ role: 'keyBinding', label: LABELS.keyBinding, start: at, end: at + text.length, byteLength: text.length });
    }
    at += text.length + 1;
  }
}

function checkHeader(d: Decoder, header: Record<string, unknown>, kind: DecodedToken['kind'], part: Part): void {
  const whole = { segment: 'header' as const, offset: part.start, length: part.text.length };
  if (!('alg' in header)) {
    d.add({ severity: 'warning', message: 'The header has no "alg" member, which every JWS and JWE must have (RFC 7515 §4.1.1, RFC 7516 §4.1.1)', ...whole });
  } else if (typeof header.alg !== 'string') {
    d.add({ severity: 'warning', message: `The header's "alg" must be a string, but it is ${kindOfJson(header.alg)}`, ...whole });
  }
  if (kind === 'jws' && 'enc' in header) {
    d.add({ severity: 'warning', message: 'The header has "enc", which belongs to a JWE, but the token has 3 segments like a JWS', ...whole });
  }
  if (kind === 'jwe' && !('enc' in header)) {
    d.add({ severity: 'warning', message: 'The protected header has no "enc" member, which every JWE must have (RFC 7516 §4.1.2)', ...whole });
  }
  if (kind === 'jws' && 'b64' in header) {
    if (typeof header.b64 !== 'boolean') {
      d.add({ severity: 'warning', message: `"b64" must be true or false (RFC 7797 §3), but it is ${kindOfJson(header.b64)}; the payload is read as base64url`, ...whole });
    } else if (header.b64 === false && !(Array.isArray(header.crit) && header.crit.includes('b64'))) {
      d.add({
        severity: 'warning',
        message: '"b64": false must be listed in "crit" (RFC 7797 §6); without it, libraries that do not know b64 read the payload as base64url',
        ...whole,
      });
    }
  }
}

function checkSignaturePresence(d: Decoder, alg: string | undefined, part: Part, byteLength: number | null): void {
  if (alg === undefined) return;
  if (part.text.length === 0 && alg !== 'none') {
    d.add({
      severity: 'warning',
      message: `The signature segment is empty although "alg" is "${alg}": the token cannot be verified (was the signature cut off?)`,
      segment: 'signature',
      ...d.markEmpty(part),
    });
  } else if (alg === 'none' && part.text.length > 0 && byteLength !== null) {
    d.add({
      severity: 'warning',
      message: '"alg" is "none" but the signature segment is not empty; an unsecured JWS must have an empty signature (RFC 7518 §3.6)',
      segment: 'signature',
      offset: part.start,
      length: part.text.length,
    });
  }
}

function checkEncryptedKey(d: Decoder, alg: string | undefined, part: Part): void {
  if (alg === undefined) return;
  if (JWE_ALGS_WITHOUT_KEY.has(alg) && part.text.length > 0) {
    d.add({
      severity: 'warning',
      message: `The encrypted key segment should be empty when "alg" is "${alg}" (RFC 7518 §4.5, §4.6)`,
      segment: 'encryptedKey',
      offset: part.start,
      length: part.text.length,
    });
  } else if (!JWE_ALGS_WITHOUT_KEY.has(alg) && part.text.length === 0) {
    d.add({
      severity: 'warning',
      message: `The encrypted key segment is empty although "alg" is "${alg}", which wraps or encrypts a key: the token cannot be decrypted`,
      segment: 'encryptedKey',
      ...d.markEmpty(part),
    });
  }
}

/**
 * Decodes a pasted compact JWS or JWE. Never throws, for any string.
 * Check `empty` first (show an empty state), then `error` (the first error, located by
 * `segment` and/or `offset`), then `header`/`payload`, which hold whatever did decode.
 */
export function decodeToken(raw: string): DecodedToken {
  const input = typeof raw === 'string' ? raw : String(raw);
  try {
    return decodeUnguarded(input);
  } catch (e) {
    // A bug must not take the page down: report it as a located error instead.
    const error: TokenIssue = {
      severity: 'error',
      message: `Internal error while decoding: ${e instanceof Error ? e.message : String(e)}`,
      offset: 0,
      length: 0,
    };
    return {
      raw: input,
      token: input,
      tokenStart: 0,
      stripped: [],
      empty: false,
      kind: 'unknown',
      segments: [],
      header: null,
      payload: null,
      error,
      issues: [error],
    };
  }
}
