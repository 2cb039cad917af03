'use client';

import { useMemo } from 'react';
import { checkClaims, type ExpectedClaims } from '@/lib/claims';
import { Section } from '@/components/common/Section';
import type { ChecksPanelProps } from './decoder-state';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

const STATUS_ICON = { pass: '✓', fail: '✗', warn: '!', skip: '–' } as const;
const EXPECTED_FIELDS: { name: keyof ExpectedClaims; label: Parameters<typeof t>[0] }[] = [
  { name: 'iss', label: 'ui-decoder.expectedIss' },
  { name: 'aud', label: 'ui-decoder.expectedAud' },
  { name: 'sub', label: 'ui-decoder.expectedSub' },
  { name: 'typ', label: 'ui-decoder.expectedTyp' },
];

/** Claim checks, kept apart from the signature: a valid signature on an expired token is still expired. */
export function ClaimChecks({ header, claims, now, state, onChange }: ChecksPanelProps) {
  const locale = useLocale();
  const result = useMemo(
    () => checkClaims(header, claims, { now, clockSkewSeconds: state.clockSkewSeconds, expected: state.expected }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: lib/claims words the checks in the language shown.
    [header, claims, now, state.clockSkewSeconds, state.expected, locale],
  );
  const good = result.summary.state === 'ok';
  return (
    <Section id="checks-heading" title={t('ui-decoder.claimChecksHeading')}>
      <p
        data-testid="claims-status"
        data-state={result.summary.state}
        className={`rounded-md border-l-4 px-3 py-2 text-sm font-medium ${good ? 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' : 'border-amber-600 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100'}`}
      >
        {result.summary.message}
      </p>
      <ul className="mt-2 space-y-1 text-sm">
        {result.checks
          .filter((check) => check.status !== 'skip')
          .map((check) => (
            <li key={check.claim} data-check={check.claim} data-status={check.status}>
              <span aria-hidden="true" className="inline-block w-4 font-bold">{STATUS_ICON[check.status]}</span>
              <code className="font-mono">{check.claim}</code>: {check.message}
            </li>
          ))}
      </ul>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium">{t('ui-decoder.skewAndExpected')}</summary>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <label className="flex flex-col gap-1">
            <span>{t('ui-decoder.skewAllowed')}</span>
            <input
              type="number"
              min={0}
              step={1}
              data-testid="clock-skew"
              value={state.clockSkewSeconds}
              onChange={(event) => onChange({ clockSkewSeconds: Math.max(0, Number(event.target.value) || 0) })}
              className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
            />
          </label>
          {EXPECTED_FIELDS.map((field) => (
            <label key={field.name} className="flex flex-col gap-1">
              <span>{t(field.label)}</span>
              <input
                type="text"
                data-testid={`expected-${field.name}`}
                value={state.expected[field.name] ?? ''}
                onChange={(event) => onChange({ expected: { ...state.expected, [field.name]: event.target.value } })}
                className="rounded border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-600 dark:bg-zinc-900"
                spellCheck={false}
              />
            </label>
          ))}
        </div>
      </details>
    </Section>
  );
}
