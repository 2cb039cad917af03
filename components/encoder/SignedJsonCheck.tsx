'use client';

import { useMemo } from 'react';
import { checkSignedJson, type JsonUse } from '@/lib/encoder/signed-json';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

interface SignedJsonCheckProps {
  /** Which editor this is about, in words: "header", "payload". */
  what: 'header' | 'payload';
  text: string;
  /** Show the exact JSON that is signed (for the payload, which is signed as this text). */
  showSigned?: boolean;
  /** What becomes of this JSON: signed (a JWS), encrypted (a JWE's payload) or sent (a JWE's protected header). */
  use?: JsonUse;
}

/**
 * Before signing: where the signed JSON differs from what the editor shows (repeated
 * members, integers beyond 2^53, numbers JSON.parse changes), and the exact JSON signed.
 * Says nothing while the text is not JSON: the editor's own message covers that.
 */
export function SignedJsonCheck({ what, text, showSigned = false, use = 'signed' }: SignedJsonCheckProps) {
  const locale = useLocale();
  // The messages are worded in the language shown, so a change of language makes them again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const report = useMemo(() => checkSignedJson(text, use), [text, use, locale]);
  if (!report.ok) return null;
  return (
    <div className="mt-2 text-sm">
      {report.problems.length > 0 ? (
        <div role="status" className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">
            {t('ui-encoder.differsFrom', { use, what })}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {report.problems.map((problem) => (
              <li key={`${problem.kind}-${problem.offset}`} data-testid="signed-json-warning" data-part={what} data-kind={problem.kind}>
                {problem.message}
              </li>
            ))}
          </ul>
          {report.more > 0 ? <p className="mt-1">{t('ui-encoder.andMore', { count: report.more })}</p> : null}
        </div>
      ) : null}
      {showSigned ? (
        <details className="mt-2" open={report.problems.length > 0}>
          <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">{t('ui-encoder.exactJson', { use })}</summary>
          <pre
            data-testid={`signed-${what}-json`}
            translate="no"
            className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
          >
            {report.signedText}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
