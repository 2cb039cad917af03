'use client';

import { useEffect, useState } from 'react';
import type { DecodedToken } from '@/lib/token';
import type { SecretEncoding } from '@/lib/keys';
import { checking, noToken, undecodable, verificationOfDecryption, type Verification } from './verification';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

export { checking, verificationOfDecryption, type SignatureState, type Verification } from './verification';

export interface VerificationOptions {
  /** A DPoP proof with no key pasted: verify it with its own header jwk, as RFC 9449 intends. */
  ownDpopKey?: boolean;
}

/**
 * Verifies a JWS or decrypts a JWE whenever the token or key changes. The
 * crypto modules are loaded on first use, so the page starts without them.
 */
export function useVerification(decoded: DecodedToken | null, keyText: string, secretEncoding: SecretEncoding, at?: number, options: VerificationOptions = {}): Verification {
  // The verdict is worded by lib/ in the language shown: a change of language checks again.
  const locale = useLocale();
  const token = decoded && !decoded.error ? decoded.token : null;
  const kind = decoded?.kind ?? 'unknown';
  const ownDpopKey = kind === 'jws' && options.ownDpopKey === true && keyText.trim() === '';
  const [result, setResult] = useState<{ for: string; value: Verification } | null>(null);
  const inputKey = `${kind}\u0000${secretEncoding}\u0000${token ?? ''}\u0000${keyText}\u0000${at ?? ''}\u0000${ownDpopKey}\u0000${locale}`;

  useEffect(() => {
    if (!token) return;
    let current = true;
    const run = async (): Promise<Verification> => {
      if (kind === 'jwe') {
        const { decryptWithKeyText } = await import('@/lib/jwe');
        return verificationOfDecryption(await decryptWithKeyText(token, keyText, { secretEncoding }));
      }
      if (ownDpopKey) {
        const [{ verifyJws }, { dpopOwnKeyVerdict }] = await Promise.all([import('@/components/verify/key-engine'), import('@/lib/dpop/own-key')]);
        const outcome = dpopOwnKeyVerdict(await verifyJws(token, [], { allowEmbeddedJwk: true }));
        return { state: outcome.state, message: outcome.message, warnings: outcome.warnings, usedKey: outcome.usedKey, triedKeys: outcome.triedKeys, pending: false };
      }
      const { verifyWithKeyText } = await import('@/components/verify/key-engine');
      const outcome = await verifyWithKeyText(token, keyText, at === undefined ? { secretEncoding } : { secretEncoding, now: new Date(at) });
      return {
        state: outcome.state,
        message: outcome.message,
        warnings: outcome.warnings,
        usedKey: outcome.usedKey,
        triedKeys: outcome.triedKeys,
        keyConfusion: outcome.keyConfusion,
        pending: false,
      };
    };
    run().then(
      (value) => {
        if (current) setResult({ for: inputKey, value });
      },
      (error: unknown) => {
        if (current) setResult({ for: inputKey, value: { state: 'error', message: t('ui-decoder.verificationFailed', { reason: String(error) }), warnings: [], pending: false } });
      },
    );
    return () => {
      current = false;
    };
  }, [inputKey, token, kind, keyText, secretEncoding, at, ownDpopKey]);

  if (!token) return decoded?.empty || !decoded ? noToken() : undecodable();
  // Until the result for exactly this input arrives, the verdict is "checking", never an older one.
  if (!result || result.for !== inputKey) return checking();
  return result.value;
}
