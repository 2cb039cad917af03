'use client';

import { useEffect, useMemo, useState } from 'react';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { compareTokens, verifyBoth, type BothVerified, type DiffRow } from '@/lib/compare';
import type { LabInput, LabState } from './lab-state';

const CHANGE_STYLE: Record<DiffRow['change'], string> = {
  added: 'text-green-800 dark:text-green-300',
  removed: 'text-red-800 dark:text-red-300',
  changed: 'text-amber-800 dark:text-amber-300',
};

export function ComparePanel({ input, state, onChange }: { input: LabInput; state: LabState; onChange: (patch: Partial<LabState>) => void }) {
  const result = useMemo(() => (state.otherToken.trim() === '' ? null : compareTokens(input.token, state.otherToken)), [input.token, state.otherToken]);
  const [keys, setKeys] = useState<{ for: string; value: BothVerified } | null>(null);
  const verifyKey = `${input.token}\u0000${state.otherToken}\u0000${input.keyText}\u0000${input.secretEncoding}`;
  const comparable = result?.ok === true;

  useEffect(() => {
    if (!comparable) return;
    let current = true;
    verifyBoth(input.token, state.otherToken, input.keyText, input.secretEncoding).then(
      (value) => {
        if (current) setKeys({ for: verifyKey, value });
      },
      (error: unknown) => {
        const message = `could not be checked: ${error instanceof Error ? error.message : String(error)}`;
        if (current) setKeys({ for: verifyKey, value: { first: { state: 'error', message }, second: { state: 'error', message }, summary: `The signatures ${message}` } });
      },
    );
    return () => {
      current = false;
    };
  }, [comparable, verifyKey, input.token, state.otherToken, input.keyText, input.secretEncoding]);

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">Paste a second token to see what differs from the one above: &ldquo;why does the new token fail when the old one worked?&rdquo;</p>
      <CodeEditor testId="compare-input" label="Second token to compare with the first" value={state.otherToken} onChange={(otherToken) => onChange({ otherToken })} height="6rem" placeholder="Paste the second token here" />
      {result && !result.ok ? (
        <p role="alert" data-testid="compare-error" className="rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          {result.error.message}
        </p>
      ) : null}
      {result?.ok ? (
        <div className="flex flex-col gap-3 text-sm" data-testid="compare-result">
          <ul className="space-y-1">
            <li data-testid="compare-alg">
              Algorithm: {result.comparison.alg.changed ? <strong>{`${result.comparison.alg.before ?? '(none)'} → ${result.comparison.alg.after ?? '(none)'}`}</strong> : `${result.comparison.alg.before ?? '(none)'} in both`}
            </li>
            <li data-testid="compare-kid">
              Key ID (kid): {result.comparison.kid.changed ? <strong>{`${result.comparison.kid.before ?? '(none)'} → ${result.comparison.kid.after ?? '(none)'}`}</strong> : `${result.comparison.kid.before ?? '(none)'} in both`}
            </li>
            {result.comparison.lifetimes.before || result.comparison.lifetimes.after ? (
              <li data-testid="compare-lifetime">
                Lifetime: {result.comparison.lifetimes.before ?? 'none'} (first), {result.comparison.lifetimes.after ?? 'none'} (second)
              </li>
            ) : null}
            <li data-testid="compare-keys" data-first={keys?.for === verifyKey ? keys.value.first.state : undefined} data-second={keys?.for === verifyKey ? keys.value.second.state : undefined}>
              Same key: {keys?.for === verifyKey ? keys.value.summary : 'checking…'}
            </li>
          </ul>
          {result.comparison.rows.length === 0 ? (
            <p data-testid="compare-same">{result.comparison.identical ? 'The two tokens are identical.' : `No differences in the header or claims (${result.comparison.unchanged} members equal); only the signature differs.`}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">Differences between the two tokens</caption>
                <thead>
                  <tr className="border-b border-zinc-300 dark:border-zinc-700">
                    <th scope="col" className="py-1 pr-2">Name</th>
                    <th scope="col" className="py-1 pr-2">Change</th>
                    <th scope="col" className="py-1 pr-2">First token</th>
                    <th scope="col" className="py-1 pr-2">Second token</th>
                  </tr>
                </thead>
                <tbody>
                  {result.comparison.rows.map((row) => (
                    <tr key={`${row.part}:${row.name}`} data-testid="diff-row" data-name={row.name} data-change={row.change} data-part={row.part} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                      <th scope="row" className="py-1 pr-2 font-mono font-normal">
                        {row.name}
                        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{row.part === 'header' ? 'header' : 'claim'}</span>
                      </th>
                      <td className={`py-1 pr-2 font-medium ${CHANGE_STYLE[row.change]}`}>{row.change}</td>
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
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{result.comparison.unchanged} members are the same in both.</p>
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
