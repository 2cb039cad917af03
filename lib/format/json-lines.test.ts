import { describe, expect, it } from 'vitest';
import { jsonLines } from './json-lines';

const text = (lines: ReturnType<typeof jsonLines>) => lines.map((line) => line.pieces.map((piece) => piece.text).join('')).join('\n');

describe('jsonLines', () => {
  it('keeps the text exactly, so the view copies as the JSON it shows', () => {
    const pretty = JSON.stringify({ a: 'x "quoted" \\ y', b: [1, -2.5e3, true, null], c: { d: {} } }, null, 2);
    expect(text(jsonLines(pretty))).toBe(pretty);
  });

  it('tells keys from string values, numbers and literals', () => {
    const [, line] = jsonLines(JSON.stringify({ name: 'Ada', n: 7, ok: false }, null, 2));
    expect(line!.pieces.filter((piece) => piece.kind !== 'space')).toEqual([
      { text: '"name"', kind: 'key' },
      { text: ':', kind: 'punctuation' },
      { text: '"Ada"', kind: 'string' },
      { text: ',', kind: 'punctuation' },
    ]);
    const kinds = jsonLines(JSON.stringify({ n: 7, ok: false }, null, 2)).flatMap((l) => l.pieces.map((p) => p.kind));
    expect(kinds).toContain('number');
    expect(kinds).toContain('literal');
  });

  it('folds objects and arrays that span lines, from the opening line to the closing one', () => {
    const lines = jsonLines(JSON.stringify({ roles: ['a', 'b'], empty: [], nested: { x: 1 } }, null, 2));
    expect(lines[0]!.foldEnd).toBe(lines.length - 1);
    const rolesLine = lines.findIndex((line) => line.pieces.some((piece) => piece.text === '"roles"'));
    expect(lines[rolesLine]!.foldEnd).toBe(rolesLine + 3);
    const emptyLine = lines.findIndex((line) => line.pieces.some((piece) => piece.text === '"empty"'));
    expect(lines[emptyLine]!.foldEnd).toBeUndefined();
  });

  it('treats a key-like string inside a value as a value', () => {
    const [, line] = jsonLines(JSON.stringify({ a: 'b: c' }, null, 2));
    expect(line!.pieces.find((piece) => piece.text === '"b: c"')?.kind).toBe('string');
  });
});
