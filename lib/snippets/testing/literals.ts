/**
 * For tests: how Java, Go and C# read the string literals and comments of a
 * source file, ported from their specifications (JLS §3.3, §3.7, §3.10.5-7;
 * the Go spec's "String literals"; C# §6.4.5.6). There is no compiler for
 * these languages on every machine that runs the tests, and what matters here
 * is the lexing: where a literal starts and ends, what value it holds, and
 * what is a comment. A source is read into code, string and comment parts;
 * anything a compiler would refuse (an unknown escape, a line end inside a
 * literal, an unterminated literal or comment) throws.
 */

export type Part = { kind: 'code'; text: string } | { kind: 'string'; value: string } | { kind: 'comment'; text: string };

export interface Lexed {
  parts: Part[];
  /** The source with each string literal replaced by <STRING>: what the values cannot change. */
  skeleton: string;
  strings: string[];
}

class LexError extends Error {}

function finish(parts: Part[]): Lexed {
  const skeleton = parts.map((part) => (part.kind === 'string' ? '<STRING>' : part.text)).join('');
  return { parts, skeleton, strings: parts.flatMap((part) => (part.kind === 'string' ? [part.value] : [])) };
}

const HEX = /^[0-9a-fA-F]+$/;

function hexAt(source: string, at: number, count: number): number {
  const digits = source.slice(at, at + count);
  if (digits.length !== count || !HEX.test(digits)) throw new LexError(`bad hex escape at ${at}`);
  return parseInt(digits, 16);
}

/** JLS §3.3: \uXXXX escapes are translated first; a backslash is eligible only after an even run of backslashes. */
export function translateJavaUnicodeEscapes(source: string): string {
  let out = '';
  let run = 0; // raw backslashes just before this position
  for (let i = 0; i < source.length; ) {
    const char = source[i]!;
    if (char === '\\' && run % 2 === 0 && source[i + 1] === 'u') {
      let j = i + 1;
      while (source[j] === 'u') j += 1;
      out += String.fromCharCode(hexAt(source, j, 4));
      i = j + 4;
      run = 0; // a backslash made by an escape does not count
      continue;
    }
    run = char === '\\' ? run + 1 : 0;
    out += char;
    i += 1;
  }
  return out;
}

interface Rules {
  lineEnds: string[];
  /** Reads an escape after the backslash at `at`; returns the text (or bytes, for Go) and where it ends. */
  escape: (source: string, at: number) => { value: string | number[]; end: number };
  /** Bytes are UTF-8 (Go's \x and octal escapes are bytes); otherwise code units. */
  bytes?: boolean;
  raw?: string;
  verbatim?: boolean;
  refuse?: RegExp;
}

function lex(source: string, rules: Rules): Lexed {
  const parts: Part[] = [];
  let code = '';
  const flush = () => {
    if (code) parts.push({ kind: 'code', text: code });
    code = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i, i + 2);
    if (rules.refuse && rules.refuse.test(source.slice(i, i + 3))) throw new LexError(`a literal form the check does not read at ${i}`);
    if (rest === '//') {
      let end = i;
      while (end < source.length && !rules.lineEnds.includes(source[end]!)) end += 1;
      flush();
      parts.push({ kind: 'comment', text: source.slice(i, end) });
      i = end;
    } else if (rest === '/*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new LexError(`unterminated comment at ${i}`);
      flush();
      parts.push({ kind: 'comment', text: source.slice(i, end + 2) });
      i = end + 2;
    } else if (rules.verbatim && rest === '@"') {
      let value = '';
      let j = i + 2;
      for (;;) {
        if (j >= source.length) throw new LexError(`unterminated verbatim string at ${i}`);
        if (source[j] === '"' && source[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (source[j] === '"') break;
        else value += source[j++];
      }
      flush();
      parts.push({ kind: 'string', value });
      i = j + 1;
    } else if (rules.raw && source[i] === rules.raw) {
      const end = source.indexOf(rules.raw, i + 1);
      if (end < 0) throw new LexError(`unterminated raw string at ${i}`);
      flush();
      parts.push({ kind: 'string', value: source.slice(i + 1, end).replaceAll('\r', '') });
      i = end + 1;
    } else if (source[i] === '"' || source[i] === "'") {
      const quote = source[i]!;
      const units: number[] = [];
      let text = '';
      let j = i + 1;
      for (;;) {
        const char = source[j];
        if (char === undefined || rules.lineEnds.includes(char)) throw new LexError(`line end inside a literal at ${j}`);
        if (char === quote) break;
        if (char === '\\') {
          const { value, end } = rules.escape(source, j);
          if (typeof value === 'string') {
            if (rules.bytes) units.push(...new TextEncoder().encode(value));
            else text += value;
          } else units.push(...value);
          j = end;
        } else {
          if (rules.bytes) {
            const codePoint = source.codePointAt(j)!;
            const whole = String.fromCodePoint(codePoint);
            units.push(...new TextEncoder().encode(whole));
            j += whole.length;
          } else {
            text += char;
            j += 1;
          }
        }
      }
      const value = rules.bytes ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(units)) : text;
      flush();
      parts.push(quote === '"' ? { kind: 'string', value } : { kind: 'code', text: `'${value}'` });
      i = j + 1;
    } else {
      code += source[i];
      i += 1;
    }
  }
  flush();
  return finish(parts);
}

