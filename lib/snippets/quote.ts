/**
 * String literals for the languages the snippets are written in. A value from
 * the token, the key or the form only ever enters a snippet through one of
 * these, so it stays data in the target language whatever characters it holds.
 *
 * Besides what each language requires, every quoter escapes the characters a
 * reader cannot see or that editors treat as line ends (controls, U+2028,
 * U+2029, bidirectional overrides, zero-width marks, BOM) and lone surrogates
 * (which no UTF-8 file can hold), so the snippet shows what it contains.
 */

/** True for a code point that is written as an escape in every language. */
export function isInvisible(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0xad ||
    codePoint === 0x61c ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2069) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff)
  );
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * A double-quoted literal: a character with a named escape in `named` is written with it,
 * another invisible one through `invisible`, and the rest as they are.
 */
function quoted(text: string, named: Readonly<Record<string, string>>, invisible: (codePoint: number) => string): string {
  let out = '"';
  // for..of walks code points; a lone surrogate comes out as a single code unit.
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    out += Object.hasOwn(named, char) ? named[char] : isInvisible(codePoint) ? invisible(codePoint) : char;
  }
  return out + '"';
}

/** The escapes every C-like language here shares. */
const COMMON: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const JAVA_NAMED = { ...COMMON, '\b': '\\b', '\f': '\\f' };
const GO_NAMED = { ...COMMON, '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
const CSHARP_NAMED = { ...GO_NAMED, '\0': '\\0' };
const unicodeEscape = (codePoint: number) => `\\u${hex(codePoint, 4)}`;

/** JavaScript / TypeScript: a double-quoted string literal. */
export function jsString(text: string): string {
  return quoted(text, COMMON, unicodeEscape);
}

/** Python 3: a double-quoted str literal (not raw, not an f-string). */
export function pythonString(text: string): string {
  return quoted(text, COMMON, (cp) => (cp <= 0xff ? `\\x${hex(cp, 2)}` : unicodeEscape(cp)));
}

/**
 * Java: a double-quoted String literal. Java turns \uXXXX into characters before
 * it reads the source, so a backslash is always doubled (an even run of
 * backslashes cannot start a unicode escape) and controls are written as
 * three-digit octal escapes, never as \u000a that would end the literal.
 */
export function javaString(text: string): string {
  // Octal reaches \377; always three digits, so a following digit is not read into it.
  return quoted(text, JAVA_NAMED, (cp) => (cp <= 0xff ? `\\${cp.toString(8).padStart(3, '0')}` : unicodeEscape(cp)));
}

/**
 * Go: an interpreted string literal, as strconv.Quote writes it. Go source is
 * UTF-8 and a string cannot hold a surrogate: a lone one becomes U+FFFD, as Go's
 * own JSON decoder would make of it.
 */
export function goString(text: string): string {
  // \x is a byte in Go: only below 0x80 is it the same as the character.
  return quoted(text, GO_NAMED, (cp) => (cp >= 0xd800 && cp <= 0xdfff ? '\\ufffd' : cp < 0x80 ? `\\x${hex(cp, 2)}` : unicodeEscape(cp)));
}

/** C#: a regular (not verbatim, not interpolated) string literal; \x is avoided, its length varies. */
export function csharpString(text: string): string {
  return quoted(text, CSHARP_NAMED, unicodeEscape);
}

/**
 * POSIX shell: one single-quoted word. Nothing is special inside single quotes;
 * a quote itself is closed, escaped and reopened ('\''). A shell argument cannot
 * hold a NUL, nor a file a lone surrogate: see `shellCanCarry`.
 */
export function shellSingleQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** Whether a value survives a trip through a shell script file unchanged. */
export function shellCanCarry(text: string): boolean {
  return !text.includes('\0') && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
