/** Verification straight from the key text the user pasted (any format lib/keys reads). */
import type { SecretEncoding } from '@/lib/keys/types';
import { readKeyTextLazily } from '@/lib/keys/read-key-text';
import { verifyJws, type VerifyOutcome } from './verify';

export async function verifyWithKeyText(token: string, keyText: string, options: { secretEncoding?: SecretEncoding; now?: Date } = {}): Promise<VerifyOutcome> {
  // No key: "unverified" for a signed token; a broken or unsecured token is still reported as such.
  if (keyText.trim() === '') return verifyJws(token, []);
  const parsed = await readKeyTextLazily(keyText, { secretEncoding: options.secretEncoding ?? 'utf8', ...(options.now ? { now: options.now } : {}) });
  if (!parsed.ok) {
    return { state: 'error', message: parsed.error.message, warnings: [] };
  }
  const result = await verifyJws(token, parsed.keys, { keyFormat: parsed.format });
  return { ...result, warnings: [...parsed.warnings, ...result.warnings] };
}
