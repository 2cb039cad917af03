// Monaco, bundled from the installed package and served from our own origin.
// Only the editor core, the contributions our editors use and the JSON
// language are imported: no TypeScript, CSS or HTML language workers.
import * as monaco from 'monaco-editor/editor/editor.api';
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
import { jsonDefaults, registerJsonLanguage, type JsonSchemaAssociation } from './json-language';

type MonacoEnvironmentHost = typeof globalThis & {
  MonacoEnvironment?: { getWorker: (workerId: string, label: string) => Worker };
};

// Turbopack bundles a worker only when `new URL(...)` sits directly inside `new Worker(...)`.
// The JSON language starts its own worker (json-language.ts); this one serves the editor core.
(globalThis as MonacoEnvironmentHost).MonacoEnvironment = {
  getWorker() {
    return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module' });
  },
};

registerJsonLanguage();

const schemas = new Map<string, JsonSchemaAssociation>();

/** Binds a JSON schema to the models whose URI matches `fileMatch` (completion, hover, type marks). */
export function registerJsonSchema(uri: string, fileMatch: string[], schema: object) {
  schemas.set(uri, { uri, fileMatch, schema });
  jsonDefaults.setDiagnosticsOptions({ ...jsonDefaults.diagnosticsOptions, schemas: [...schemas.values()] });
}

monaco.editor.defineTheme('workbench-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  // Placeholder text is read as text, so it meets the contrast of body text (zinc-600, zinc-400).
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff', 'editor.placeholder.foreground': '#52525b' },
});
monaco.editor.defineTheme('workbench-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#18181b', 'editorGutter.background': '#18181b', 'editor.placeholder.foreground': '#a1a1aa' },
});

export { monaco, jsonDefaults };
export type Monaco = typeof monaco;
