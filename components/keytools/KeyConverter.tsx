'use client';

import { useEffect, useId, useState } from 'react';
import { OptionSelect } from '@/components/common/OptionSelect';
import type { ConvertResult, ConvertTarget } from '@/lib/encoder/key-convert';
import { CopyButton } from '@/components/common/CopyButton';

// Kept here (not imported from the module) so the dialog's first render needs no key code.
const TARGETS: { value: ConvertTarget; label: string }[] = [
  { value: 'spki-pem', label: 'Public key, PEM (SPKI)' },
  { value: 'public-jwk', label: 'Public key, JWK' },
  { value: 'jwks', label: 'Public JWKS' },
  { value: 'pkcs8-pem', label: 'Private key, PEM (PKCS#8)' },
  { value: 'private-jwk', label: 'Private key, JWK' },
  { value: 'thumbprint', label: 'JWK thumbprint (RFC 7638)' },
];

export function KeyConverter() {
  const [input, setInput] = useState('');
  const [target, setTarget] = useState<ConvertTarget>('spki-pem');
  const [result, setResult] = useState<{ for: string; value: ConvertResult } | null>(null);
  const inputId = useId();
  const targetId = useId();
  const outputId = useId();
  const forKey = `${target}\u0000${input}`;

  useEffect(() => {
    if (input.trim() === '') return;
    let current = true;
    const forInput = `${target}\u0000${input}`;
    import('@/lib/encoder/key-convert')
      .then(({ convertKeyText }) => convertKeyText(input, target))
      .then(
        (value) => {
          if (current) setResult({ for: forInput, value });
        },
        (error: unknown) => {
          if (current) setResult({ for: forInput, value: { ok: false, error: `The key could not be converted: ${error instanceof Error ? error.message : String(error)}` } });
        },
      );
    return () => {
      current = false;
    };
  }, [input, target]);

  const value = input.trim() !== '' && result?.for === forKey ? result.value : null;
  const output = value?.ok ? value.output : '';

  return (
    <section aria-labelledby="convert-heading" className="space-y-3">
      <h3 id="convert-heading" className="text-base font-semibold">
        Convert a key
      </h3>
      <div>
        <label htmlFor={inputId} className="mb-1 block text-sm">
          Paste a key: PEM (PKCS#8, PKCS#1, SEC1, SPKI, certificate) or JWK
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
        <label htmlFor={targetId}>Convert to</label>
        <OptionSelect id={targetId} testId="convert-target" value={target} options={TARGETS} onChange={setTarget} />
        {output ? <CopyButton text={output} label="Copy the converted key" /> : null}
      </div>
      <p data-testid="convert-status" aria-live="polite" className={`text-sm ${value && !value.ok ? 'text-red-800 dark:text-red-200' : 'text-zinc-700 dark:text-zinc-300'}`}>
        {value === null
          ? input.trim() === ''
            ? 'The result appears here.'
            : 'Converting…'
          : value.ok
            ? `Read ${value.inputLabel}. Thumbprint ${value.kid}.${value.notes.length > 0 ? ` ${value.notes.join(' ')}` : ''}`
            : value.error}
      </p>
      <div>
        <label htmlFor={outputId} className="mb-1 block text-sm">
          Result
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
