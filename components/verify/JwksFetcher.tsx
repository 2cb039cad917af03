'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import type { FetchedUrl, JwksFetchResult } from '@/lib/jwks';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';
import { withElements } from '@/components/common/with-elements';

const BUTTON =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800';

interface Outcome {
  what: 'fetch' | 'discover';
  result: JwksFetchResult;
}

/**
 * Fetches a JWKS from a URL, or discovers it from the token's issuer, only on
 * a click. The browser asks the URL directly; the result goes into the key editor.
 */
export function JwksFetcher({ issuer, onKeySet }: { issuer: string | undefined; onKeySet: (jwksText: string) => void }) {
  useLocale();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState<Outcome['what'] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const latest = useRef(0);
  const inputId = useId();

  const run = async (what: Outcome['what'], target: string) => {
    const request = ++latest.current;
    setBusy(what);
    let result: JwksFetchResult;
    try {
      const jwks = await import('@/lib/jwks');
      result = what === 'fetch' ? await jwks.fetchJwks(target) : await jwks.discoverJwks(target);
    } catch (error) {
      result = { ok: false, error: t('ui-verify.fetchFailed', { reason: error instanceof Error ? error.message : String(error) }), fetched: [] };
    }
    if (request !== latest.current) return;
    setBusy(null);
    setOutcome({ what, result });
    if (result.ok) onKeySet(result.jwksText);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim() !== '') void run('fetch', url.trim());
  };

  return (
    <div className="mt-3 rounded-md border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700" data-testid="jwks-panel">
      <h3 className="font-medium">{t('ui-verify.fetchHeading')}</h3>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">{t('ui-verify.fetchExplained')}</p>
      <form onSubmit={onSubmit} className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="sr-only">
          {t('ui-verify.urlLabel')}
        </label>
        <input
          id={inputId}
          type="url"
          data-testid="jwks-url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://issuer.example/.well-known/jwks.json"
          spellCheck={false}
          autoComplete="off"
          className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-sm dark:border-zinc-600 dark:bg-zinc-900"
        />
        <button type="submit" data-testid="jwks-fetch" className={BUTTON} disabled={busy !== null || url.trim() === ''}>
          {busy === 'fetch' ? t('ui-verify.fetching') : t('ui-verify.fetch')}
        </button>
      </form>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button
          type="button"
          data-testid="jwks-discover"
          className={BUTTON}
          disabled={busy !== null || issuer === undefined}
          onClick={() => issuer !== undefined && void run('discover', issuer)}
        >
          {busy === 'discover' ? t('ui-verify.discovering') : t('ui-verify.discover')}
        </button>
        <span className="break-all text-zinc-700 dark:text-zinc-300">
          {issuer !== undefined ? <IssuerNote issuer={issuer} /> : t('ui-verify.noIssuer')}
        </span>
      </div>
      {outcome ? <FetchReport outcome={outcome} /> : null}
    </div>
  );
}

function IssuerNote({ issuer }: { issuer: string }) {
  return withElements((values) => t('ui-verify.discoverWhat', values), { issuer: <code className="font-mono">{issuer}</code> });
}

function FetchReport({ outcome }: { outcome: Outcome }) {
  useLocale();
  const { result } = outcome;
  return (
    <div className="mt-2 space-y-1" aria-live="polite">
      {result.ok ? (
        <p data-testid="jwks-success" className="text-emerald-900 dark:text-emerald-200">
          {t('ui-verify.fetched', { count: result.keyCount, n: String(result.keyCount) })}
        </p>
      ) : (
        <p data-testid="jwks-error" role="alert" className="text-red-800 dark:text-red-200">
          {result.error}
        </p>
      )}
      {result.fetched.length > 0 ? (
        <div>
          <p className="font-medium">{t('ui-verify.requestsMade')}</p>
          <ul data-testid="jwks-fetched" className="list-disc pl-5">
            {result.fetched.map((entry, position) => (
              <li key={position} data-url={entry.url} data-ok={entry.ok ? 'true' : 'false'}>
                <code className="break-all font-mono">GET {entry.url}</code> {statusText(entry)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function statusText(entry: FetchedUrl): string {
  if (entry.status === null) return t('ui-verify.noResponse');
  const status = String(entry.status);
  return entry.ok ? t('ui-verify.httpStatus', { status }) : t('ui-verify.httpStatusFailed', { status });
}
