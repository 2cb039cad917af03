'use client';

import { useEffect, useId, useState } from 'react';
import { OptionSelect } from '@/components/common/OptionSelect';
import type { ConvertResult, ConvertTarget } from '@/lib/encoder/key-convert';
import { CopyButton } from '@/components/common/CopyButton';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

// Kept here (not imported from the module) so the dialog's first render needs no key code.
const targets = (): { value: ConvertTarget; label: string }[] => [
  { value: 'spki-pem', label: t('ui-keytools.publicPem') },
  { value: 'public-jwk', label: t('ui-keytools.publicJwk') },
  { value: 'jwks', label: t('ui-keytools.publicJwks') },
  { value: 'pkcs8-pem', label: t('ui-keytools.privatePem') },
  { value: 'private-jwk', label: t('ui-keytools.privateJwk') },
  { value: 'thumbprint', label: t('ui-keytools.thumbprintTarget') },
];

export function KeyConverter() {
  const locale = useLocale();
  const [input, setInput] = useState('');
  const [target, setTarget] = useState<ConvertTarget>('spki-pem');
  const [result, setResult] = useState<{ for: string; value: ConvertResult } | null>(null);
  const inputId = useId();
  const targetId = useId();
  const outputId = useId();
  // The language is part of the key: the result's words are redone in the language shown.
  const forKey = `${locale}\u0000${target}\u0000${input}`;

  useEffect(() => {
    if (input.trim() === '') return;
    let current = true;
    const forInput = `${locale}\u0000${target}\u0000${input}`;
    import('@/lib/encoder/key-convert')
      .then(({ convertKeyText }) => convertKeyText(input, target))
      .then(
        (value) => {
          if (current) setResult({ for: forInput, value });
        },
        (error: unknown) => {
          if (current) setResult({ for: forInput, value: { ok: false, error: t('ui-keytools.convertFailed', { reason: error instanceof Error ? error.message : String(error) }) } });
        },
      );
    return () => {
      current = false;
    };
  }, [input, target, locale]);

  const value = input.trim() !== '' && result?.for === forKey ? result.value : null;
  const output = value?.ok ? value.output : '';

  return (
    <section aria-labelledby="convert-heading" className="space-y-3">
      <h3 id="convert-heading" className="text-base font-semibold">
        {t('ui-keytools.convertHeading')}
      </h3>
      <div>
        <label htmlFor={inputId} className="mb-1 block text-sm">
          {t('ui-keytools.pasteKey')}
        </label>
        <textarea
          id={inputId}
          data-testid="convert-input"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          rows={6}
          spellCheck={false}
          autoComplete="off"
          className="block w-full resize-y rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs break-all dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={targetId}>{t('ui-keytools.convertTo')}</label>
        <OptionSelect id={targetId} testId="convert-target" value={target} options={targets()} onChange={setTarget} />
        {output ? <CopyButton text={output} label={t('ui-keytools.copyConverted')} /> : null}
      </div>
      <p data-testid="convert-status" aria-live="polite" className={`text-sm ${value && !value.ok ? 'text-red-800 dark:text-red-200' : 'text-zinc-700 dark:text-zinc-300'}`}>
        {value === null
          ? input.trim() === ''
            ? t('ui-keytools.resultAppears')
            : t('ui-keytools.converting')
          : value.ok
            ? [t('ui-keytools.converted', { input: value.inputLabel, kid: value.kid }), ...value.notes].join(' ')
            : value.error}
      </p>
      <div>
        <label htmlFor={outputId} className="mb-1 block text-sm">
          {t('ui-keytools.result')}
        </label>
        <textarea
          id={outputId}
          data-testid="convert-output"
          readOnly
          value={output}
          rows={8}
          spellCheck={false}
          className="block w-full resize-y rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs break-all dark:border-zinc-700 dark:bg-zinc-950"
        />
      </div>
    </section>
  );
}
