'use client';

import { useState } from 'react';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton({ text, label, className = '' }: { text: string | (() => string); label: string; className?: string }) {
  useLocale();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'function' ? text() : text);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      className={`rounded border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800 ${className}`}
    >
      <span aria-live="polite">{state === 'copied' ? t('ui-common.copied') : state === 'failed' ? t('ui-common.copyFailed') : t('ui-common.copy')}</span>
    </button>
  );
}
