/** One line of pretty-printed JSON, split into coloured pieces. */
export interface JsonLine {
  pieces: { text: string; kind: JsonPieceKind }[];
  /** The line opens a bracket closed on a later line: the index of that line. */
  foldEnd?: number;
}

export type JsonPieceKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'space';

// The closing quote is optional so an unterminated string never backtracks (quadratic on '"\\"\\…').
const PIECE = /("(?:[^"\\]|\\.)*(?:"|\\?$))(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])|(\s+)|(.)/gy;

/**
 * Splits pretty-printed JSON (JSON.stringify(value, null, 2)) into lines of
 * coloured pieces and finds which lines fold. Linear in the text length.
 */
export function jsonLines(pretty: string): JsonLine[] {
  const lines: JsonLine[] = pretty.split('\n').map((text) => ({ pieces: splitLine(text) }));
  const open: number[] = [];
  lines.forEach((line, index) => {
    const last = line.pieces.at(-1)?.text;
    const first = line.pieces.find((piece) => piece.kind !== 'space')?.text;
    if (first === '}' || first === ']') {
      const start = open.pop();
      if (start !== undefined && index > start + 1) lines[start]!.foldEnd = index;
    }
    if (last === '{' || last === '[') open.push(index);
  });
  return lines;
}

function splitLine(text: string): JsonLine['pieces'] {
  const pieces: JsonLine['pieces'] = [];
  PIECE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PIECE.exec(text)) !== null) {
    if (match[1] !== undefined) {
      if (match[2] !== undefined) {
        pieces.push({ text: match[1], kind: 'key' }, { text: match[2], kind: 'punctuation' });
      } else pieces.push({ text: match[1], kind: 'string' });
    } else if (match[3] !== undefined) pieces.push({ text: match[3], kind: 'number' });
    else if (match[4] !== undefined) pieces.push({ text: match[4], kind: 'literal' });
    else if (match[5] !== undefined) pieces.push({ text: match[5], kind: 'punctuation' });
    else pieces.push({ text: match[0], kind: 'space' });
  }
  return pieces;
}
