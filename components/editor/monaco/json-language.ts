// The JSON language for our editors: Monaco's own JSON worker and language
// features, wired up here rather than through monaco-editor's JSON "mode",
// whose worker manager imports every editor contribution Monaco has. Those
// would roughly double Monaco's size, and when loaded after the first editor
// exists their services are missing ("depends on UNKNOWN service").
import { editor, languages, Emitter, type IDisposable, type Uri } from 'monaco-editor/editor/editor.api';
import {
  CompletionAdapter,
  DiagnosticsAdapter,
  DocumentFormattingEditProvider,
  DocumentRangeFormattingEditProvider,
  DocumentSymbolAdapter,
  FoldingRangeAdapter,
  HoverAdapter,
  SelectionRangeAdapter,
} from 'monaco-editor/languages/features/common/lspLanguageFeatures';
import { createTokenizationSupport } from 'monaco-editor/languages/features/json/tokenization';

export interface JsonSchemaAssociation {
  uri: string;
  fileMatch: string[];
  schema: object;
}

export interface JsonDiagnosticsOptions {
  validate: boolean;
  allowComments: boolean;
  schemas: JsonSchemaAssociation[];
  enableSchemaRequest: boolean;
  schemaValidation?: 'error' | 'warning' | 'ignore';
  schemaRequest?: 'error' | 'warning' | 'ignore';
  trailingCommas?: 'error' | 'warning' | 'ignore';
  comments?: 'error' | 'warning' | 'ignore';
}

const LANGUAGE_ID = 'json';
const STOP_WHEN_IDLE_MS = 2 * 60 * 1000;

/** The JSON language settings; a change restarts the worker with them. */
class JsonDefaults {
  private readonly changed = new Emitter<JsonDefaults>();
  readonly onDidChange = this.changed.event;
  readonly languageId = LANGUAGE_ID;
  readonly modeConfiguration = {};
  constructor(public diagnosticsOptions: JsonDiagnosticsOptions) {}
  setDiagnosticsOptions(options: JsonDiagnosticsOptions) {
    this.diagnosticsOptions = options;
    this.changed.fire(this);
  }
}

// Schemas are given inline; the worker must never fetch one.
export const jsonDefaults = new JsonDefaults({
  validate: true,
  allowComments: false,
  schemas: [],
  enableSchemaRequest: false,
  schemaValidation: 'warning',
  schemaRequest: 'ignore',
  trailingCommas: 'error',
  comments: 'error',
});

type JsonWorkerClient = object;

/** Starts Monaco's JSON worker on first use and stops it when idle or when settings change. */
class JsonWorkerManager implements IDisposable {
  private worker: editor.MonacoWebWorker<JsonWorkerClient> | null = null;
  private client: Promise<JsonWorkerClient> | null = null;
  private lastUsed = 0;
  private readonly idleTimer = window.setInterval(() => {
    if (this.worker && Date.now() - this.lastUsed > STOP_WHEN_IDLE_MS) this.stop();
  }, 30_000);
  private readonly settingsListener = jsonDefaults.onDidChange(() => this.stop());

  private stop() {
    this.worker?.dispose();
    this.worker = null;
    this.client = null;
  }

  dispose() {
    window.clearInterval(this.idleTimer);
    this.settingsListener.dispose();
    this.stop();
  }

  async forResources(...resources: Uri[]): Promise<JsonWorkerClient> {
    this.lastUsed = Date.now();
    if (!this.worker) {
      const createData = {
        languageSettings: jsonDefaults.diagnosticsOptions,
        languageId: LANGUAGE_ID,
        enableSchemaRequest: false,
      };
      const started = new Worker(new URL('monaco-editor/language/json/json.worker', import.meta.url), { type: 'module', name: 'json' });
      // Monaco's worker protocol: a first message starts it, the second carries its settings.
      started.postMessage('ignore');
      started.postMessage(createData);
      this.worker = editor.createWebWorker<JsonWorkerClient>({ worker: started });
      this.client = this.worker.getProxy();
    }
    const client = await this.client!;
    await this.worker?.withSyncedResources(resources);
    return client;
  }
}

let registered = false;

/** Registers JSON with completions, hovers, folding, formatting, colouring and validation. */
export function registerJsonLanguage() {
  if (registered) return;
  registered = true;
  languages.register({ id: LANGUAGE_ID, extensions: ['.json'], aliases: ['JSON', 'json'], mimetypes: ['application/json'] });
  const manager = new JsonWorkerManager();
  const worker = (...uris: Uri[]) => manager.forResources(...uris);
  // The adapters are typed loosely upstream; they take the worker accessor above.
  const adapterWorker = worker as never;
  languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, new DocumentFormattingEditProvider(adapterWorker));
  languages.registerDocumentRangeFormattingEditProvider(LANGUAGE_ID, new DocumentRangeFormattingEditProvider(adapterWorker));
  languages.registerCompletionItemProvider(LANGUAGE_ID, new CompletionAdapter(adapterWorker, [' ', ':', '"']));
  languages.registerHoverProvider(LANGUAGE_ID, new HoverAdapter(adapterWorker));
  languages.registerDocumentSymbolProvider(LANGUAGE_ID, new DocumentSymbolAdapter(adapterWorker));
  languages.registerFoldingRangeProvider(LANGUAGE_ID, new FoldingRangeAdapter(adapterWorker));
  languages.registerSelectionRangeProvider(LANGUAGE_ID, new SelectionRangeAdapter(adapterWorker));
  languages.setTokensProvider(LANGUAGE_ID, createTokenizationSupport(true));
  new DiagnosticsAdapter(LANGUAGE_ID, adapterWorker, jsonDefaults.onDidChange as never);
  languages.setLanguageConfiguration(LANGUAGE_ID, {
    wordPattern: /(-?\d*\.\d\w*)|([^[{\]}:",\s]+)/g,
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
  });
}
