'use client';

import { useEffect, useMemo, useState } from 'react';
import type { CertificateSummary, KeyFormat, KeyProblem, SecretEncoding } from '@/lib/keys';

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

// Shared by every panel: lib/keys is fetched once, on the first key typed, never with the page.
let loadedKeys: KeysModule | null = null;

function useKeysModule(wanted: boolean): KeysModule | null {
  const [keysModule, setKeysModule] = useState<KeysModule | null>(loadedKeys);
  useEffect(() => {
    if (!wanted || keysModule) return;
    let live = true;
    import('@/lib/keys').then(
      (loaded) => {
        loadedKeys = loaded;
        if (live) setKeysModule(loaded);
      },
      () => {
        // A failed chunk load shows up as "loading"; verification reports the same failure in words.
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, keysModule]);
  return keysModule;
}

/**
 * False while the code this key text needs (the curve arithmetic or ML-DSA key
 * generation, for a private key in PEM or DER) is loading; it is fetched only for such keys.
 */
function useCurveMathsReady(keysModule: KeysModule | null, keyText: string): boolean {
  const needed = keysModule?.keyTextNeedsMaths(keyText) ?? false;
  const [, setLoads] = useState(0);
  useEffect(() => {
    if (!needed || !keysModule) return;
    let live = true;
    keysModule.loadMathsFor(keyText).then(
      () => {
        if (live) setLoads((count) => count + 1);
      },
      () => {
        // A failed chunk load stays "loading"; verification reports the same failure in words.
      },
    );
    return () => {
      live = false;
    };
  }, [needed, keysModule, keyText]);
  return !needed;
}

/** Reads the key text as the verifier will (parseKeyText is synchronous and cheap), to say what was detected. */
export function useKeyDetails(keyText: string, secretEncoding: SecretEncoding, at?: number): KeyDetails {
  const wanted = keyText.trim() !== '';
  const keysModule = useKeysModule(wanted);
  const mathsReady = useCurveMathsReady(keysModule, keyText);
  return useMemo((): KeyDetails => {
    if (!wanted) return { state: 'empty', keys: [], warnings: [] };
    if (!keysModule || !mathsReady) return { state: 'loading', keys: [], warnings: [] };
    const parsed = keysModule.parseKeyText(keyText, at === undefined ? { secretEncoding } : { secretEncoding, now: new Date(at) });
    if (!parsed.ok) {
      const detected = keysModule.detectKeyFormat(keyText);
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
  }, [wanted, keysModule, mathsReady, keyText, secretEncoding, at]);
}
