import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installedMonacoVersion } from './monaco-floor.mjs';
import { MONACO_FLOOR } from './floor.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => readFileSync(path.join(ROOT, file), 'utf8');

/** The option names of an object literal that starts after `opening` and ends at the line `closing`. */
function optionNames(source, opening, closing) {
  const start = source.indexOf(opening);
  expect(start, `${opening} not found`).toBeGreaterThan(-1);
  const body = source.slice(start + opening.length, source.indexOf(closing, start));
  const indent = /\n(\s+)\w+:/.exec(body)[1];
  return [...body.matchAll(new RegExp(`\\n${indent}(\\w+)(?::|,)`, 'g'))].map((match) => match[1]).sort();
}

describe('the Monaco floor', () => {
  it('gives Monaco the options our code editor gives it', () => {
    const ours = optionNames(read('components/editor/CodeEditor.tsx'), 'IStandaloneEditorConstructionOptions>(\n    () => ({', '\n    }),');
    const floor = optionNames(read('bench/reference-monaco/main.js'), 'export const TOKEN_EDITOR_OPTIONS = {', '\n};');
    expect(ours.length).toBeGreaterThan(20);
    expect(floor).toEqual(ours);
  });

  it('imports the editor contributions our Monaco setup imports', () => {
    const imports = (source) => [...source.matchAll(/^import '(monaco-editor\/[^']+)';$/gm)].map((match) => match[1]).sort();
    const ours = imports(read('components/editor/monaco/monaco-setup.ts'));
    expect(ours.length).toBeGreaterThan(5);
    expect(imports(read('bench/reference-monaco/main.js'))).toEqual(ours);
  });

  it('is built from the monaco-editor version the app depends on', () => {
    expect(installedMonacoVersion()).toBe(JSON.parse(read('package.json')).dependencies['monaco-editor']);
  });

  it('waits for the pasted text by its length and its last 16 characters', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijklmnopqrstuvwxyz-_0123';
    expect(MONACO_FLOOR.pasted(token)).toBe(`#model[data-tail="qrstuvwxyz-_0123"][data-length="${token.length}"]`);
  });
});
