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

/** Escapes each character `escape` returns a spelling for; the others stay as they are. */
function escapeEach(text: string, escape: (char: string, codePoint: number) => string | undefined): string {
  let out = '';
  // for..of walks code points; a lone surrogate comes out as a single code unit.
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    out += escape(char, codePoint) ?? char;
  }
  return out;
}

/** JavaScript / TypeScript: a double-quoted string literal. */
export function jsString(text: string): string {
  return `"${escapeEach(text, (char, cp) => {
    if (char === '\\') return '\\\\';
    if (char === '"') return '\\"';
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return isInvisible(cp) ? `\\u${hex(cp, 4)}` : undefined;
  })}"`;
}

/** Python 3: a double-quoted str literal (not raw, not an f-string). */
export function pythonString(text: string): string {
  return `"${escapeEach(text, (char, cp) => {
    if (char === '\\') return '\\\\';
    if (char === '"') return '\\"';
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    if (!isInvisible(cp)) return undefined;
    return cp <= 0xff ? `\\x${hex(cp, 2)}` : `\\u${hex(cp, 4)}`;
  })}"`;
}

/**
 * Java: a double-quoted String literal. Java turns \uXXXX into characters before
 * it reads the source, so a backslash is always doubled (an even run of
 * backslashes cannot start a unicode escape) and controls are written as
 * three-digit octal escapes, never as \u000a that would end the literal.
 */
export function javaString(text: string): string {
  return `"${escapeEach(text, (char, cp) => {
    if (char === '\\') return '\\\\';
    if (char === '"') return '\\"';
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    if (char === '\b') return '\\b';
    if (char === '\f') return '\\f';
    if (!isInvisible(cp)) return undefined;
    // Octal reaches \377; always three digits, so a following digit is not read into it.
    return cp <= 0xff ? `\\${cp.toString(8).padStart(3, '0')}` : `\\u${hex(cp, 4)}`;
  })}"`;
}

/**
 * Go: an interpreted string literal, as strconv.Quote writes it. Go source is
 * UTF-8 and a string cannot hold a surrogate: a lone one becomes U+FFFD, as Go's
 * own JSON decoder would make of it.
 */
export function goString(text: string): string {
  return `"${escapeEach(text, (char, cp) => {
    if (char === '\\') return '\\\\';
    if (char === '"') return '\\"';
    const named: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
    if (named[char]) return named[char];
    if (!isInvisible(cp)) return undefined;
    if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
    // \x is a byte in Go: only below 0x80 is it the same as the character.
    return cp < 0x80 ? `\\x${hex(cp, 2)}` : `\\u${hex(cp, 4)}`;
  })}"`;
}

/** C#: a regular (not verbatim, not interpolated) string literal; \x is avoided, its length varies. */
export function csharpString(text: string): string {
  return `"${escapeEach(text, (char, cp) => {
    if (char === '\\') return '\\\\';
    if (char === '"') return '\\"';
    const named: Record<string, string> = { '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
    if (named[char]) return named[char];
    return isInvisible(cp) ? `\\u${hex(cp, 4)}` : undefined;
  })}"`;
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
