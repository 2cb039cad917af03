// Splits a shell command line (a pasted curl command) into words the way a POSIX shell
// would: quotes, backslash escapes, line continuations and bash's $'…' strings. Each word
// keeps where it was, so a token found in it can be located in the paste.

export interface ShellWord {
  value: string;
  /** Offset of the word's first character (a quote included) in the text. */
  start: number;
  end: number;
  /** Where the value starts in the text when it is written there as is (one quoted or bare piece, no escapes); -1 otherwise. */
  verbatimAt: number;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '?': '?', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

/** Reads bash's $'…' from just after the opening quote; returns the value and the index after the closing quote. */
function readAnsiC(text: string, from: number): { value: string; next: number } {
  let value = '';
  let i = from;
  while (i < text.length && text[i] !== "'") {
    if (text[i] !== '\\' || i + 1 >= text.length) {
      let end = i + 1;
      while (end < text.length && text[end] !== "'" && text[end] !== '\\') end++;
      value += text.slice(i, end);
      i = end;
      continue;
    }
    const c = text[i + 1]!;
    const hex = c === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2, i + 4)) : c === 'u' ? /^[0-9a-fA-F]{1,4}/.exec(text.slice(i + 2, i + 6)) : null;
    if (hex !== null) {
      value += String.fromCharCode(parseInt(hex[0], 16));
      i += 2 + hex[0].length;
    } else {
      value += C_ESCAPES[c] ?? '\\' + c;
      i += 2;
    }
  }
  return { value, next: i + 1 };
}

export function shellWords(text: string): ShellWord[] {
  const words: ShellWord[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isBlank(code)) {
      i++;
      continue;
    }
    if (code === 0x5c && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    const start = i;
    let value = '';
    let pieces = 0;
    let plain = true;
    let verbatimAt = -1;
    while (i < n && !isBlank(text.charCodeAt(i))) {
      const c = text[i]!;
      pieces++;
      if (c === "'") {
        const close = text.indexOf("'", i + 1);
        const end = close < 0 ? n : close;
        verbatimAt = i + 1;
        value += text.slice(i + 1, end);
        i = end + 1;
      } else if (c === '$' && text[i + 1] === "'") {
        const read = readAnsiC(text, i + 2);
        plain = false;
        value += read.value;
        i = read.next;
      } else if (c === '"') {
        let j = i + 1;
        verbatimAt = j;
        while (j < n && text[j] !== '"') {
          if (text[j] === '\\' && j + 1 < n && '"\\$`\n'.includes(text[j + 1]!)) {
            plain = false;
            if (text[j + 1] !== '\n') value += text[j + 1];
            j += 2;
          } else {
            let end = j + 1;
            while (end < n && text[end] !== '"' && text[end] !== '\\') end++;
            value += text.slice(j, end);
            j = end;
          }
        }
        i = j + 1;
      } else if (c === '\\') {
        plain = false;
        if (text[i + 1] !== '\n') value += text[i + 1] ?? '';
        i += 2;
      } else {
        let j = i;
        while (j < n && !isBlank(text.charCodeAt(j)) && !`'"\\`.includes(text[j]!) && !(text[j] === '$' && text[j + 1] === "'")) j++;
        if (j === i) j++;
        verbatimAt = i;
        value += text.slice(i, j);
        i = j;
      }
    }
    words.push({ value, start, end: Math.min(i, n), verbatimAt: plain && pieces === 1 ? verbatimAt : -1 });
  }
  return words;
}
