// A single linear pass over JSON text that finds what JSON.parse cannot tell us:
// where a syntax error is (engines word and locate these differently) and which
// member names repeat inside one object (JSON.parse silently keeps the last one).

import { codePointAt, describeCodePoint } from './describe-char';
import { t } from './messages';

export interface JsonSyntaxError {
  /** 0-based index in the scanned text. */
  position: number;
  /** UTF-16 units of the offending spot (at least 1, except at the end of input). */
  length: number;
  /** What is wrong, without the position. */
  message: string;
}

export interface DuplicateMember {
  name: string;
  /** Where the object holding it sits, e.g. "address" or "items[2]"; empty for the top level. */
  path: string;
  /** 0-based index of the repeated name's opening quote. */
  position: number;
  /** UTF-16 units of the quoted name. */
  length: number;
}

/** An integer literal that JavaScript numbers cannot hold exactly, so JSON.parse changes it. */
export interface UnsafeInteger {
  literal: string;
  /** What JSON.parse turns it into. */
  parsedAs: string;
  position: number;
}

export interface JsonScanResult {
  error: JsonSyntaxError | null;
  /** The first `maxDuplicates` integers that lose precision in JSON.parse. */
  unsafeIntegers: UnsafeInteger[];
  /** The first `maxDuplicates` repeated member names, in text order. */
  duplicates: DuplicateMember[];
  /** How many repeats there were in all (may exceed duplicates.length). */
  duplicateCount: number;
  /** The first `maxDuplicates` other numbers JSON.parse changes: overflows such as 1e400 (Infinity, shown as null) and -0 (shown as 0). */
  specialNumbers: UnsafeInteger[];
  /** How deeply arrays and objects nest (0 for a bare value). */
  maxDepth: number;
}

interface Frame {
  isObject: boolean;
  keys: Set<string> | null;
  /** Current member name (objects) or element index (arrays), for paths. */
  key: string;
  index: number;
}

/**
 * Deeper JSON than this is shown as text, not read into objects: JSON.stringify
 * and every recursive walk over a value would overflow the stack on it
 * (a browser's limit is a few thousand levels), and no claims set nests like that.
 */
export const MAX_JSON_DEPTH = 500;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function hasExponent(text: string, start: number, end: number): boolean {
  for (let j = start; j < end; j++) if ((text.charCodeAt(j) | 0x20) === 0x65) return true;
  return false;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

class ScanError {
  constructor(
    readonly position: number,
    readonly length: number,
    readonly message: string,
  ) {}
}

function unexpected(text: string, i: number, expected: string): ScanError {
  if (i >= text.length) return new ScanError(text.length, 0, t('token.jsonUnexpectedEnd', { expected }));
  const { codePoint, units } = codePointAt(text, i);
  return new ScanError(i, units, t('token.jsonUnexpected', { char: describeCodePoint(codePoint), expected }));
}

// Plain string content, skipped natively: on a cold page a regex beats a JavaScript loop by far.
const PLAIN_CHARS = /[^"\\\u0000-\u001f]*/y;

/** Index just past the closing quote of the string starting at `start` (which holds '"'). */
function scanString(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    PLAIN_CHARS.lastIndex = i;
    PLAIN_CHARS.test(text);
    i = PLAIN_CHARS.lastIndex;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) {
      const e = text.charCodeAt(i + 1);
      if (e === 0x75 /* u */) {
        for (let k = 2; k < 6; k++) {
          if (!isHex(text.charCodeAt(i + k))) {
            throw new ScanError(i, Math.min(k + 1, n - i), t('token.jsonBadUnicodeEscape'));
          }
        }
        i += 6;
        continue;
      }
      if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
        continue;
      }
      if (i + 1 >= n) break;
      throw new ScanError(i, 2, t('token.jsonBadEscape', { escape: `'\\${String.fromCharCode(e)}'` }));
    }
    if (c < 0x20) {
      throw new ScanError(i, 1, t('token.jsonUnescapedControl', { char: describeCodePoint(c) }));
    }
    i++;
  }
  throw new ScanError(start, 1, t('token.jsonUnterminatedString'));
}

function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i++;
  const c = text.charCodeAt(i);
  if (c === 0x30) {
    i++;
    if (isDigit(text.charCodeAt(i))) throw new ScanError(i, 1, t('token.jsonLeadingZero'));
  } else if (isDigit(c)) {
    while (isDigit(text.charCodeAt(i))) i++;
  } else {
    throw unexpected(text, i, t('token.jsonExpectedDigitAfterMinus'));
  }
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(text.charCodeAt(i))) throw unexpected(text, i, t('token.jsonExpectedDigitAfterPoint'));
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) throw unexpected(text, i, t('token.jsonExpectedExponentDigit'));
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

function memberName(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  // Escapes are rare in names; decode them only when present so "a" and "\u0061" compare equal.
  return inner.indexOf('\\') < 0 ? inner : (JSON.parse(text.slice(start, end)) as string);
}

function pathOf(stack: Frame[]): string {
  let path = '';
  // The innermost frame is the object holding the duplicate; its ancestors name the way there.
  for (let d = 0; d < stack.length - 1; d++) {
    const frame = stack[d]!;
    if (frame.isObject) path += /^[A-Za-z_$][\w$]*$/.test(frame.key) ? (path ? '.' : '') + frame.key : `[${JSON.stringify(frame.key)}]`;
    else path += `[${frame.index}]`;
  }
  return path;
}

/**
 * Scans JSON text (RFC 8259, exactly what JSON.parse accepts) in one pass.
 * `onNumber` hears of every number literal (its start and end offsets). Never throws. Deep nesting is fine: the scanner keeps its own stack.
 */
