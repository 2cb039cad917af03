'use client';

import { useEffect, useState } from 'react';
import type { MakeTokenResult } from '@/lib/encoder/make-token';
import type { EncoderState } from './encoder-state';
import { INITIAL_ENCRYPTION } from './encrypt-state';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

/** While pending, `previous` is the last result, for older input. */
export type Signing = { state: 'pending'; previous?: MakeTokenResult } | { state: 'done'; result: MakeTokenResult };

/**
 * Signs whenever an input changes. The crypto modules load on first use so
 * the page starts without them; a result for older input is dropped, so the
 * output never shows a token for text the user has since changed.
 */
export function useSigning(state: EncoderState): Signing {
  const locale = useLocale();
  const output = state.output ?? 'jws';
  const encryption = state.encryption ?? INITIAL_ENCRYPTION;
  const inputKey = [
    state.header,
    state.payload,
    state.alg,
    state.key,
    state.secretEncoding,
    state.asTyped ? 'as-typed' : 'compact',
    output,
    ...(output === 'jws' ? [] : [encryption.alg, encryption.enc, encryption.key, encryption.secretEncoding, String(encryption.p2c)]),
    // The result's messages are worded in the language shown.
    locale,
  ].join('\u0000');
  const [result, setResult] = useState<{ for: string; value: MakeTokenResult } | null>(null);

  useEffect(() => {
    let current = true;
    const { header, payload, alg, key, secretEncoding, asTyped } = state;
    import('@/lib/encoder/make-token')
      .then(({ makeToken }) => makeToken({ header, payload, alg, key, secretEncoding, asTyped, output, encryption }))
      .then(
        (value) => {
          if (current) setResult({ for: inputKey, value });
        },
        (error: unknown) => {
          if (current) setResult({ for: inputKey, value: { ok: false, source: 'key', error: t('ui-encoder.failedUnexpectedly', { output, reason: String(error) }) } });
        },
      );
    return () => {
      current = false;
    };
    // inputKey covers every field of state that signing reads, and the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey]);

  if (!result || result.for !== inputKey) return { state: 'pending', previous: result?.value };
  return { state: 'done', result: result.value };
}