function namedEscape(map: Record<string, string>, source: string, at: number): { value: string; end: number } | undefined {
  const letter = source[at + 1]!;
  return letter in map ? { value: map[letter]!, end: at + 2 } : undefined;
}

/** Java (17): unicode escapes first, then literals, // and block comments; text blocks are refused. */
export function lexJava(source: string): Lexed {
  return lex(translateJavaUnicodeEscapes(source), {
    lineEnds: ['\n', '\r'],
    refuse: /^"""/,
    escape: (text, at) => {
      const named = namedEscape({ b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', s: ' ', '"': '"', "'": "'", '\\': '\\' }, text, at);
      if (named) return named;
      const octal = /^([0-3][0-7]{0,2}|[4-7][0-7]?)/.exec(text.slice(at + 1, at + 4));
      if (!octal) throw new LexError(`bad escape at ${at}`);
      return { value: String.fromCharCode(parseInt(octal[1]!, 8)), end: at + 1 + octal[1]!.length };
    },
  });
}

/** Go: interpreted "…" literals (escapes are bytes or code points), raw `…` literals, rune literals. */
export function lexGo(source: string): Lexed {
  return lex(source, {
    lineEnds: ['\n'],
    raw: '`',
    bytes: true,
    escape: (text, at) => {
      const named = namedEscape({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" }, text, at);
      if (named) return named;
      const letter = text[at + 1];
      if (letter === 'x') return { value: [hexAt(text, at + 2, 2)], end: at + 4 };
      if (letter === 'u' || letter === 'U') {
        const count = letter === 'u' ? 4 : 8;
        const codePoint = hexAt(text, at + 2, count);
        if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) throw new LexError(`escape is an invalid code point at ${at}`);
        return { value: String.fromCodePoint(codePoint), end: at + 2 + count };
      }
      const octal = /^[0-7]{3}/.exec(text.slice(at + 1, at + 4));
      if (!octal || parseInt(octal[0], 8) > 0xff) throw new LexError(`bad escape at ${at}`);
      return { value: [parseInt(octal[0], 8)], end: at + 4 };
    },
  });
}

/** C#: regular "…" and verbatim @"…" literals; interpolated and raw literals are refused. */
export function lexCsharp(source: string): Lexed {
  return lex(source, {
    lineEnds: ['\n', '\r', '\u0085', '\u2028', '\u2029'],
    verbatim: true,
    refuse: /^(\$"|\$@|@\$|""")/,
    escape: (text, at) => {
      const named = namedEscape({ "'": "'", '"': '"', '\\': '\\', '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }, text, at);
      if (named) return named;
      const letter = text[at + 1];
      if (letter === 'u') return { value: String.fromCharCode(hexAt(text, at + 2, 4)), end: at + 6 };
      if (letter === 'U') return { value: String.fromCodePoint(hexAt(text, at + 2, 8)), end: at + 10 };
      if (letter === 'x') {
        const digits = /^[0-9a-fA-F]{1,4}/.exec(text.slice(at + 2, at + 6));
        if (!digits) throw new LexError(`bad escape at ${at}`);
        return { value: String.fromCharCode(parseInt(digits[0], 16)), end: at + 2 + digits[0].length };
      }
      throw new LexError(`bad escape at ${at}`);
    },
  });
}

/** JavaScript, as far as the snippets go: "…" and '…' literals and comments; template literals are refused. */
export function lexJs(source: string): Lexed {
  const parts = lex(source, {
    lineEnds: ['\n', '\r', '\u2028', '\u2029'],
    refuse: /^`/,
    escape: (text, at) => {
      const named = namedEscape({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', "'": "'", '\\': '\\' }, text, at);
      if (named) return named;
      const letter = text[at + 1];
      if (letter === '0' && !/[0-9]/.test(text[at + 2] ?? '')) return { value: '\0', end: at + 2 };
      if (letter === 'x') return { value: String.fromCharCode(hexAt(text, at + 2, 2)), end: at + 4 };
      if (letter === 'u') return { value: String.fromCharCode(hexAt(text, at + 2, 4)), end: at + 6 };
      throw new LexError(`an escape the check does not read at ${at}`);
    },
  });
  return parts;
}