export function scanJson(text: string, maxDuplicates = 20, onNumber?: (start: number, end: number) => void): JsonScanResult {
  const duplicates: DuplicateMember[] = [];
  const unsafeIntegers: UnsafeInteger[] = [];
  const specialNumbers: UnsafeInteger[] = [];
  let maxDepth = 0;
  let duplicateCount = 0;
  const n = text.length;
  const stack: Frame[] = [];
  let i = 0;
  try {
    // expectValue: read one value at i; then, in the loop below, what may follow it.
    let expectValue = true;
    while (true) {
      while (i < n && isWs(text.charCodeAt(i))) i++;
      if (expectValue) {
        if (i >= n) throw unexpected(text, i, t('token.jsonExpectedValue'));
        const c = text.charCodeAt(i);
        if (c === 0x7b /* { */) {
          i++;
          while (i < n && isWs(text.charCodeAt(i))) i++;
          if (stack.length + 1 > maxDepth) maxDepth = stack.length + 1;
          if (text.charCodeAt(i) === 0x7d) {
            i++;
            expectValue = false;
            continue;
          }
          stack.push({ isObject: true, keys: new Set(), key: '', index: 0 });
          i = readMemberName(i);
          continue;
        }
        if (c === 0x5b /* [ */) {
          i++;
          while (i < n && isWs(text.charCodeAt(i))) i++;
          if (stack.length + 1 > maxDepth) maxDepth = stack.length + 1;
          if (text.charCodeAt(i) === 0x5d) {
            i++;
            expectValue = false;
            continue;
          }
          stack.push({ isObject: false, keys: null, key: '', index: 0 });
          continue;
        }
        if (c === QUOTE) i = scanString(text, i);
        else if (c === 0x2d || isDigit(c)) {
          const start = i;
          i = scanNumber(text, i);
          onNumber?.(start, i);
          // Only long integer literals can exceed 2^53; checking just those keeps the scan cheap.
          if (i - start > 15 && unsafeIntegers.length < maxDuplicates) checkInteger(text.slice(start, i), start);
          if (specialNumbers.length < maxDuplicates && (c === 0x2d || hasExponent(text, start, i))) checkSpecial(text.slice(start, i), start);
        }
        else if (c === 0x74 && text.startsWith('true', i)) i += 4;
        else if (c === 0x66 && text.startsWith('false', i)) i += 5;
        else if (c === 0x6e && text.startsWith('null', i)) i += 4;
        else if (c === 0x27) throw new ScanError(i, 1, t('token.jsonSingleQuote'));
        else throw unexpected(text, i, t('token.jsonExpectedValue'));
        expectValue = false;
        continue;
      }
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < n) throw unexpected(text, i, t('token.jsonExpectedEnd'));
        break;
      }
      const c = text.charCodeAt(i);
      if (c === 0x2c /* , */) {
        i++;
        if (top.isObject) {
          while (i < n && isWs(text.charCodeAt(i))) i++;
          if (text.charCodeAt(i) === 0x7d) throw new ScanError(i, 1, t('token.jsonTrailingComma', { bracket: "'}'" }));
          i = readMemberName(i);
          expectValue = true;
        } else {
          while (i < n && isWs(text.charCodeAt(i))) i++;
          if (text.charCodeAt(i) === 0x5d) throw new ScanError(i, 1, t('token.jsonTrailingComma', { bracket: "']'" }));
          top.index++;
          expectValue = true;
        }
        continue;
      }
      if ((top.isObject && c === 0x7d) || (!top.isObject && c === 0x5d)) {
        stack.pop();
        i++;
        continue;
      }
      throw unexpected(text, i, top.isObject ? t('token.jsonExpectedAfterMember', { bracket: "'}'" }) : t('token.jsonExpectedAfterElement', { bracket: "']'" }));
    }
  } catch (e) {
    if (e instanceof ScanError) {
      return { error: { position: e.position, length: e.length, message: e.message }, unsafeIntegers, duplicates, duplicateCount, specialNumbers, maxDepth };
    }
    throw e;
  }
  return { error: null, unsafeIntegers, duplicates, duplicateCount, specialNumbers, maxDepth };

  function checkSpecial(literal: string, position: number): void {
    const parsed = Number(literal);
    if (!Number.isFinite(parsed) && !/^-?\d+$/.test(literal)) specialNumbers.push({ literal, parsedAs: 'null', position });
    else if (Object.is(parsed, -0)) specialNumbers.push({ literal, parsedAs: '0', position });
  }

  function checkInteger(literal: string, position: number): void {
    if (!/^-?\d+$/.test(literal)) return;
    const parsed = Number(literal);
    // JSON.stringify shows what JSON.parse made of it: String(n), or null for an overflow to Infinity.
    if (!Number.isFinite(parsed)) unsafeIntegers.push({ literal, parsedAs: 'null', position });
    else if (BigInt(literal) !== BigInt(parsed)) unsafeIntegers.push({ literal, parsedAs: String(parsed), position });
  }

  // Reads `"name" :` at i (after whitespace), records repeats, and leaves i at the value.
  function readMemberName(at: number): number {
    let j = at;
    if (text.charCodeAt(j) !== QUOTE) throw unexpected(text, j, t('token.jsonExpectedMemberName'));
    const end = scanString(text, j);
    const frame = stack[stack.length - 1]!;
    const name = memberName(text, j, end);
    if (frame.keys!.has(name)) {
      duplicateCount++;
      if (duplicates.length < maxDuplicates) {
        duplicates.push({ name, path: pathOf(stack), position: j, length: end - j });
      }
    } else {
      frame.keys!.add(name);
    }
    frame.key = name;
    j = end;
    while (j < n && isWs(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 0x3a /* : */) throw unexpected(text, j, t('token.jsonExpectedColon'));
    return j + 1;
  }
}
