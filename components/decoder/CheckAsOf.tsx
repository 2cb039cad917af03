'use client';

import { useId } from 'react';
import { parseInstant } from '@/lib/links/instant';
import { BUTTON } from '@/components/common/button';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A `datetime-local` value (the browser's wall clock, to the second) for an instant. */
function localValue(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

interface CheckAsOfProps {
  /** The ISO 8601 instant checks are judged at; undefined means now. */
  at: string | undefined;
  onChange: (at: string | undefined) => void;
}

/** "Was this logged token valid at 14:02 yesterday?": the time claim checks, relative times and certificates are judged at. */
export function CheckAsOf({ at, onChange }: CheckAsOfProps) {
  useLocale();
  const inputId = useId();
  const labelId = useId();
  const noteId = useId();
  const ms = at ? parseInstant(at) : undefined;
  return (
    <section aria-labelledby={labelId} className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <label id={labelId} htmlFor={inputId} className="font-medium">
          {t('ui-decoder.checkAsOf')}
        </label>
        <input
          id={inputId}
          type="datetime-local"
          step={1}
          data-testid="check-as-of"
          aria-describedby={noteId}
          value={ms === undefined ? '' : localValue(ms)}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '') return onChange(undefined);
            // A datetime-local value has no zone: it is the browser's local time.
            const local = new Date(value).getTime();
            if (Number.isFinite(local)) onChange(new Date(local).toISOString());
          }}
          className="rounded border border-zinc-300 bg-white px-1.5 py-1 dark:border-zinc-600 dark:bg-zinc-900 dark:[color-scheme:dark]"
        />
        <button type="button" data-testid="check-as-of-now" className={BUTTON} disabled={ms === undefined} onClick={() => onChange(undefined)}>
          {t('ui-decoder.now')}
        </button>
      </div>
      <p id={noteId} data-testid="check-as-of-note" data-at={ms === undefined ? '' : new Date(ms).toISOString()} className="mt-1 text-zinc-700 dark:text-zinc-300">
        {ms === undefined
          ? t('ui-decoder.judgedNow')
          : withElements((values) => t('ui-decoder.judgedAtNote', values), {
              judged: (
                <strong className="font-semibold">{t('ui-decoder.judgedAt', { iso: new Date(ms).toISOString().replace('.000Z', 'Z') })}</strong>
              ),
            })}
      </p>
    </section>
  );
}
