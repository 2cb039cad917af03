'use client';

import { useEffect, useMemo, useState } from 'react';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { compareTokens, verifyBoth, type BothVerified, type DiffRow } from '@/lib/compare';
import type { LabInput, LabState } from './lab-state';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const CHANGE_STYLE: Record<DiffRow['change'], string> = {
  added: 'text-green-800 dark:text-green-300',
  removed: 'text-red-800 dark:text-red-300',
  changed: 'text-amber-800 dark:text-amber-300',
};

export function ComparePanel({ input, state, onChange }: { input: LabInput; state: LabState; onChange: (patch: Partial<LabState>) => void }) {
  const locale = useLocale();
  // The messages are worded in the language shown, so a change of language makes them again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const result = useMemo(() => (state.otherToken.trim() === '' ? null : compareTokens(input.token, state.otherToken)), [input.token, state.otherToken, locale]);
  const [keys, setKeys] = useState<{ for: string; value: BothVerified } | null>(null);
  const verifyKey = `${locale}\u0000${input.token}\u0000${state.otherToken}\u0000${input.keyText}\u0000${input.secretEncoding}`;
  const comparable = result?.ok === true;

  useEffect(() => {
    if (!comparable) return;
    let current = true;
    verifyBoth(input.token, state.otherToken, input.keyText, input.secretEncoding).then(
      (value) => {
        if (current) setKeys({ for: verifyKey, value });
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        const message = t('ui-lab.couldNotCheck', { reason });
        if (current) setKeys({ for: verifyKey, value: { first: { state: 'error', message }, second: { state: 'error', message }, summary: t('ui-lab.signaturesCouldNotCheck', { reason }) } });
      },
    );
    return () => {
      current = false;
    };
  }, [comparable, verifyKey, input.token, state.otherToken, input.keyText, input.secretEncoding]);

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('ui-lab.compareIntro')}</p>
      <CodeEditor testId="compare-input" label={t('ui-lab.compareLabel')} value={state.otherToken} onChange={(otherToken) => onChange({ otherToken })} height="6rem" placeholder={t('ui-lab.comparePlaceholder')} />
      {result && !result.ok ? (
        <p role="alert" data-testid="compare-error" className="rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          {result.error.message}
        </p>
      ) : null}
      {result?.ok ? (
        <div className="flex flex-col gap-3 text-sm" data-testid="compare-result">
          <ul className="space-y-1">
            <li data-testid="compare-alg">
              {t('ui-lab.algorithm')} <Change {...result.comparison.alg} />
            </li>
            <li data-testid="compare-kid">
              {t('ui-lab.keyId')} <Change {...result.comparison.kid} />
            </li>
            {result.comparison.lifetimes.before || result.comparison.lifetimes.after ? (
              <li data-testid="compare-lifetime">
                {t('ui-lab.lifetime', { first: result.comparison.lifetimes.before ?? t('ui-lab.noLifetime'), second: result.comparison.lifetimes.after ?? t('ui-lab.noLifetime') })}
              </li>
            ) : null}
            <li data-testid="compare-keys" data-first={keys?.for === verifyKey ? keys.value.first.state : undefined} data-second={keys?.for === verifyKey ? keys.value.second.state : undefined}>
              {t('ui-lab.sameKey')} {keys?.for === verifyKey ? keys.value.summary : t('ui-lab.checking')}
            </li>
          </ul>
          {result.comparison.rows.length === 0 ? (
            <p data-testid="compare-same">{result.comparison.identical ? t('ui-lab.identical') : t('ui-lab.onlySignature', { count: result.comparison.unchanged })}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">{t('ui-lab.differences')}</caption>
                <thead>
                  <tr className="border-b border-zinc-300 dark:border-zinc-700">
                    <th scope="col" className="py-1 pr-2">{t('ui-lab.name')}</th>
                    <th scope="col" className="py-1 pr-2">{t('ui-lab.change')}</th>
                    <th scope="col" className="py-1 pr-2">{t('ui-lab.firstToken')}</th>
                    <th scope="col" className="py-1 pr-2">{t('ui-lab.secondToken')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.comparison.rows.map((row) => (
                    <tr key={`${row.part}:${row.name}`} data-testid="diff-row" data-name={row.name} data-change={row.change} data-part={row.part} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                      <th scope="row" className="py-1 pr-2 font-mono font-normal">
                        {row.name}
                        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{row.part === 'header' ? t('ui-lab.partHeader') : t('ui-lab.partClaim')}</span>
                      </th>
                      <td className={`py-1 pr-2 font-medium ${CHANGE_STYLE[row.change]}`}>{t('ui-lab.changeKind', { change: row.change })}</td>
                      <td className="break-all py-1 pr-2 font-mono">
                        {row.before ?? '—'}
                        {row.time?.before ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{row.time.before}</span> : null}
                      </td>
                      <td className="break-all py-1 pr-2 font-mono">
                        {row.after ?? '—'}
                        {row.time?.after ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{row.time.after}</span> : null}
                        {row.time?.deltaText ? <span data-testid="diff-time-delta" className="block text-xs font-sans">{row.time.deltaText}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t('ui-lab.sameMembers', { count: result.comparison.unchanged })}</p>
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** A header member in both tokens: "a → b" when it changed, "a in both" when not. */
function Change({ changed, before, after }: { changed: boolean; before?: string | null; after?: string | null }) {
  const none = t('ui-lab.none');
  return changed ? <strong>{t('ui-lab.changedValue', { before: before ?? none, after: after ?? none })}</strong> : <>{t('ui-lab.inBoth', { value: before ?? none })}</>;
}
