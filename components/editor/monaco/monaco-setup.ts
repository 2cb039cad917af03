// Monaco, bundled from the installed package and served from our own origin.
// Only the editor core, the contributions our editors use and the JSON
// language are imported: no TypeScript, CSS or HTML language workers.
import * as monaco from 'monaco-editor/editor/editor.api';
// The JSON language's worker manager imports this list of editor
// contributions. Their services must be registered before the first editor
// is created, or editors made later fail ("depends on UNKNOWN service").
import 'monaco-editor/internal/common/workers';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/placeholderText/browser/placeholderText.contribution';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';

type MonacoEnvironmentHost = typeof globalThis & {
  MonacoEnvironment?: { getWorker: (workerId: string, label: string) => Worker };
};

// Turbopack bundles a worker only when `new URL(...)` sits directly inside `new Worker(...)`.
(globalThis as MonacoEnvironmentHost).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'json') {
      return new Worker(new URL('monaco-editor/language/json/json.worker', import.meta.url), { type: 'module' });
    }
    return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module' });
  },
};

// Schemas are given inline; Monaco must never try to fetch one.
jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, enableSchemaRequest: false, schemas: [] });

const schemas = new Map<string, { uri: string; fileMatch: string[]; schema: unknown }>();

/** Binds a JSON schema to the models whose URI matches `fileMatch` (completion, hover, type marks). */
export function registerJsonSchema(uri: string, fileMatch: string[], schema: unknown) {
  schemas.set(uri, { uri, fileMatch, schema });
  jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, enableSchemaRequest: false, schemas: [...schemas.values()] });
}

monaco.editor.defineTheme('workbench-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff' },
});
monaco.editor.defineTheme('workbench-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#18181b', 'editorGutter.background': '#18181b' },
});

export { monaco, jsonDefaults };
export type Monaco = typeof monaco;
