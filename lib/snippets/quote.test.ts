/**
 * Each quoter against the language itself where it is installed (Node, Python,
 * Java, bash), and against the lexer ports (Go, C#, and Java too, so the port
 * is checked against javac).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csharpString, goString, javaString, jsString, pythonString, shellCanCarry, shellSingleQuote } from './quote';
import { hostileString } from './testing/hostile';
import { lexCsharp, lexGo, lexJava } from './testing/literals';
import { bareEnv, hasPython, PYTHON } from './testing/runners';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quote-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const samples = (count: number, seed: number) => fc.sample(hostileString(), { numRuns: count, seed });
/** What a language that stores text as UTF-8 keeps of a JS string: lone surrogates become U+FFFD. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const asUtf8 = (text: string) => utf8.decode(new TextEncoder().encode(text));
const codeUnits = (text: string) => Array.from({ length: text.length }, (_, index) => text.charCodeAt(index).toString(16).padStart(4, '0')).join('');

describe('the literal of each language', () => {
  it('spells the characters that end a literal or a line as escapes', () => {
    expect(jsString('a"b\\c\n\u2028')).toBe('"a\\"b\\\\c\\n\\u2028"');
    expect(pythonString('a"b\\c\n\x00\u2028')).toBe('"a\\"b\\\\c\\n\\x00\\u2028"');
    expect(javaString('a"b\\u000a\n\x00\u2028')).toBe('"a\\"b\\\\u000a\\n\\000\\u2028"');
    expect(goString('a"b\\c\n\x00\u0085\ud800')).toBe('"a\\"b\\\\c\\n\\x00\\u0085\\ufffd"');
    expect(csharpString('a"b\\c\n\x00\u0085\u2028')).toBe('"a\\"b\\\\c\\n\\0\\u0085\\u2028"');
    expect(shellSingleQuote("it's $(x) `y`")).toBe("'it'\\''s $(x) `y`'");
    expect(shellCanCarry('a\0b')).toBe(false);
    expect(shellCanCarry('a\ud800')).toBe(false);
    expect(shellCanCarry('a\u{1F600}\n$(x)')).toBe(true);
  });

  it('keeps ordinary text readable', () => {
    for (const quote of [jsString, pythonString, javaString, goString, csharpString]) expect(quote('https://issuer.example/münchen 😀')).toBe('"https://issuer.example/münchen 😀"');
  });

  it('JavaScript: evaluates back to the value', () => {
    fc.assert(
      fc.property(hostileString(), (value) => {
        expect(vm.runInNewContext(jsString(value))).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('Go and C#: the lexer ports read the value back (Go keeps UTF-8, so a lone surrogate is U+FFFD)', () => {
    fc.assert(
      fc.property(hostileString(), (value) => {
        expect(lexGo(`x := ${goString(value)}`).strings).toEqual([asUtf8(value)]);
        expect(lexCsharp(`var x = ${csharpString(value)};`).strings).toEqual([value]);
        expect(lexJava(`String x = ${javaString(value)};`).strings).toEqual([value]);
      }),
      { numRuns: 300 },
    );
  });

  it('the ports refuse what the compilers refuse', () => {
    expect(() => lexJava('String x = "\\u000a";')).toThrow(/line end/);
    expect(() => lexJava('// a \\u000a b')).not.toThrow();
    expect(lexJava('// a \\u000a b').parts.map((part) => part.kind)).toEqual(['comment', 'code']);
    expect(lexJava('String x = "\\\\u000a";').strings).toEqual(['\\u000a']);
    expect(() => lexGo('x := "\\ud800"')).toThrow(/invalid code point/);
    expect(() => lexGo('x := "\\q"')).toThrow(/bad escape/);
    expect(() => lexCsharp('var x = "a\u2028b";')).toThrow(/line end/);
    expect(lexCsharp('var x = "\\x41g";').strings).toEqual(['Ag']);
  });

  it.runIf(hasPython)('Python: python3 reads the value back', async () => {
    const values = samples(300, 7);
    const file = path.join(dir, 'check.py');
    await writeFile(file, `import json\nV = [\n${values.map((value) => `    ${pythonString(value)},`).join('\n')}\n]\nprint(json.dumps(V))\n`);
    const { stdout } = await run(PYTHON, [file]);
    expect(JSON.parse(stdout)).toEqual(values);
  });

  it('Java: javac and java read the value back, and the port agrees', async () => {
    const values = samples(300, 11);
    const source = [
      'public class Check {',
      '    public static void main(String[] args) {',
      '        String[] values = {',
      ...values.map((value) => `            ${javaString(value)},`),
      '        };',
      '        for (String value : values) {',
      '            StringBuilder hex = new StringBuilder();',
      '            for (char c : value.toCharArray()) hex.append(String.format("%04x", (int) c));',
      '            System.out.println(hex);',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'Check.java'), source);
    await run('javac', ['-encoding', 'UTF-8', '-d', dir, path.join(dir, 'Check.java')], { timeout: 60_000 });
    const { stdout } = await run('java', ['-cp', dir, 'Check'], { timeout: 60_000 });
    expect(stdout.split('\n').slice(0, -1)).toEqual(values.map(codeUnits));
    expect(lexJava(source).strings.slice(0, values.length)).toEqual(values);
  }, 120_000);

  it('bash: a single-quoted word is passed on verbatim, and nothing in it runs', async () => {
    const values = samples(300, 13).filter(shellCanCarry);
    const work = await mkdtemp(path.join(dir, 'sh-'));
    const file = path.join(dir, 'check.sh');
    await writeFile(file, `printf '%s\\0' ${values.map(shellSingleQuote).join(' ')}\n`);
    const { stdout } = await run('bash', ['--noprofile', '--norc', file], { cwd: work, encoding: 'buffer', env: bareEnv({}) });
    expect(utf8.decode(stdout).split('\0').slice(0, -1)).toEqual(values);
    expect(existsSync(path.join(work, 'pwned'))).toBe(false);
  });
});
