'use client';

import { useState, type DragEvent, type ReactNode } from 'react';
import { BUTTON } from '@/components/common/button';
import { formatCount } from '@/lib/format/count';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

/** Larger files would make the editor and the search slow for little gain. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

function megabytes(bytes: number): string {
  return `${formatCount(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/**
 * The token editor's surroundings as a drop target for a file (a HAR, a log, a saved
 * response), with a file picker for keyboard users. The file is read here with File.text();
 * it is never uploaded.
 */
export function FileDrop({ onText, children }: { onText: (text: string, name: string) => void; children: ReactNode }) {
  useLocale();
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const open = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setMessage({ text: t('ui-decoder.fileTooLarge', { name: file.name, size: megabytes(file.size), limit: megabytes(MAX_FILE_BYTES) }), error: true });
      return;
    }
    file.text().then(
      (text) => {
        setMessage({ text: t('ui-decoder.fileOpened', { name: file.name, size: megabytes(file.size) }), error: false });
        onText(text, file.name);
      },
      () => setMessage({ text: t('ui-decoder.fileUnreadable', { name: file.name }), error: true }),
    );
  };

  // Capture phase: the editor inside handles drags of text itself, but not of files.
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    open(event.dataTransfer.files[0]);
  };

  return (
    <div
      onDragOverCapture={onDragOver}
      onDragEnterCapture={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDropCapture={onDrop}
      className={`min-w-0 rounded-md ${dragging ? 'outline-2 outline-offset-2 outline-blue-600 outline-dashed dark:outline-blue-400' : ''}`}
    >
      {children}
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <label className={`${BUTTON} cursor-pointer focus-within:outline-2 focus-within:outline-blue-600`}>
          <input
            type="file"
            className="sr-only"
            onChange={(event) => {
              open(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
          {t('ui-decoder.openFile')}
        </label>
        <span>{t('ui-decoder.dropHint')}</span>
      </div>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={`mt-1 text-xs ${message.error ? 'text-red-800 dark:text-red-300' : 'text-zinc-700 dark:text-zinc-300'}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
