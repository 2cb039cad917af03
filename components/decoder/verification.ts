// A signature or decryption verdict as the page shows it: plain values, no React.
import type { DecryptOutcome } from '@/lib/jwe/types';
import { t } from './messages';
import { activeLocale } from '@/lib/i18n/translate';

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
export const checking = perLanguage((): Verification => ({ state: 'unverified', message: t('ui-decoder.checkingSignature'), warnings: [], pending: true }));

// The same object for as long as the language is the same, so that a pane given it sees the same verdict from one render to the next.
export const noToken = perLanguage((): Verification => ({ state: 'unverified', message: t('ui-decoder.pasteToVerify'), warnings: [], pending: false }));
export const undecodable = perLanguage((): Verification => ({ state: 'error', message: t('ui-decoder.cannotDecodeToVerify'), warnings: [], pending: false }));

/** A value worded in the active language, made once per language. */
function perLanguage<Value>(make: () => Value): () => Value {
  let made: { locale: string; value: Value } | null = null;
  return () => {
    const locale = activeLocale();
    if (made === null || made.locale !== locale) made = { locale, value: make() };
    return made.value;
  };
}
