'use client';

import { memo, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import type { editor as MonacoEditorApi } from 'monaco-editor/editor/editor.api';
import { useResolvedTheme } from '@/components/theme/ThemeControl';
import { loadMonacoWhenIdle, type LoadedMonaco } from './monaco/load-monaco';

/** A coloured stretch of text, by character offsets (colouring by ranges holds for 1 MB lines). */
export interface EditorRange {
  start: number;
  end: number;
  className: string;
  hover?: string;
}

/** A squiggle with a message, by character offsets. */
export interface EditorMarker {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CodeEditorProps {
  testId: string;
  /** Accessible name of the editor. */
  label: string;
  value: string;
  onChange?: (value: string) => void;
  language?: 'plaintext' | 'json';
  readOnly?: boolean;
  /** CSS height of the editor box. */
  height?: string;
  wrap?: boolean;
  ranges?: readonly EditorRange[];
  markers?: readonly EditorMarker[];
  placeholder?: string;
  /** Model URI, so a JSON schema can be bound to this editor. */
  modelPath?: string;
  /** Called once Monaco is live, e.g. to register completions. */
  onMonacoReady?: (monaco: LoadedMonaco['monaco'], editor: MonacoEditorApi.IStandaloneCodeEditor) => void;
}

type Standalone = MonacoEditorApi.IStandaloneCodeEditor;

/**
 * A text editor that is usable at once as a plain <textarea> and becomes
 * Monaco when Monaco has loaded (after the page is interactive), carrying over
 * text, selection and focus. Memoized: a parent redrawing with the same props
 * (value, ranges, markers, callbacks) does not redraw the editor.
 */
export const CodeEditor = memo(function CodeEditor(props: CodeEditorProps) {
  const { testId, label, value, onChange, language = 'plaintext', readOnly = false, height = '12rem', wrap = true } = props;
  const [loaded, setLoaded] = useState<LoadedMonaco | null>(null);
  const [editor, setEditor] = useState<Standalone | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const theme = useResolvedTheme();
  // Values this editor reported and the parent has not yet rendered back.
  const pendingEchoes = useRef<string[]>([]);
  // True while a value from outside is written into Monaco (from an effect, where flushSync must not run).
  const writingOutsideValue = useRef(false);

  useEffect(() => {
    let cancelled = false;
    loadMonacoWhenIdle().then(
      (monaco) => {
        if (!cancelled) setLoaded(monaco);
      },
      () => {
        // Monaco failed to load (offline, blocked): the plain editor keeps working.
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const options = useMemo<MonacoEditorApi.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: label,
      readOnly,
      domReadOnly: readOnly,
      wordWrap: wrap ? 'on' : 'off',
      // 'simple' wraps by character count: fast even for a 1 MB line.
      wrappingStrategy: 'simple',
      lineNumbers: language === 'json' ? 'on' : 'off',
      lineNumbersMinChars: 3,
      folding: language === 'json',
      glyphMargin: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      fontFamily: "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace",
      // Text must arrive exactly as typed or pasted: no added brackets, quotes or indentation.
      autoClosingBrackets: 'never',
      autoClosingQuotes: 'never',
      autoClosingOvertype: 'never',
      autoSurround: 'never',
      autoIndent: 'none',
      formatOnPaste: false,
      formatOnType: false,
      wordBasedSuggestions: 'off',
      quickSuggestions: language === 'json' && !readOnly ? { strings: true, other: true, comments: false } : false,
      renderLineHighlight: 'none',
      occurrencesHighlight: 'off',
      selectionHighlight: false,
      matchBrackets: language === 'json' ? 'near' : 'never',
      links: false,
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
      // Tab moves focus out of the editor, so keyboard users are never trapped.
      tabFocusMode: true,
      placeholder: props.placeholder,
      fixedOverflowWidgets: true,
      scrollbar: { alwaysConsumeMouseWheel: false },
      padding: { top: 8, bottom: 8 },
    }),
    [label, readOnly, wrap, language, props.placeholder],
  );

  const handleMount = useCallback(
    (instance: Standalone) => {
      const textarea = textareaRef.current;
      const model = instance.getModel();
      // Monaco was made with the text of the render that created it; anything typed
      // into the plain editor since then (or set from outside) is in the textarea, and
      // already reported. Monaco's change events are not subscribed yet, so this is not
      // reported again.
      if (textarea && model && model.getValue() !== textarea.value) model.setValue(textarea.value);
      // Carry over focus and selection from the plain editor.
      if (textarea && document.activeElement === textarea) {
        if (model) {
          const start = model.getPositionAt(textarea.selectionStart);
          const end = model.getPositionAt(textarea.selectionEnd);
          instance.setSelection({
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          });
        }
        instance.focus();
      }
      setEditor(instance);
      if (loaded) props.onMonacoReady?.(loaded.monaco, instance);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [loaded],
  );

  // Puts a value set from outside (a link, "Load sample", another view) into
  // Monaco, but never an echo of what the user typed: while React catches up,
  // a render may carry an older value, and writing it back would eat keystrokes.
  // Only a value that changed is written: this effect also runs when Monaco has just
  // mounted, and that run may come after the user has typed on (React flushes it first
  // when the next keystroke is reported), carrying a value older than Monaco's text.
  const seenValue = useRef(value);
  useEffect(() => {
    const changed = value !== seenValue.current;
    seenValue.current = value;
    if (!editor) return;
    const echo = pendingEchoes.current.lastIndexOf(value);
    if (echo !== -1) {
      pendingEchoes.current = pendingEchoes.current.slice(echo + 1);
      return;
    }
    if (!changed) return;
    pendingEchoes.current = [];
    if (value === editor.getValue()) return;
    const model = editor.getModel();
    if (!model) return;
    writingOutsideValue.current = true;
    try {
      if (readOnly) {
        editor.setValue(value);
      } else {
        editor.executeEdits('external', [{ range: model.getFullModelRange(), text: value, forceMoveMarkers: true }]);
        editor.pushUndoStop();
      }
    } finally {
      writingOutsideValue.current = false;
    }
  }, [editor, value, readOnly]);
  useDecorations(editor, props.ranges);
  useMarkers(loaded, editor, props.markers);

  const handleTextareaChange = (event: ChangeEvent<HTMLTextAreaElement>) => onChange?.(event.target.value);
  const plain = (
    <textarea
      ref={textareaRef}
      aria-label={label}
      value={value}
      readOnly={readOnly}
      onChange={handleTextareaChange}
      placeholder={props.placeholder}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      className="block h-full w-full resize-none bg-transparent p-2 font-mono text-[13px] leading-[18px] break-all outline-none"
    />
  );

  const Editor = loaded?.Editor;
  return (
    <div
      data-testid={testId}
      translate="no"
      data-editor={editor ? 'monaco' : 'plain'}
      className="relative overflow-hidden rounded-md border border-zinc-300 bg-white focus-within:border-blue-500 dark:border-zinc-700 dark:bg-zinc-900"
      style={{ height }}
    >
      {/* The plain editor stays the same element until Monaco has mounted and taken its
          focus: were it re-created (e.g. as Monaco's loading placeholder), the focus would
          drop to the page and whatever the user types meanwhile would be lost. */}
      {editor ? null : plain}
      {Editor ? (
        // Until Monaco has mounted, a click goes to the plain editor underneath: Monaco
        // reports no edits before then (its change events are not subscribed yet).
        <div className={editor ? 'absolute inset-0' : 'pointer-events-none absolute inset-0'}>
          <Editor
            defaultValue={value}
            language={language}
            path={props.modelPath}
            theme={theme === 'dark' ? 'workbench-dark' : 'workbench-light'}
            options={options}
            onMount={handleMount}
            onChange={(next) => {
              pendingEchoes.current.push(next ?? '');
              // Our own write of an outside value, from an effect: React is mid-commit there.
              if (writingOutsideValue.current) return onChange?.(next ?? '');
              // Monaco reports typing through EditContext events, which React does not
              // take for user input: without flushSync the update would wait for a
              // later task and a frame would show the old result first.
              flushSync(() => onChange?.(next ?? ''));
            }}
            loading={null}
          />
        </div>
      ) : null}
    </div>
  );
});

function useDecorations(editor: Standalone | null, ranges: readonly EditorRange[] | undefined) {
  const collection = useRef<MonacoEditorApi.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    if (!editor) return;
    collection.current ??= editor.createDecorationsCollection();
    const model = editor.getModel();
    if (!model) return;
    collection.current.set(
      (ranges ?? []).map((range) => {
        const start = model.getPositionAt(range.start);
        const end = model.getPositionAt(range.end);
        return {
          range: { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column },
          options: {
            inlineClassName: range.className,
            hoverMessage: range.hover ? { value: range.hover } : undefined,
          },
        };
      }),
    );
  }, [editor, ranges]);
}

function useMarkers(loaded: LoadedMonaco | null, editor: Standalone | null, markers: readonly EditorMarker[] | undefined) {
  useEffect(() => {
    const model = editor?.getModel();
    if (!loaded || !model) return;
    const { monaco } = loaded;
    monaco.editor.setModelMarkers(
      model,
      'workbench',
      (markers ?? []).map((marker) => {
        const start = model.getPositionAt(marker.start);
        const end = model.getPositionAt(Math.max(marker.end, marker.start + 1));
        return {
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
          message: marker.message,
          severity: marker.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        };
      }),
    );
  }, [loaded, editor, markers]);
}
