// Monaco ships these language-feature modules without type declarations.
// We use them only through the small surface declared here.
declare module 'monaco-editor/languages/features/common/lspLanguageFeatures' {
  import type { languages } from 'monaco-editor/editor/editor.api';
  type WorkerAccessor = never;
  /** An adapter class: built with the worker accessor, it provides one language feature. */
  type Adapter<Provider> = new (worker: WorkerAccessor) => Provider;
  export const CompletionAdapter: new (worker: WorkerAccessor, triggerCharacters: string[]) => languages.CompletionItemProvider;
  export const HoverAdapter: Adapter<languages.HoverProvider>;
  export const DocumentSymbolAdapter: Adapter<languages.DocumentSymbolProvider>;
  export const FoldingRangeAdapter: Adapter<languages.FoldingRangeProvider>;
  export const SelectionRangeAdapter: Adapter<languages.SelectionRangeProvider>;
  export const DocumentFormattingEditProvider: Adapter<languages.DocumentFormattingEditProvider>;
  export const DocumentRangeFormattingEditProvider: Adapter<languages.DocumentRangeFormattingEditProvider>;
  export const DiagnosticsAdapter: new (languageId: string, worker: WorkerAccessor, onDidChange: never) => object;
}

declare module 'monaco-editor/languages/features/json/tokenization' {
  import type { languages } from 'monaco-editor/editor/editor.api';
  export function createTokenizationSupport(supportComments: boolean): languages.TokensProvider;
}
