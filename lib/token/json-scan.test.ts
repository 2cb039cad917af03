import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from './json-scan';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('scanJson', () => {
  it('accepts exactly what JSON.parse accepts, for generated JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(scanJson(text).error).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with JSON.parse on mutated JSON and on arbitrary text', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', '.', 'e', ' ', 'n', '\n', '\u0001', 'x'))
      .map(([json, at, insert]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(i + (at % 2));
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string(), fc.string({ unit: fc.constantFrom(...'{}[],:"\\0123456789-+.eE tfrueals\n') })), (text) => {
        expect(scanJson(text).error === null).toBe(parses(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('locates errors', () => {
    expect(scanJson('{"a":}').error).toMatchObject({ position: 5, length: 1 });
    expect(scanJson('{"a":1').error).toMatchObject({ position: 6, length: 0, message: expect.stringContaining('end of input') });
    expect(scanJson('').error?.message).toContain('expected a value');
    expect(scanJson('[1,]').error).toMatchObject({ position: 3, message: expect.stringContaining('trailing comma') });
    expect(scanJson('{"a" 1}').error).toMatchObject({ position: 5, message: expect.stringContaining("expected ':'") });
    expect(scanJson('"abc').error).toMatchObject({ position: 0, message: expect.stringContaining('unterminated') });
    expect(scanJson('-').error).toMatchObject({ position: 1, message: expect.stringContaining("digit after '-'") });
    expect(scanJson('1.').error).toMatchObject({ position: 2, message: expect.stringContaining('decimal point') });
    expect(scanJson('1e').error).toMatchObject({ position: 2, message: expect.stringContaining('exponent') });
    expect(scanJson('tru').error).toMatchObject({ position: 0 });
    expect(scanJson('{} {}').error).toMatchObject({ position: 3, message: expect.stringContaining('end of the JSON text') });
  });

  it('reports duplicates with their path and position, but not repeats across objects', () => {
    const text = '{"a":1,"b":{"c":1,"c":2},"a":3,"d":[{"e":1,"e":2}],"x y":{"z":1,"z":1}}';
    const { error, duplicates, duplicateCount } = scanJson(text);
    expect(error).toBeNull();
    expect(duplicateCount).toBe(4);
    expect(duplicates.map((d) => [d.name, d.path])).toEqual([
      ['c', 'b'],
      ['a', ''],
      ['e', 'd[0]'],
      ['z', '["x y"]'],
    ]);
    const first = duplicates[0]!;
    expect(text.slice(first.position, first.position + first.length)).toBe('"c"');
    expect(scanJson('[{"a":1},{"a":1}]').duplicateCount).toBe(0);
  });

  it('flags integers that JSON.parse changes, and only those', () => {
    const { unsafeIntegers } = scanJson('[9007199254740991, 9007199254740993, 1234567890123456789012, 1e400, 12345678901234567890.5, 1' + '0'.repeat(400) + ']');
    expect(unsafeIntegers.map((u) => [u.literal.slice(0, 24), u.parsedAs])).toEqual([
      ['9007199254740993', '9007199254740992'],
      ['1234567890123456789012', '1.2345678901234568e+21'],
      ['1' + '0'.repeat(23), 'null'],
    ]);
  });
});
