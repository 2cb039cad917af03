'use client';

import { memo } from 'react';
import type { DecodedToken } from '@/lib/token';
import { BUTTON } from '@/components/common/button';
import { JsonView } from '@/components/common/JsonView';
import type { Plaintext } from './decoder-derived';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';

// The decoded token's own panes. Each is memoized and given only what it shows, so a keystroke
// in the key editor, a tick of the clock or a verdict arriving does not draw them again.

export const HeaderPane = memo(function HeaderPane({ decoded }: { decoded: DecodedToken }) {
  useLocale();
  if (!decoded.header) return <Missing what="header" />;
  return <JsonView testId="decoded-header" text={decoded.header.pretty} label={t('ui-decoder.labelDecodedHeader')} />;
});

export const PayloadPane = memo(function PayloadPane({ decoded, plaintext }: { decoded: DecodedToken; plaintext: Plaintext | undefined }) {
  useLocale();
  if (decoded.kind === 'jwe') {
    if (!plaintext) return <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('ui-decoder.encryptedNoKey')}</p>;
    const pretty = plaintext.isJson ? prettyJson(plaintext.text) : plaintext.text;
    return (
      <>
        {plaintext.nestedJws ? <p className="mb-1 text-sm">{t('ui-decoder.nestedPlaintext')}</p> : null}
        <JsonView testId="decoded-payload" text={pretty} label={t('ui-decoder.labelDecryptedPlaintext')} plain={!plaintext.isJson} />
      </>
    );
  }
  const payload = decoded.payload;
  if (!payload) return <Missing what="payload" />;
  if (payload.kind === 'json') return <JsonView testId="decoded-payload" text={payload.pretty} label={t('ui-decoder.labelDecodedPayload')} />;
  return (
    <>
      <p className="mb-1 text-sm font-medium text-amber-800 dark:text-amber-300">{t('ui-decoder.notClaimsSet', { note: payload.note })}</p>
      <JsonView testId="decoded-payload" text={payload.kind === 'text' ? payload.text : payload.hex} label={t('ui-decoder.labelPayload')} plain />
    </>
  );
});

/** What is wrong with the token (located), what was ignored around it, and its warnings. */
export const TokenNotes = memo(function TokenNotes({ decoded }: { decoded: DecodedToken }) {
  useLocale();
  const notes = decoded.issues.filter((issue) => issue.severity !== 'error');
  return (
    <div className="mt-2 space-y-1 text-sm">
      {decoded.error && !decoded.empty ? (
        <p data-testid="token-error" role="alert" className="rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          {decoded.error.message}
        </p>
      ) : null}
      {decoded.stripped.length > 0 ? (
        <p data-testid="token-stripped" className="text-zinc-700 dark:text-zinc-300">
          {t('ui-decoder.ignoredAround', { list: decoded.stripped.join(t('ui-decoder.listSeparator')) })}
        </p>
      ) : null}
      {notes.map((issue, index) => (
        <p key={index} data-testid={!decoded.error && !issue.informational ? 'token-warning' : undefined} className={issue.severity === 'warning' ? 'text-amber-800 dark:text-amber-300' : 'text-zinc-700 dark:text-zinc-300'}>
          {issue.severity === 'warning' ? t('ui-decoder.warning', { message: issue.message }) : issue.message}
        </p>
      ))}
    </div>
  );
});

export const EmptyState = memo(function EmptyState({ onSample }: { onSample: () => void }) {
  useLocale();
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">
      <p className="text-base font-medium">{t('ui-decoder.emptyTitle')}</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {withElements((values) => t('ui-decoder.emptyText', values), { bearer: <code>Bearer …</code>, authorization: <code>Authorization:</code> })}
      </p>
      <button type="button" onClick={onSample} className={`${BUTTON} mt-3`}>
        {t('ui-decoder.loadSampleToken')}
      </button>
    </div>
  );
});

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Missing({ what }: { what: 'header' | 'payload' }) {
  return (
    <p className="rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      {what === 'header' ? t('ui-decoder.missingHeader') : t('ui-decoder.missingPayload')}
    </p>
  );
}
