// The Monaco floor: Monaco as our token editor builds it (components/editor/monaco/monaco-setup.ts
// for the imports, components/editor/CodeEditor.tsx for the options), bundled by
// bench/monaco-floor.mjs from the installed monaco-editor package. No React, no decoding:
// a paste is "done" when it has reached the model, which #model then says.
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
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.editor.defineTheme('workbench-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff', 'editor.placeholder.foreground': '#52525b' },
});

// The token editor's options (CodeEditor with language 'plaintext', wrap on, editable); a unit test keeps the keys in step.
export const TOKEN_EDITOR_OPTIONS = {
  ariaLabel: 'Encoded token: paste a JWT, JWS or JWE',
  readOnly: false,
  domReadOnly: false,
  wordWrap: 'on',
  wrappingStrategy: 'simple',
  lineNumbers: 'off',
  lineNumbersMinChars: 3,
  folding: false,
  glyphMargin: false,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  fontFamily: "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace",
  autoClosingBrackets: 'never',
  autoClosingQuotes: 'never',
  autoClosingOvertype: 'never',
  autoSurround: 'never',
  autoIndent: 'none',
  formatOnPaste: false,
  formatOnType: false,
  wordBasedSuggestions: 'off',
  quickSuggestions: false,
  renderLineHighlight: 'none',
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  matchBrackets: 'never',
  links: false,
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
  tabFocusMode: true,
  placeholder: "Paste a token (eyJ…), a 'Bearer …' value or a whole Authorization header",
  fixedOverflowWidgets: true,
  scrollbar: { alwaysConsumeMouseWheel: false },
  padding: { top: 8, bottom: 8 },
};

const host = document.getElementById('editor');
const output = document.getElementById('model');
const editor = monaco.editor.create(host, { ...TOKEN_EDITOR_OPTIONS, value: '', language: 'plaintext', theme: 'workbench-light', automaticLayout: true });
const model = editor.getModel();
model.onDidChangeContent(() => {
  // The last characters of the text (a token's signature) name the paste that arrived.
  const length = model.getValueLength();
  const end = model.getPositionAt(length);
  const start = model.getPositionAt(Math.max(0, length - 16));
  output.dataset.length = String(length);
  output.dataset.tail = model.getValueInRange({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });
  output.textContent = `${length} characters`;
});
host.dataset.editor = 'monaco';
