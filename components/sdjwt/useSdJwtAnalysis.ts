'use client';

import { useEffect, useState } from 'react';
import { analyseSdJwt, splitSdJwt, verifyKeyBinding, type KeyBindingResult, type SdJwtAnalysis } from '@/lib/sdjwt';

export interface SdJwtView {
  analysis: SdJwtAnalysis;
  keyBinding: KeyBindingResult;
}

/** Runs the (asynchronous: digests use WebCrypto) SD-JWT processing whenever the input changes. */
export function useSdJwtAnalysis(sdJwt: string, header: Record<string, unknown> | null, payload: Record<string, unknown> | null): { view: SdJwtView | null; error: string | null; pending: boolean } {
  const [result, setResult] = useState<{ for: string; view: SdJwtView | null; error: string | null } | null>(null);
  useEffect(() => {
    let current = true;
    const layout = splitSdJwt(sdJwt);
    if (!layout) return;
    (async () => {
      const analysis = await analyseSdJwt(layout, payload, { header });
      const keyBinding = await verifyKeyBinding(layout, analysis.claims, analysis.sdAlg);
      return { analysis, keyBinding };
    })().then(
      (view) => {
        if (current) setResult({ for: sdJwt, view, error: null });
      },
      (error: unknown) => {
        if (current) setResult({ for: sdJwt, view: null, error: `The SD-JWT could not be processed: ${String(error)}` });
      },
    );
    return () => {
      current = false;
    };
  }, [sdJwt, header, payload]);
  return { view: result?.view ?? null, error: result?.error ?? null, pending: result?.for !== sdJwt };
}
