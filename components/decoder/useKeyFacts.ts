'use client';

import { useEffect, useMemo, useState } from 'react';
import type { SecretEncoding } from '@/lib/keys/types';
import type { KeyFacts } from '@/lib/findings/key-facts';
import { secretKeyFacts } from '@/lib/findings/secret-key-facts';

type KeyFactsModule = typeof import('@/lib/findings/key-facts');
let loadedKeyFacts: KeyFactsModule | null = null;

/**
 * The key's facts for the security notes. A secret's are read at once; other key text
 * fetches the key parsers first (no facts until then), so an HMAC secret never needs them.
 */
export function useKeyFacts(keyText: string, secretEncoding: SecretEncoding): KeyFacts {
  const secretFacts = useMemo(() => secretKeyFacts(keyText, secretEncoding), [keyText, secretEncoding]);
  const [keyFactsModule, setKeyFactsModule] = useState<KeyFactsModule | null>(loadedKeyFacts);
  const needed = secretFacts === null && keyFactsModule === null;
  useEffect(() => {
    if (!needed) return;
    let live = true;
    import('@/lib/findings/key-facts').then(
      (loaded) => {
        loadedKeyFacts = loaded;
        if (live) setKeyFactsModule(loaded);
      },
      // Without the parsers the notes that need the key's format are left out; the rest still show.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [needed]);
  return useMemo(() => secretFacts ?? (keyFactsModule ? keyFactsModule.keyFactsFor(keyText, secretEncoding) : {}), [secretFacts, keyFactsModule, keyText, secretEncoding]);
}
