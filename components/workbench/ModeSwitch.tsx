'use client';

import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

export type Mode = 'decode' | 'encode' | 'flow';

const MODES: { value: Mode; label: () => string }[] = [
  { value: 'decode', label: () => t('ui-workbench.modeDecode') },
  { value: 'encode', label: () => t('ui-workbench.modeEncode') },
  { value: 'flow', label: () => t('ui-workbench.modeFlow') },
];

export function ModeSwitch({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  useLocale();
  return (
    <nav aria-label={t('ui-workbench.modesLabel')} className="inline-flex rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
      {MODES.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          data-testid={`mode-${value}`}
          aria-pressed={mode === value}
          onClick={() => onChange(value)}
          className="rounded-md px-2 py-1 text-sm font-medium text-zinc-600 sm:px-3 hover:text-zinc-900 aria-pressed:bg-white aria-pressed:text-zinc-900 aria-pressed:shadow-sm dark:text-zinc-300 dark:hover:text-white dark:aria-pressed:bg-zinc-950 dark:aria-pressed:text-white"
        >
          {label()}
        </button>
      ))}
    </nav>
  );
}
