'use client';

import { useEffect, useState } from 'react';
import { CopyButton } from '@/components/common/CopyButton';
import type { AttackResult } from '@/lib/attacks';
import type { LabInput, LabState } from './lab-state';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const SCROLL_BOX = 'overflow-auto rounded bg-zinc-100 p-1 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-zinc-900';
const INPUT = 'w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900';

export function VerifierTests({ input, state, onChange }: { input: LabInput; state: LabState; onChange: (patch: Partial<LabState>) => void }) {
  const locale = useLocale();
  const [result, setResult] = useState<{ for: string; value: AttackResult } | null>(null);
  const runKey = `${locale}\u0000${input.token}\u0000${input.keyText}\u0000${input.secretEncoding}\u0000${state.jkuUrl}`;

  useEffect(() => {
    let current = true;
    const run = async () => {
      const { generateAttacks } = await import('@/lib/attacks');
      return generateAttacks({ token: input.token, keyText: input.keyText, secretEncoding: input.secretEncoding, jkuUrl: state.jkuUrl });
    };
    run().then(
      (value) => {
        if (current) setResult({ for: runKey, value });
      },
      (error: unknown) => {
        if (current) setResult({ for: runKey, value: { ok: false, error: t('ui-lab.variantsFailed', { reason: String(error) }) } });
      },
    );
    return () => {
      current = false;
    };
  }, [runKey, input.token, input.keyText, input.secretEncoding, state.jkuUrl]);

  const value = result?.value;
  const stale = result?.for !== runKey;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p data-testid="attack-notice" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100">
        <strong>{t('ui-lab.attackNoticeLead')}</strong> {t('ui-lab.attackNoticeRest')}
      </p>
      <div>
        <label htmlFor="attack-jku-url" className="mb-1 block font-medium">
          {t('ui-lab.jkuAddress')}
        </label>
        <input id="attack-jku-url" data-testid="attack-jku-url" type="url" className={INPUT} placeholder="https://attacker.example/jwks.json" value={state.jkuUrl} onChange={(event) => onChange({ jkuUrl: event.target.value })} />
      </div>
      {!value ? <p aria-live="polite">{t('ui-lab.makingVariants')}</p> : null}
      {value && !value.ok ? (
        <p role="alert" data-testid="attack-error" className="text-red-800 dark:text-red-300">
          {value.error}
        </p>
      ) : null}
      {value?.ok ? (
        <>
          <ul className="flex flex-col gap-2" aria-busy={stale}>
            {value.variants.map((variant) => (
              <li key={variant.id} data-testid="attack-variant" data-attack={variant.attack} data-id={variant.id} data-token={variant.token} className="rounded-md border border-zinc-300 p-2 dark:border-zinc-700">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">{variant.title}</span>
                  <CopyButton text={variant.token} label={t('ui-lab.copyVariant', { title: variant.title })} />
                </div>
                <p className="text-zinc-700 dark:text-zinc-300">
                  {variant.why} <span className="whitespace-nowrap text-xs text-zinc-600 dark:text-zinc-400">({variant.reference})</span>
                </p>
                {/* A long token scrolls in its box: focusable and named, so a keyboard can reach and scroll it. */}
                <div role="group" tabIndex={0} aria-label={t('ui-lab.variantToken', { title: variant.title })} className={`mt-1 max-h-24 ${SCROLL_BOX}`}>
                  <code className="break-all font-mono text-xs">{variant.token}</code>
                </div>
                {variant.extra ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs">{variant.extra.label}</summary>
                    <div className="mt-1 flex items-start gap-2">
                      <pre role="group" tabIndex={0} aria-label={variant.extra.label} className={`max-h-40 min-w-0 flex-1 whitespace-pre-wrap break-all font-mono text-xs ${SCROLL_BOX}`}>
                        {variant.extra.text}
                      </pre>
                      <CopyButton text={variant.extra.text} label={variant.extra.label} />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
          {value.skipped.length > 0 ? (
            <div>
              <p className="font-medium">{t('ui-lab.notMade')}</p>
              <ul className="list-disc pl-5 text-zinc-700 dark:text-zinc-300" data-testid="attack-skipped">
                {value.skipped.map((skip, index) => (
                  <li key={index} data-attack={skip.attack}>
                    {skip.attack}: {skip.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
