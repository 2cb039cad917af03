'use client';

import { useEffect, useState } from 'react';
import type { SignTextResult } from '@/lib/encoder/sign-text';
import type { EncoderState } from './encoder-state';

/** While pending, `previous` is the last result, for older input. */
export type Signing = { state: 'pending'; previous?: SignTextResult } | { state: 'done'; result: SignTextResult };

/**
 * Signs whenever an input changes. The crypto modules load on first use so
 * the page starts without them; a result for older input is dropped, so the
 * output never shows a token for text the user has since changed.
 */
export function useSigning(state: EncoderState): Signing {
  const inputKey = [state.header, state.payload, state.alg, state.key, state.secretEncoding, state.asTyped ? 'as-typed' : 'compact'].join('\u0000');
  const [result, setResult] = useState<{ for: string; value: SignTextResult } | null>(null);

  useEffect(() => {
    let current = true;
    const { header, payload, alg, key, secretEncoding, asTyped } = state;
    import('@/lib/encoder/sign-text')
      .then(({ signFromText }) => signFromText({ header, payload, alg, key, secretEncoding, asTyped }))
      .then(
        (value) => {
          if (current) setResult({ for: inputKey, value });
        },
        (error: unknown) => {
          if (current) setResult({ for: inputKey, value: { ok: false, source: 'key', error: `Signing failed unexpectedly: ${String(error)}` } });
        },
      );
    return () => {
      current = false;
    };
    // inputKey covers every field of state that signing reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey]);

  if (!result || result.for !== inputKey) return { state: 'pending', previous: result?.value };
  return { state: 'done', result: result.value };
}
