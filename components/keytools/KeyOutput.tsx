'use client';

import { useId } from 'react';
import { CopyButton } from '@/components/common/CopyButton';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

/** A read-only block of key text with a label and a copy button. */
export function KeyOutput({ testId, label, value, rows = 6 }: { testId: string; label: string; value: string; rows?: number }) {
  useLocale();
  const id = useId();
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-xs font-semibold uppercase tracking-wide text-zinc-700 dark:text-zinc-300">
          {label}
        </label>
        <CopyButton text={value} label={t('ui-keytools.copyLabel', { label })} />
      </div>
      <textarea
        id={id}
        data-testid={testId}
        readOnly
        value={value}
        rows={rows}
        spellCheck={false}
        className="block w-full resize-y rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs break-all text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      />
    </div>
  );
}
