/**
 * The key facts for a shared secret, read without the key parsers: the security notes
 * for the common HMAC case need only the secret's length. Other key text: null, and
 * keyFactsFor (lib/findings/key-facts) reads it.
 */
import { classify } from '@/lib/keys/detect';
import { secretBytes } from '@/lib/keys/secret';
import type { SecretEncoding } from '@/lib/keys/types';
import type { KeyFacts } from './key-facts';

export function secretKeyFacts(keyText: string, secretEncoding: SecretEncoding): KeyFacts | null {
  if (keyText.trim() === '') return {};
  if (classify(keyText).kind !== 'secret') return null;
  const bytes = secretBytes(keyText, secretEncoding);
  return bytes.ok ? { keyFormat: 'secret', secretBits: bytes.bytes.length * 8 } : { keyFormat: 'secret' };
}
