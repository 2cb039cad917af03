'use client';

import { useId, useMemo, useState } from 'react';
import { approximateSpan, isLikelyTimeClaim, isoUtc } from '@/lib/claims';
import { isJsonObject, parseJsonText, setMember } from '@/lib/encoder/json-text';
import { parseSpan } from '@/lib/encoder/time-span';
import { useNow } from '@/components/common/useNow';
import { BUTTON } from '@/components/common/button';
import { activeLocale } from '@/lib/i18n/translate';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const DISABLABLE = `${BUTTON} disabled:cursor-not-allowed disabled:opacity-60`;

const presets = (): { label: string; seconds: number }[] => [
  { label: t('ui-encoder.preset5min'), seconds: 300 },
  { label: t('ui-encoder.preset1hour'), seconds: 3600 },
  { label: t('ui-encoder.preset1day'), seconds: 86400 },
];

/** One time claim as a date (ISO 8601) and a relative time in the language shown. */
export function describeInstant(seconds: number, nowSeconds: number): string {
  const delta = seconds - nowSeconds;
  return t('ui-encoder.instant', { date: isoUtc(seconds), relative: relativeTime(delta) });
}

function relativeTime(delta: number): string {
  if (Math.abs(delta) < 1) return t('ui-encoder.now');
  const span = approximateSpan(delta);
  const locale = activeLocale();
  // English keeps its own wording ("in 1 day", never "tomorrow"); a span too long for a number has no relative form.
  if (locale === 'en' || !Number.isFinite(span.count)) return delta > 0 ? `in ${span.text}` : `${span.text} ago`;
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.sign(delta) * span.count, span.unit as Intl.RelativeTimeFormatUnit);
}

/**
 * One-click iat/exp, plus the time claims of the payload read as dates. Edits
 * go through setMember, so only those values change in the user's text.
 */
export function TimeHelpers({ payload, onPayload }: { payload: string; onPayload: (text: string) => void }) {
  useLocale();
  const [custom, setCustom] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const customId = useId();
  const parsed = useMemo(() => parseJsonText(payload), [payload]);
  const object = parsed.ok && isJsonObject(parsed.value) ? parsed.value : null;
  const times = useMemo(
    () => (object ? Object.entries(object).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && isLikelyTimeClaim(entry[0], entry[1])) : []),
    [object],
  );
  const now = useNow(1000, times.length > 0);
  const nowSeconds = Math.floor(now / 1000);

  const apply = (expIn?: number) => {
    const at = Math.floor(Date.now() / 1000);
    let edited = setMember(payload, 'iat', at);
    if (edited.ok && expIn !== undefined) edited = setMember(edited.text, 'exp', at + expIn);
    if (!edited.ok) {
      setProblem(edited.error);
      return;
    }
    setProblem(null);
    onPayload(edited.text);
  };

  const applyCustom = () => {
    const span = parseSpan(custom);
    if (!span.ok) {
      setProblem(span.error);
      return;
    }
    apply(span.seconds);
  };

  const disabled = object === null;
  return (
    <div className="mt-2 space-y-2 text-sm">
      <div role="group" aria-label={t('ui-encoder.timeHelpers')} className="flex flex-wrap items-center gap-2">
        <button type="button" className={DISABLABLE} disabled={disabled} onClick={() => apply()} data-testid="encoder-iat-now">
          {t('ui-encoder.iatNow')}
        </button>
        <span className="text-zinc-700 dark:text-zinc-300">{t('ui-encoder.iatNowExpIn')}</span>
        {presets().map((preset) => (
          <button key={preset.seconds} type="button" className={DISABLABLE} disabled={disabled} onClick={() => apply(preset.seconds)} data-testid={`encoder-exp-${preset.seconds}`}>
            {preset.label}
          </button>
        ))}
        <span className="flex items-center gap-1">
          <label htmlFor={customId} className="sr-only">
            {t('ui-encoder.customSpanLabel')}
          </label>
          <input
            id={customId}
            data-testid="encoder-exp-custom"
            value={custom}
            onChange={(event) => setCustom(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') applyCustom();
            }}
            placeholder={t('ui-encoder.customSpanPlaceholder')}
            className="w-28 rounded border border-zinc-300 bg-white px-1.5 py-0.5 text-sm dark:border-zinc-600 dark:bg-zinc-900"
          />
          <button type="button" className={DISABLABLE} disabled={disabled} onClick={applyCustom}>
            {t('ui-encoder.set')}
          </button>
        </span>
      </div>
      {disabled ? <p className="text-zinc-700 dark:text-zinc-300">{t('ui-encoder.fixPayload')}</p> : null}
      {problem ? (
        <p role="alert" className="text-red-800 dark:text-red-200">
          {problem}
        </p>
      ) : null}
      {times.length > 0 ? (
        <ul aria-label={t('ui-encoder.timeClaims')} data-testid="encoder-times" className="space-y-0.5 text-zinc-700 dark:text-zinc-300">
          {times.map(([name, value]) => (
            <li key={name}>
              <code className="font-semibold">{name}</code> {describeInstant(value, nowSeconds)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
