'use client';

import { useEffect, useMemo, useState } from 'react';
import { checkOidc, oidcTokenKind, type OidcCheck, type OidcReport } from '@/lib/oidc';
import { Section } from '@/components/common/Section';
import type { ChecksPanelProps, DecoderState } from './decoder-state';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

const ICON = { pass: '✓', fail: '✗', unchecked: '–' } as const;
const COLOUR = {
  pass: 'text-emerald-800 dark:text-emerald-300',
  fail: 'text-red-800 dark:text-red-300',
  unchecked: 'text-zinc-600 dark:text-zinc-400',
} as const;
const STATE_LABEL = { pass: 'ui-decoder.checkPass', fail: 'ui-decoder.checkFail', unchecked: 'ui-decoder.checkUnchecked' } as const;
const INPUT = 'w-full min-w-0 rounded border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-600 dark:bg-zinc-900';

type OidcInputs = NonNullable<DecoderState['oidc']>;

interface Field {
  name: keyof OidcInputs;
  testId: string;
  /** A message ID, read in the language shown. */
  label: Parameters<typeof t>[0];
}

const ID_TOKEN_FIELDS: Field[] = [
  { name: 'clientId', testId: 'oidc-expected-client-id', label: 'ui-decoder.oidcClientId' },
  { name: 'nonce', testId: 'oidc-expected-nonce', label: 'ui-decoder.oidcNonce' },
  { name: 'maxAge', testId: 'oidc-max-age', label: 'ui-decoder.oidcMaxAge' },
  { name: 'accessToken', testId: 'oidc-access-token', label: 'ui-decoder.oidcAccessToken' },
  { name: 'code', testId: 'oidc-code', label: 'ui-decoder.oidcCode' },
];
const ACCESS_TOKEN_FIELDS: Field[] = [{ name: 'clientId', testId: 'oidc-expected-client-id', label: 'ui-decoder.oidcExpectedClientId' }];

/** OpenID Connect ID token checks, or RFC 9068 access token checks, for a token that is one (see `oidcTokenKind`). */
export function OidcChecks({ header, claims, now, state, onChange }: ChecksPanelProps) {
  // The check messages are worded by lib/oidc in the language shown: a change of language runs them again.
  const locale = useLocale();
  const kind = oidcTokenKind(header, claims);
  const inputs = useMemo(() => state.oidc ?? {}, [state.oidc]);
  const [report, setReport] = useState<OidcReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const expected = { ...inputs, issuer: state.expected.iss, audience: state.expected.aud };
    checkOidc(header, claims, { now, clockSkewSeconds: state.clockSkewSeconds, expected }).then(
      (next) => {
        if (!current) return;
        setReport(next);
        setFailure(null);
      },
      (error: unknown) => {
        if (current) setFailure(t('ui-decoder.oidcFailed', { reason: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [header, claims, now, inputs, state.expected.iss, state.expected.aud, state.clockSkewSeconds, locale]);

  if (kind === null) return null;
  const idToken = kind === 'id-token';
  const checks = report?.kind === kind ? report.checks : [];
  const fields = idToken ? ID_TOKEN_FIELDS : ACCESS_TOKEN_FIELDS;
  const setInput = (name: keyof OidcInputs, value: string) => onChange({ oidc: { ...inputs, [name]: value } });

  return (
    <Section id="oidc-heading" title={idToken ? t('ui-decoder.idTokenChecks') : t('ui-decoder.accessTokenChecks')}>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {idToken ? t('ui-decoder.idTokenExplained') : t('ui-decoder.accessTokenExplained')}
      </p>
      {failure !== null ? (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {failure}
        </p>
      ) : null}
      {checks.length > 0 ? <p className="mt-2 text-sm font-medium">{summary(checks)}</p> : null}
      <ul className="mt-2 space-y-1 text-sm">
        {checks.map((check) => (
          <li key={check.check} data-testid="oidc-check" data-check={check.check} data-state={check.state} className="[overflow-wrap:anywhere]">
            <span aria-hidden="true" className={`inline-block w-4 font-bold ${COLOUR[check.state]}`}>
              {ICON[check.state]}
            </span>
            <code className="font-mono">{check.check}</code> <span className={`font-medium ${COLOUR[check.state]}`}>{t(STATE_LABEL[check.state])}</span>: {check.message}
          </li>
        ))}
      </ul>
      <div className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
        <label className="flex min-w-0 flex-col gap-1">
          <span>{t('ui-decoder.oidcIssuer')}</span>
          <input
            type="text"
            data-testid="oidc-expected-issuer"
            value={state.expected.iss ?? ''}
            onChange={(event) => onChange({ expected: { ...state.expected, iss: event.target.value } })}
            className={INPUT}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        {fields.map((field) => (
          <label key={field.name} className="flex min-w-0 flex-col gap-1">
            <span>{t(field.label)}</span>
            <input
              type="text"
              inputMode={field.name === 'maxAge' ? 'numeric' : undefined}
              data-testid={field.testId}
              value={inputs[field.name] ?? ''}
              onChange={(event) => setInput(field.name, event.target.value)}
              className={INPUT}
              spellCheck={false}
              autoComplete="off"
            />
          </label>
        ))}
      </div>
      {idToken ? (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{t('ui-decoder.oidcStaysHere')}</p>
      ) : null}
    </Section>
  );
}

function summary(checks: OidcCheck[]): string {
  const count = (state: OidcCheck['state']) => checks.filter((check) => check.state === state).length;
  return t('ui-decoder.oidcSummary', { passed: String(count('pass')), failed: String(count('fail')), unchecked: String(count('unchecked')) });
}
