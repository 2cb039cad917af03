// Monaco ships these language-feature modules without type declarations.
// We use them only through the small surface declared here.
declare module 'monaco-editor/languages/features/common/lspLanguageFeatures' {
  import type { languages } from 'monaco-editor/editor/editor.api';
  type WorkerAccessor = never;
  export class CompletionAdapter implements languages.CompletionItemProvider {
    provideCompletionItems: languages.CompletionItemProvider['provideCompletionItems'];
    constructor(worker: WorkerAccessor, triggerCharacters: string[]);
  }
  export class HoverAdapter implements languages.HoverProvider {
    provideHover: languages.HoverProvider['provideHover'];
    constructor(worker: WorkerAccessor);
  }
  export class DocumentSymbolAdapter implements languages.DocumentSymbolProvider {
    provideDocumentSymbols: languages.DocumentSymbolProvider['provideDocumentSymbols'];
    constructor(worker: WorkerAccessor);
  }
  export class FoldingRangeAdapter implements languages.FoldingRangeProvider {
    provideFoldingRanges: languages.FoldingRangeProvider['provideFoldingRanges'];
    constructor(worker: WorkerAccessor);
  }
  export class SelectionRangeAdapter implements languages.SelectionRangeProvider {
    provideSelectionRanges: languages.SelectionRangeProvider['provideSelectionRanges'];
    constructor(worker: WorkerAccessor);
  }
  export class DocumentFormattingEditProvider implements languages.DocumentFormattingEditProvider {
    provideDocumentFormattingEdits: languages.DocumentFormattingEditProvider['provideDocumentFormattingEdits'];
    constructor(worker: WorkerAccessor);
  }
  export class DocumentRangeFormattingEditProvider implements languages.DocumentRangeFormattingEditProvider {
    provideDocumentRangeFormattingEdits: languages.DocumentRangeFormattingEditProvider['provideDocumentRangeFormattingEdits'];
    constructor(worker: WorkerAccessor);
  }
  export class DiagnosticsAdapter {
    constructor(languageId: string, worker: WorkerAccessor, onDidChange: never);
  }
}

declare module 'monaco-editor/languages/features/json/tokenization' {
  import type { languages } from 'monaco-editor/editor/editor.api';
  export function createTokenizationSupport(supportComments: boolean): languages.TokensProvider;
}
