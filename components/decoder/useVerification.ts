'use client';

import { useEffect, useState } from 'react';
import type { DecodedToken } from '@/lib/token';
import type { SecretEncoding } from '@/lib/keys';
import type { DecryptOutcome } from '@/lib/jwe/types';

export type SignatureState = 'valid' | 'invalid' | 'unverified' | 'error';

export interface Verification {
  state: SignatureState;
  message: string;
  warnings: string[];
  /** The key that verified (or the one key that did not); index is 0-based into the keys pasted. */
  usedKey?: { index: number; kid?: string; description: string };
  /** How many keys the signature was checked against. */
  triedKeys?: number;
  /** An HMAC token was checked against a public key: the key-confusion attack (RFC 8725 §2.1). */
  keyConfusion?: boolean;
  /** A JWE's plaintext once decrypted. */
  plaintext?: { text: string; isJson: boolean; encoding: 'utf8' | 'hex'; nestedJws: boolean };
  /** The result is for an older input and a new one is being checked. */
  pending: boolean;
}

/** A JWE's decryption outcome (compact, or JSON serialization) as the page's status. */
export function verificationOfDecryption(outcome: DecryptOutcome, pending = false): Verification {
  return {
    state: outcome.state,
    message: outcome.message,
    warnings: outcome.warnings,
    pending,
    plaintext:
      outcome.plaintext !== undefined
        ? {
            text: outcome.plaintext,
            isJson: outcome.plaintextIsJson ?? false,
            encoding: outcome.plaintextEncoding ?? 'utf8',
            nestedJws: outcome.nestedJws ?? false,
          }
        : undefined,
  };
}

/**
 * Shown while the current token and key are being checked. A verdict is only ever
 * shown for the exact input it was computed from: an older token's or key's result
 * is never carried over to a newer input, even for a moment.
 */
export const CHECKING: Verification = { state: 'unverified', message: 'Checking the signature…', warnings: [], pending: true };

export interface VerificationOptions {
  /** A DPoP proof with no key pasted: verify it with its own header jwk, as RFC 9449 intends. */
  ownDpopKey?: boolean;
}

/**
 * Verifies a JWS or decrypts a JWE whenever the token or key changes. The
 * crypto modules are loaded on first use, so the page starts without them.
 */
export function useVerification(decoded: DecodedToken | null, keyText: string, secretEncoding: SecretEncoding, at?: number, options: VerificationOptions = {}): Verification {
  const token = decoded && !decoded.error ? decoded.token : null;
  const kind = decoded?.kind ?? 'unknown';
  const ownDpopKey = kind === 'jws' && options.ownDpopKey === true && keyText.trim() === '';
  const [result, setResult] = useState<{ for: string; value: Verification } | null>(null);
  const inputKey = `${kind}\u0000${secretEncoding}\u0000${token ?? ''}\u0000${keyText}\u0000${at ?? ''}\u0000${ownDpopKey}`;

  useEffect(() => {
    if (!token) return;
    let current = true;
    const run = async (): Promise<Verification> => {
      if (kind === 'jwe') {
        const { decryptWithKeyText } = await import('@/lib/jwe');
        return verificationOfDecryption(await decryptWithKeyText(token, keyText, { secretEncoding }));
      }
      if (ownDpopKey) {
        const [{ verifyJws }, { dpopOwnKeyVerdict }] = await Promise.all([import('@/lib/jws'), import('@/lib/dpop/own-key')]);
        const outcome = dpopOwnKeyVerdict(await verifyJws(token, [], { allowEmbeddedJwk: true }));
        return { state: outcome.state, message: outcome.message, warnings: outcome.warnings, usedKey: outcome.usedKey, triedKeys: outcome.triedKeys, pending: false };
      }
      const { verifyWithKeyText } = await import('@/lib/jws');
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
        if (current) setResult({ for: inputKey, value: { state: 'error', message: `Verification failed unexpectedly: ${String(error)}`, warnings: [], pending: false } });
      },
    );
    return () => {
      current = false;
    };
  }, [inputKey, token, kind, keyText, secretEncoding, at, ownDpopKey]);

  if (!token) {
    return {
      state: decoded?.empty || !decoded ? 'unverified' : 'error',
      message: decoded?.empty || !decoded ? 'Paste a token to verify it.' : 'The token cannot be decoded, so its signature cannot be checked.',
      warnings: [],
      pending: false,
    };
  }
  // Until the result for exactly this input arrives, the verdict is "checking", never an older one.
  if (!result || result.for !== inputKey) return CHECKING;
  return result.value;
}
