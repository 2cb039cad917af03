// A JSON parser that keeps where each value was in the text, so that a token found in a
// string can be located in the paste, and that gives way every so often (a generator), so
// that a 10 MB HAR file is read in short slices. Iterative: deep nesting cannot overflow
// the stack; documents nested deeper than MAX_DEPTH are not read as JSON (the finder then
// reads them as text).

export type JsonNode =
  | { type: 'string'; value: string; start: number; end: number; /** The value is the text between the quotes, as is (no escapes). */ verbatim: boolean }
  | { type: 'object'; entries: [string, JsonNode][]; start: number; end: number }
  | { type: 'array'; items: JsonNode[]; start: number; end: number }
  /** A number, true, false or null: one shared node, as nothing is read from them. */
  | { type: 'other'; start: number; end: number };

type ObjectNode = Extract<JsonNode, { type: 'object' }>;
type ArrayNode = Extract<JsonNode, { type: 'array' }>;

export const MAX_DEPTH = 200;
const OTHER: JsonNode = Object.freeze({ type: 'other', start: -1, end: -1 });
/** Characters read between two pauses. */
const STEP = 1 << 14;

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Characters of numbers and of true, false, null. */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || code === 0x2d || code === 0x2b || code === 0x2e || code === 0x45;
}

/** Parses the whole text as one JSON value; null when it is not JSON. */
export function* parseJsonTree(text: string): Generator<void, JsonNode | null, void> {
  const n = text.length;
  let pos = 0;
  let pause = STEP;
  const stack: { node: ObjectNode | ArrayNode; key: string }[] = [];

  const skip = () => {
    while (pos < n && isWhitespace(text.charCodeAt(pos))) pos++;
  };

  // The next quote and backslash at or after `pos`, found once and reused: each search goes over the text once in all.
  let quote = -1;
  let backslash = -1;

  function* readString(): Generator<void, Extract<JsonNode, { type: 'string' }> | null, void> {
    const start = pos;
    let i = pos + 1;
    let escaped = false;
    for (;;) {
      if (quote < i) {
        quote = text.indexOf('"', i);
        if (quote < 0) return null;
      }
      if (backslash < i) {
        backslash = text.indexOf('\\', i);
        if (backslash < 0) backslash = n;
      }
      if (backslash > quote) {
        i = quote;
        break;
      }
      escaped = true;
      i = backslash + 2;
      if (i >= pause) {
        pause = i + STEP;
        yield;
      }
    }
    pos = i + 1;
    // Control characters are let through unescaped: a finder can be lenient where a parser must not.
    if (!escaped) return { type: 'string', value: text.slice(start + 1, i), start, end: pos, verbatim: true };
    try {
      return { type: 'string', value: JSON.parse(text.slice(start, pos)) as string, start, end: pos, verbatim: false };
    } catch {
      return null;
    }
  }

  function* readKey(): Generator<void, string | null, void> {
    skip();
    if (text.charCodeAt(pos) !== 0x22) return null;
    const key = yield* readString();
    if (key === null) return null;
    skip();
    if (text.charCodeAt(pos) !== 0x3a) return null;
    pos++;
    return key.value;
  }

  // A file saved with a byte order mark (some tools write HAR files so).
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  skip();
  for (;;) {
    if (pos >= pause) {
      pause = pos + STEP;
      yield;
    }
    skip();
    const start = pos;
    const code = text.charCodeAt(pos);
    let value: JsonNode;
    if (code === 0x7b || code === 0x5b) {
      if (stack.length >= MAX_DEPTH) return null;
      pos++;
      skip();
      const node: ObjectNode | ArrayNode = code === 0x7b ? { type: 'object', entries: [], start, end: -1 } : { type: 'array', items: [], start, end: -1 };
      if (text.charCodeAt(pos) === code + 2) {
        pos++;
        node.end = pos;
        value = node;
      } else {
        const key = node.type === 'object' ? yield* readKey() : '';
        if (key === null) return null;
        stack.push({ node, key });
        continue;
      }
    } else if (code === 0x22) {
      const string = yield* readString();
      if (string === null) return null;
      value = string;
    } else {
      let end = pos;
      while (end < n && isWordCode(text.charCodeAt(end))) end++;
      const word = text.slice(pos, end);
      if (word !== 'true' && word !== 'false' && word !== 'null' && !NUMBER.test(word)) return null;
      pos = end;
      value = OTHER;
    }
    // Attach the value to its container, closing every container that ends here.
    for (;;) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) {
        skip();
        return pos === n ? value : null;
      }
      if (frame.node.type === 'object') frame.node.entries.push([frame.key, value]);
      else frame.node.items.push(value);
      skip();
      const next = text.charCodeAt(pos);
      if (next === 0x2c) {
        pos++;
        if (frame.node.type === 'object') {
          const key = yield* readKey();
          if (key === null) return null;
          frame.key = key;
        }
        break;
      }
      if (next !== (frame.node.type === 'object' ? 0x7d : 0x5d)) return null;
      pos++;
      frame.node.end = pos;
      value = frame.node;
      stack.pop();
    }
  }
}

/** The last member of that name (JSON.parse keeps the last of duplicates too). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]![0] === key) return node.entries[i]![1];
  return undefined;
}

export function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

/** The plain value of a node, read from the text it was parsed from; undefined when JSON.parse refuses it (a raw control character this parser let through). */
export function plainValue(node: JsonNode, text: string): unknown {
  if (node.type === 'string') return node.value;
  try {
    return JSON.parse(text.slice(node.start, node.end)) as unknown;
  } catch {
    return undefined;
  }
}
