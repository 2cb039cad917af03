'use client';

import { useMemo, useState } from 'react';
import { CopyButton } from './CopyButton';
import { jsonLines, type JsonPieceKind } from '@/lib/format/json-lines';
import { formatCount } from '@/lib/format/count';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from './with-elements';
import { t } from './messages';

/** Past this size the pane shows a colourless prefix and offers the whole text. */
const COLOURED_LIMIT_CHARS = 60_000;

const PIECE_CLASS: Record<JsonPieceKind, string> = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-amber-800 dark:text-amber-300',
  literal: 'text-fuchsia-800 dark:text-fuchsia-300',
  punctuation: 'text-zinc-500 dark:text-zinc-400',
  space: '',
};

export interface JsonViewProps {
  testId: string;
  /** Pretty-printed JSON (or plain text when `plain`). */
  text: string;
  label: string;
  plain?: boolean;
}

/**
 * Read-only, pretty-printed JSON with colours, folding and a copy button.
 * The text content of the <pre> is exactly `text` (fold arrows are drawn by
 * CSS), so what a user selects and copies is the JSON itself.
 */
export function JsonView({ testId, text, label, plain = false }: JsonViewProps) {
  useLocale();
  const [showAll, setShowAll] = useState(false);
  const [folded, setFolded] = useState<ReadonlySet<number>>(new Set());
  const large = text.length > COLOURED_LIMIT_CHARS;

  // A large text renders as one text node: fast, and still exact.
  const lines = useMemo(() => (plain || large ? null : jsonLines(text)), [text, plain, large]);
  // Folds belong to one text; a new token starts unfolded.
  const [foldedFor, setFoldedFor] = useState(text);
  if (foldedFor !== text) {
    setFoldedFor(text);
    setFolded(new Set());
  }

  const toggle = (line: number) =>
    setFolded((previous) => {
      const next = new Set(previous);
      if (next.has(line)) next.delete(line);
      else next.add(line);
      return next;
    });

  let body: React.ReactNode;
  if (lines) {
    const rendered: React.ReactNode[] = [];
    let skipUntil = -1;
    lines.forEach((line, index) => {
      if (index < skipUntil) return;
      const isFolded = line.foldEnd !== undefined && folded.has(index);
      rendered.push(
        <span key={index} className="block">
          {line.foldEnd !== undefined ? (
            <button
              type="button"
              aria-expanded={!isFolded}
              aria-label={t(isFolded ? 'ui-common.unfoldLines' : 'ui-common.foldLines', { from: index + 1, to: line.foldEnd + 1 })}
              onClick={() => toggle(index)}
              className={`absolute left-0 w-4 text-center text-zinc-500 hover:text-zinc-900 dark:hover:text-white ${isFolded ? "before:content-['▸']" : "before:content-['▾']"}`}
            />
          ) : null}
          {line.pieces.map((piece, pieceIndex) => (
            <span key={pieceIndex} className={PIECE_CLASS[piece.kind]}>
              {piece.text}
            </span>
          ))}
          {isFolded ? <span className="rounded bg-zinc-200 px-1 text-zinc-600 dark:bg-zinc-700 dark:text-zinc-300" aria-label={t('ui-common.foldedLines')}>…</span> : null}
          {index < lines.length - 1 ? '\n' : null}
        </span>,
      );
      if (isFolded) skipUntil = line.foldEnd!;
    });
    body = rendered;
  } else {
    body = large && !showAll ? text.slice(0, COLOURED_LIMIT_CHARS) : text;
  }

  return (
    <div className="relative">
      <div className="absolute right-2 top-2 z-10">
        <CopyButton text={text} label={t('ui-common.copyWhat', { what: label })} />
      </div>
      <pre
        translate="no"
        data-testid={testId}
        aria-label={label}
        tabIndex={0}
        className="relative max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 py-2 pl-5 pr-16 font-mono text-[13px] leading-5 whitespace-pre-wrap break-all dark:border-zinc-700 dark:bg-zinc-900"
      >
        {body}
      </pre>
      {large && !showAll ? (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {withElements((values) => t('ui-common.showingFirst', { ...values, shown: formatCount(COLOURED_LIMIT_CHARS), total: formatCount(text.length) }), {
            showAll: (
              <button type="button" className="underline" onClick={() => setShowAll(true)}>
                {t('ui-common.showFullText')}
              </button>
            ),
          })}
        </p>
      ) : null}
    </div>
  );
}
