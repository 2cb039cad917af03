'use client';

import { useEffect, useState } from 'react';
import { CopyButton } from '@/components/common/CopyButton';
import type { SnippetSet } from '@/lib/snippets';
import { snippetFieldsOf } from '@/lib/snippets/fields-of';
import type { LabInput, LabState } from './lab-state';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const INPUT = 'w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900';

export function SnippetsPanel({ input, state, onChange }: { input: LabInput; state: LabState; onChange: (patch: Partial<LabState>) => void }) {
  const locale = useLocale();
  const { alg, kid, issuer, audience } = snippetFieldsOf(input.header, input.claims);
  const [result, setResult] = useState<{ set?: SnippetSet; note?: string; error?: string } | null>(null);

  useEffect(() => {
    let current = true;
    import('@/lib/snippets')
      .then(async ({ generateSnippets, snippetKeyFromText }) => {
        const { key, note } = await snippetKeyFromText(input.keyText, input.secretEncoding, state.jwksUrl, kid);
        return { set: generateSnippets({ alg, key, issuer, audience, token: input.token, include: state.include }), note };
      })
      .then(
        (value) => {
          if (current) setResult(value);
        },
        (error: unknown) => {
          if (current) setResult({ error: t('ui-lab.snippetsFailed', { reason: error instanceof Error ? error.message : String(error) }) });
        },
      );
    return () => {
      current = false;
    };
  }, [alg, kid, issuer, audience, input.token, input.keyText, input.secretEncoding, state.jwksUrl, state.include, locale]);

  if (alg === '' || alg === 'none') {
    return <p className="text-sm">{t('ui-lab.snippetsNeedSigned', { alg: alg === '' ? 'missing' : 'none' })}</p>;
  }
  if (result?.set && !result.set.ok) return <p className="text-sm">{result.set.message}</p>;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-zinc-700 dark:text-zinc-300">
        <SnippetsIntro alg={alg} checks={issuer && audience ? 'both' : issuer ? 'issuer' : audience ? 'audience' : 'none'} />
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="snippet-jwks-url" className="mb-1 block font-medium">
            {t('ui-lab.jwksUrl')}
          </label>
          <input id="snippet-jwks-url" data-testid="snippet-jwks-url" type="url" className={INPUT} placeholder="https://issuer.example/.well-known/jwks.json" value={state.jwksUrl} onChange={(event) => onChange({ jwksUrl: event.target.value })} />
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" data-testid="snippet-include" checked={state.include} onChange={(event) => onChange({ include: event.target.checked })} />
          {t('ui-lab.includeSecrets')}
        </label>
      </div>
      {result?.note ? <p data-testid="snippet-note">{result.note}</p> : null}
      {result?.error ? (
        <p role="alert" data-testid="snippet-error" className="text-red-800 dark:text-red-300">
          {result.error}
        </p>
      ) : null}
      {(result?.set?.ok ? result.set.snippets : []).map((snippet) => (
        <figure key={snippet.id} data-testid="snippet" data-lang={snippet.lang} data-snippet={snippet.id} className="rounded-md border border-zinc-300 dark:border-zinc-700">
          <figcaption className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-300 px-2 py-1 dark:border-zinc-700">
            <span className="font-medium">{snippet.title}</span>
            <CopyButton text={snippet.code} label={t('ui-lab.copySnippet', { title: snippet.title })} />
          </figcaption>
          <pre tabIndex={0} className="max-h-80 overflow-auto p-2 font-mono text-xs focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600">
            <code>{snippet.code}</code>
          </pre>
        </figure>
      ))}
    </div>
  );
}

const TOKEN_MARK = '\u0000';
const SECRET_MARK = '\u0001';

/** The intro sentence, translated whole, with the environment variable names kept as code. */
function SnippetsIntro({ alg, checks }: { alg: string; checks: 'both' | 'issuer' | 'audience' | 'none' }) {
  const parts = t('ui-lab.snippetsIntro', { alg, checks, tokenVar: TOKEN_MARK, secretVar: SECRET_MARK }).split(/(\u0000|\u0001)/);
  return (
    <>
      {parts.map((part, index) =>
        part === TOKEN_MARK ? <code key={index}>JWT</code> : part === SECRET_MARK ? <code key={index}>JWT_SECRET</code> : part,
      )}
    </>
  );
}
