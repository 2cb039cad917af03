'use client';

import { useEffect, useId, useState } from 'react';
import { Section } from '@/components/common/Section';
import { checkDpopProof, type DpopCheck, type DpopResult } from '@/lib/dpop';
import { STATUS_LOOK } from '@/components/sdjwt/status-look';
import { describeTypValue } from '@/lib/claims/typ-values';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';
import { t } from './messages';

const CHECK_LOOK: Record<DpopCheck['state'], { icon: string; word: () => string; className: string }> = {
  pass: { icon: '✓', word: () => t('ui-dpop.passed'), className: 'text-emerald-800 dark:text-emerald-300' },
  fail: { icon: '✗', word: () => t('ui-dpop.failed'), className: 'text-red-800 dark:text-red-300' },
  info: { icon: '○', word: () => t('ui-dpop.notChecked'), className: 'text-zinc-700 dark:text-zinc-300' },
};

const INPUT =
  'w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100';

/** A DPoP proof (RFC 9449): checked with the key in its own header, and against the access token sent beside it. */
export function DpopPanel({ proof, now, asOf }: { proof: string; now: number; /** The "check as of" time (ms), when one is set: iat is judged as of then. */ asOf?: number }) {
  const [accessToken, setAccessToken] = useState('');
  const [method, setMethod] = useState('');
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<{ for: string; value: DpopResult } | null>(null);
  // The checks are worded when they are made: a new language makes them again.
  const locale = useLocale();
  // As of a chosen time, exactly; on the live clock, re-checked as time passes (iat freshness) at most every 5 s.
  const judgedAt = asOf !== undefined ? Math.floor(asOf / 1000) : Math.floor(now / 1000 / 5) * 5;
  // What the verdict is for. On the live clock, the verdict of a few seconds ago still stands while the clock's re-check runs.
  const inputsKey = JSON.stringify([proof, accessToken, method, url, asOf !== undefined ? judgedAt : 'live', locale]);
  useEffect(() => {
    let current = true;
    const options = { now: judgedAt, asOf: asOf !== undefined, accessToken: accessToken || undefined, method: method.trim() || undefined, url: url.trim() || undefined };
    checkDpopProof(proof, options).then(
      (value) => {
        if (current) setResult({ for: inputsKey, value });
      },
      (error: unknown) => {
        if (current) setResult({ for: inputsKey, value: { ok: false, error: t('ui-dpop.couldNotCheck', { reason: String(error) }) } });
      },
    );
    return () => {
      current = false;
    };
  }, [inputsKey, proof, accessToken, method, url, judgedAt, asOf]);

  const id = useId();
  // Only a result for these inputs is shown; until it arrives, "checking".
  const value = result?.for === inputsKey ? result.value : undefined;
  const state = !value ? 'unverified' : value.ok ? value.state : 'error';
  const unchecked = value?.ok && value.state === 'valid' ? value.unchecked : [];
  return (
    <Section id="dpop-heading" title={t('ui-dpop.title')}>
      <div className="space-y-3 text-sm">
        <p className="text-zinc-700 dark:text-zinc-300">
          {withElements((values) => t('ui-dpop.intro', values), { typ: <code>dpop+jwt</code>, jwk: <code>jwk</code>, jkt: <code>cnf.jkt</code> })}
        </p>
        <p data-testid="typ-meaning" className="text-zinc-700 dark:text-zinc-300">
          <code>typ: dpop+jwt</code>: {describeTypValue('dpop+jwt')}
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          <label className="block" htmlFor={`${id}-method`}>
            <span className="mb-0.5 block font-medium">{t('ui-dpop.methodLabel')}</span>
            <input id={`${id}-method`} data-testid="dpop-method" className={INPUT} value={method} placeholder={t('ui-dpop.methodPlaceholder')} onChange={(e) => setMethod(e.target.value)} />
          </label>
          <label className="block" htmlFor={`${id}-url`}>
            <span className="mb-0.5 block font-medium">{t('ui-dpop.urlLabel')}</span>
            <input id={`${id}-url`} data-testid="dpop-url" className={INPUT} value={url} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
          </label>
        </div>
        <label className="block" htmlFor={`${id}-at`}>
          <span className="mb-0.5 block font-medium">{t('ui-dpop.accessTokenLabel')}</span>
          <textarea
            id={`${id}-at`}
            data-testid="dpop-access-token"
            className={`${INPUT} h-20 resize-y break-all`}
            value={accessToken}
            spellCheck={false}
            placeholder={t('ui-dpop.accessTokenPlaceholder')}
            onChange={(e) => setAccessToken(e.target.value)}
          />
        </label>
        <div data-testid="dpop-status" data-state={state} aria-live="polite" aria-busy={!value} className={`rounded-md border-l-4 px-3 py-2 [overflow-wrap:anywhere] ${STATUS_LOOK[state]}`}>
          <p className="font-semibold" data-testid="dpop-headline">
            {state === 'valid'
              ? unchecked.length > 0
                ? t('ui-dpop.validAsFarAsChecked')
                : t('ui-dpop.valid')
              : state === 'invalid'
                ? t('ui-dpop.rejected')
                : state === 'error'
                  ? t('ui-dpop.cannotCheck')
                  : t('ui-dpop.checking')}
            {value?.ok && asOf !== undefined ? ` ${t('ui-dpop.asOf', { time: new Date(judgedAt * 1000).toISOString() })}` : ''}
          </p>
          {unchecked.length > 0 ? <p data-testid="dpop-unchecked">{t('ui-dpop.unchecked', { list: unchecked.join('; ') })}</p> : null}
          {value && !value.ok ? <p>{value.error}</p> : null}
          {value?.ok ? (
            <ul className="mt-1 space-y-0.5">
              {value.checks.map((check) => (
                <li key={check.id} data-testid="dpop-check" data-check={check.id} data-state={check.state}>
                  <span aria-hidden="true" className={CHECK_LOOK[check.state].className}>
                    {CHECK_LOOK[check.state].icon}{' '}
                  </span>
                  <span className="sr-only">{CHECK_LOOK[check.state].word()}: </span>
                  <span className="font-mono">{check.id}</span>: {check.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </Section>
  );
}
