'use client';

import { useEffect, useMemo, useState } from 'react';
import type { CertificateSummary, KeyFormat, KeyProblem, SecretEncoding } from '@/lib/keys';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

type Engine = typeof import('./key-engine');
type KeysModule = typeof import('@/lib/keys');

/** What the pasted key text was read as, for showing while the user types. */
export interface KeyDetails {
  state: 'empty' | 'loading' | 'ok' | 'error';
  format?: KeyFormat;
  /** "PKCS#1 RSA public key (PEM)", "JWKS with 3 keys". */
  formatLabel?: string;
  keys: KeyEntry[];
  warnings: string[];
  error?: KeyProblem;
}

export interface KeyEntry {
  kid?: string;
  /** "RSA 2048-bit public key", "256-bit secret". */
  description: string;
  visibility: 'secret' | 'public' | 'private';
  /** Position in a JWKS's "keys" array. */
  index?: number;
  alg?: string;
  use?: string;
  certificate?: CertificateSummary;
}

// Shared by every panel: the key code is fetched once, on the first key typed, never with
// the page; the key parsers only for key text that is not a secret.
let loadedEngine: Engine | null = null;
let loadedKeys: KeysModule | null = null;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The key code this text needs, or why it could not be loaded (then tried again when the key text changes). */
function useKeyCode(wanted: boolean, keyText: string): { engine: Engine | null; keysModule: KeysModule | null; failure: string | null } {
  const [engine, setEngine] = useState<Engine | null>(loadedEngine);
  const [keysModule, setKeysModule] = useState<KeysModule | null>(loadedKeys);
  const [failure, setFailure] = useState<{ for: string; message: string } | null>(null);
  const failedHere = failure !== null && failure.for === keyText;
  const needsReaders = engine !== null && wanted && engine.readSecretText(keyText) === null;
  useEffect(() => {
    if (!wanted || failedHere || (engine && (keysModule || !needsReaders))) return;
    let live = true;
    const load = engine ? engine.loadKeyReaders() : import('./key-engine');
    load.then(
      (loaded) => {
        if ('loadKeyReaders' in loaded) {
          loadedEngine = loaded;
          if (live) setEngine(loaded);
        } else {
          loadedKeys = loaded;
          if (live) setKeysModule(loaded);
        }
      },
      (error: unknown) => {
        if (live) setFailure({ for: keyText, message: messageOf(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, engine, keysModule, needsReaders, failedHere, keyText]);
  return { engine, keysModule, failure: failedHere ? failure.message : null };
}

/**
 * False while the code this key text needs (the curve arithmetic or ML-DSA key
 * generation, for a private key in PEM or DER) is loading; it is fetched only for such keys.
 */
function useCurveMathsReady(keysModule: KeysModule | null, keyText: string): { ready: boolean; failure: string | null } {
  const needed = keysModule?.keyTextNeedsMaths(keyText) ?? false;
  const [, setLoads] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!needed || !keysModule) return;
    let live = true;
    keysModule.loadMathsFor(keyText).then(
      () => {
        if (live) setLoads((count) => count + 1);
      },
      (error: unknown) => {
        if (live) setFailure(messageOf(error));
      },
    );
    return () => {
      live = false;
    };
  }, [needed, keysModule, keyText]);
  return { ready: !needed, failure: needed ? failure : null };
}

/** Reads the key text as the verifier will (parseKeyText is synchronous and cheap), to say what was detected. */
export function useKeyDetails(keyText: string, secretEncoding: SecretEncoding, at?: number): KeyDetails {
  // What lib/keys says about the key (its description, warnings, errors) is worded in the language shown.
  const locale = useLocale();
  const wanted = keyText.trim() !== '';
  const { engine, keysModule, failure } = useKeyCode(wanted, keyText);
  const { ready: mathsReady, failure: mathsFailure } = useCurveMathsReady(keysModule, keyText);
  return useMemo((): KeyDetails => {
    if (!wanted) return { state: 'empty', keys: [], warnings: [] };
    const loadFailure = failure ?? mathsFailure;
    if (loadFailure !== null) return { state: 'error', keys: [], warnings: [], error: { message: t('ui-verify.keysDidNotLoad', { reason: loadFailure }) } };
    if (!engine) return { state: 'loading', keys: [], warnings: [] };
    const options = at === undefined ? { secretEncoding } : { secretEncoding, now: new Date(at) };
    const secret = engine.readSecretText(keyText, options);
    if (!secret && (!keysModule || !mathsReady)) return { state: 'loading', keys: [], warnings: [] };
    const parsed = secret ? secret.parsed : keysModule!.parseKeyText(keyText, options);
    if (!parsed.ok) {
      const detected = secret ? secret.detected : keysModule!.detectKeyFormat(keyText);
      return { state: 'error', format: detected.format ?? undefined, formatLabel: detected.label, keys: [], warnings: [], error: parsed.error };
    }
    return {
      state: 'ok',
      format: parsed.format,
      formatLabel: parsed.formatLabel,
      warnings: parsed.warnings,
      keys: parsed.keys.map((key) => ({
        kid: key.kid,
        description: key.description,
        visibility: key.visibility,
        index: key.index,
        alg: typeof key.jwk.alg === 'string' ? key.jwk.alg : undefined,
        use: typeof key.jwk.use === 'string' ? key.jwk.use : undefined,
        certificate: key.certificate,
      })),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: the words come from lib/keys, read again in the language shown.
  }, [wanted, engine, keysModule, mathsReady, failure, mathsFailure, keyText, secretEncoding, at, locale]);
}
