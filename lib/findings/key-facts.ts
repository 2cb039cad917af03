/**
 * The facts about the pasted key that the security notes need (its format, and for a
 * shared secret its length), read from the key text without verifying anything.
 */
import { detectKeyFormat, secretBytes, type SecretEncoding } from '@/lib/keys';
import type { FindingContext } from './types';

export type KeyFacts = Pick<FindingContext, 'keyFormat' | 'secretBits'>;

export function keyFactsFor(keyText: string, secretEncoding: SecretEncoding): KeyFacts {
  if (keyText.trim() === '') return {};
  const { format } = detectKeyFormat(keyText);
  if (format === null) return {};
  if (format !== 'secret') return { keyFormat: format };
  const bytes = secretBytes(keyText, secretEncoding);
  return bytes.ok ? { keyFormat: 'secret', secretBits: bytes.bytes.length * 8 } : { keyFormat: 'secret' };
}
