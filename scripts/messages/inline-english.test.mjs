import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { inlineEnglish, rekeyCatalog } = require('./inline-english.cjs');
const { readMessageKeys, shortKey } = require('./message-keys.cjs');
import { messagesOfRuns, shortKey as runtimeShortKey } from '../../lib/i18n/registration';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Keys for a few made-up messages, as message-keys.cjs would make them. */
function keysFor(english) {
  const ids = Object.keys(english).sort();
  return { keyOf: new Map(ids.map((id, index) => [id, shortKey(index)])), indexOf: new Map(ids.map((id, index) => [id, index])), english: new Map(Object.entries(english)) };
}

const KEYS = keysFor({
  'demo.title': ['Title'],
  'demo.greeting': ['Hello ', ['name']],
  'ui-demo.close': ['Close'],
});

/** Runs transformed TypeScript with a stand-in registry and `t`, returning what `run()` gives and what was registered. */
function execute(code, fileName = 'x.ts') {
  const registered = {};
  const js = ts.transpileModule(code, { fileName, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.React } }).outputText;
  const fakeRequire = (name) => {
    if (name === '@/lib/i18n/translate') return { registerEnglishMessages: (runs) => Object.assign(registered, messagesOfRuns(runs)) };
    if (name === './messages') return { t: (id, values) => [].concat(registered[id] ?? `<missing ${id}>`).map((part) => (typeof part === 'string' ? part : values[part[0]])).join('') };
    throw new Error(`unexpected import ${name}`);
  };
  const loaded = { exports: {} };
  new Function('require', 'module', 'exports', js)(fakeRequire, loaded, loaded.exports);
  return { result: loaded.exports.run?.(), registered };
}

describe('inlineEnglish', () => {
  it('turns each message ID into its short key and registers the English of exactly those messages', () => {
    const source = [
      "'use client';",
      "import { t } from './messages';",
      "const LABELS = { close: 'ui-demo.close' } as const;",
      "export function run() { return [t('demo.title'), t(\"demo.greeting\", { name: 'Ada' }), t(LABELS.close)].join('|'); }",
    ].join('\n');
    const { code, ids } = inlineEnglish(source, 'demo.ts', KEYS);
    expect(ids).toEqual(['demo.greeting', 'demo.title', 'ui-demo.close']);
    expect(code).not.toMatch(/demo\.(title|greeting)|ui-demo\.close/);
    // The directive stays first, so 'use client' still means what it says.
    expect(code.startsWith("'use client';")).toBe(true);
    const { result, registered } = execute(code);
    expect(result).toBe('Title|Hello Ada|Close');
    expect(Object.keys(registered).sort()).toEqual([...KEYS.keyOf.values()].sort());
  });

  it('leaves a file that names no message as it was, and strings that only look like IDs alone', () => {
    const source = "import { x } from './demo.title';\nexport const claim = 'cnf.jkt';\nexport const run = () => 'demo.titles';\n";
    expect(inlineEnglish(source, 'plain.ts', KEYS)).toEqual({ code: source, ids: [] });
  });

  it('keeps IDs written as types, so the type checker and the build read the same file', () => {
    const source = "import { t } from './messages';\ntype Id = 'demo.title' | 'ui-demo.close';\nconst id: Id = 'demo.title';\nexport const run = () => t(id);\n";
    const { code } = inlineEnglish(source, 'types.ts', KEYS);
    expect(code).toContain("type Id = 'demo.title' | 'ui-demo.close';");
    expect(execute(code).result).toBe('Title');
  });

  it('rewrites IDs in JSX attributes and object keys, and the result still compiles', () => {
    const source = [
      "import { t } from './messages';",
      "const TABLE: Record<string, string> = { 'demo.title': 'x' };",
      "export const view = (Label: any) => <Label id=\"demo.title\" title={t('ui-demo.close')} />;",
      "export const run = () => Object.keys(TABLE).map((id) => t(id)).join('');",
    ].join('\n');
    const { code } = inlineEnglish(source, 'view.tsx', KEYS);
    const diagnostics = ts.transpileModule(code, { fileName: 'view.tsx', reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve } }).diagnostics;
    expect(diagnostics).toEqual([]);
    expect(execute(code, 'view.tsx').result).toBe('Title');
  });

  it('writes any English, however hostile, as data that reads back the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const keys = keysFor({ 'demo.title': [text] });
        const { code } = inlineEnglish("import { t } from './messages';\nexport const run = () => t('demo.title');\n", 'hostile.ts', keys);
        expect(execute(code).result).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the workbench source', () => {
  const keys = readMessageKeys();
  const sourceFiles = ['app', 'components', 'lib'].flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true })
      .map((name) => path.join(folder, String(name)))
      .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')),
  );

  // One rewrite of every file, shared by the checks below.
  const rewritten = sourceFiles.map((file) => ({ file, ...inlineEnglish(readFileSync(path.join(ROOT, file), 'utf8'), file, keys) }));

  it('names every English message as itself somewhere, so the build can find each one', () => {
    const named = new Set(rewritten.flatMap(({ ids }) => ids));
    expect([...keys.keyOf.keys()].filter((id) => !named.has(id))).toEqual([]);
  });

  it('never builds a message ID out of pieces, which the build could not see', () => {
    const parts = [...new Set([...keys.keyOf.keys()].map((id) => id.slice(0, id.indexOf('.'))))].join('|');
    const pieced = new RegExp(`\`(?:${parts})\\.[A-Za-z0-9]*\\$\\{|['"](?:${parts})\\.['"]\\s*\\+`);
    expect(sourceFiles.filter((file) => pieced.test(readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('still parses after the rewrite, file by file', () => {
    // A file that names no message is left as it was.
    for (const { file, code } of rewritten.filter(({ ids }) => ids.length > 0)) {
      const { diagnostics } = ts.transpileModule(code, { fileName: file, reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve } });
      expect(diagnostics.map((diagnostic) => `${file}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`)).toEqual([]);
    }
  });
});

describe('short keys', () => {
  it('are read back by the page as the build writes them', () => {
    for (let index = 0; index < 5000; index += 1) expect(runtimeShortKey(index)).toBe(shortKey(index));
  });

  it('register runs of neighbouring messages, gaps and all', () => {
    const keys = keysFor({ 'demo.a': ['A'], 'demo.b': ['B ', ['x']], 'demo.c': ['C'], 'demo.d': ['D'] });
    const { code } = inlineEnglish("import { t } from './messages';\nexport const run = () => [t('demo.a'), t('demo.b', { x: 1 }), t('demo.d')].join('|');\n", 'runs.ts', keys);
    // demo.a and demo.b are one run, demo.d starts another after the gap left by demo.c.
    expect(code).toContain('__registerEnglishMessages([0,"A",["B ",["x"]],3,"D"]);');
    expect(execute(code).result).toBe('A|B 1|D');
  });
});

describe('rekeyCatalog', () => {
  it('keys another language by the short keys and drops what English does not have', () => {
    expect(rekeyCatalog({ 'demo.title': ['Titel'], 'demo.gone': ['Weg'] }, KEYS)).toEqual({ [KEYS.keyOf.get('demo.title')]: ['Titel'] });
  });
});
