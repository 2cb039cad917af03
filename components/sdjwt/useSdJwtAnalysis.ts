'use client';

import { useEffect, useState } from 'react';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';
import { analyseSdJwt, splitSdJwt, verifyKeyBinding, type KeyBindingOptions, type KeyBindingResult, type SdJwtAnalysis, type SdJwtLayout } from '@/lib/sdjwt';

export interface SdJwtView {
  analysis: SdJwtAnalysis;
  layout: SdJwtLayout;
}

/**
 * Runs the (asynchronous: digests use WebCrypto) SD-JWT processing whenever the SD-JWT
 * changes. Only a result for the current input is returned: an older one is never shown
 * for a newer SD-JWT. A failure becomes an error to show, never an endless "checking".
 */
export function useSdJwtAnalysis(sdJwt: string, header: Record<string, unknown> | null, payload: Record<string, unknown> | null): { view: SdJwtView | null; error: string | null; pending: boolean } {
  const [result, setResult] = useState<{ for: string; view: SdJwtView | null; error: string | null } | null>(null);
  // The findings are worded when they are made: a new language makes them again.
  const locale = useLocale();
  const inputs = `${locale}\u0000${sdJwt}`;
  useEffect(() => {
    let current = true;
    (async () => {
      const layout = splitSdJwt(sdJwt);
      if (!layout) throw new Error(t('ui-sdjwt.noTilde'));
      const analysis = await analyseSdJwt(layout, payload, { header });
      return { analysis, layout };
    })().then(
      (view) => {
        if (current) setResult({ for: inputs, view, error: null });
      },
      (error: unknown) => {
        if (current) setResult({ for: inputs, view: null, error: t('ui-sdjwt.couldNotProcess', { reason: error instanceof Error ? error.message : String(error) }) });
      },
    );
    return () => {
      current = false;
    };
  }, [inputs, sdJwt, header, payload]);
  const known = result?.for === inputs ? result : null;
  return { view: known?.view ?? null, error: known?.error ?? null, pending: known === null };
}

/** The key binding verdict for this analysis and these expectations; null while it is being checked. */
export function useKeyBinding(view: SdJwtView | null, options: KeyBindingOptions): KeyBindingResult | null {
  const [result, setResult] = useState<{ for: SdJwtView; inputs: string; value: KeyBindingResult } | null>(null);
  const locale = useLocale();
  const key = JSON.stringify(options);
  // What the verdict is for (in which language, too). On the live clock, the verdict of a few seconds ago still stands while the clock's re-check runs.
  const inputs = JSON.stringify({ ...options, now: options.asOf ? options.now : 'live', locale });
  useEffect(() => {
    if (!view) return;
    let current = true;
    const parsed = JSON.parse(key) as KeyBindingOptions;
    verifyKeyBinding(view.layout, view.analysis.claims, view.analysis.sdAlg, parsed).then(
      (value) => {
        if (current) setResult({ for: view, inputs, value });
      },
      (error: unknown) => {
        const message = t('ui-sdjwt.kbCouldNotCheck', { reason: error instanceof Error ? error.message : String(error) });
        if (current) setResult({ for: view, inputs, value: { state: 'error', message, checks: [], header: null, claims: null, expectedSdHash: null, unchecked: [] } });
      },
    );
    return () => {
      current = false;
    };
  }, [view, key, inputs]);
  return result && result.for === view && result.inputs === inputs ? result.value : null;
}
