/** Decrypting with the key editor's text as typed: a password for PBES2, else any key format. */
import { readKeyText, PRIVATE_KEY_WARNING } from '@/lib/keys';
import type { SecretEncoding } from '@/lib/keys/types';
import { isPasswordAlgorithm } from './algorithms';
import { readCompactJwe } from './compact';
import { decryptJwe } from './decrypt';
import type { DecryptOptions, DecryptOutcome } from './types';

export interface KeyTextOptions extends DecryptOptions {
  /** How a pasted secret (for dir / AES key wrap) is read; default utf8. */
  secretEncoding?: SecretEncoding;
}

export async function decryptWithKeyText(token: string, keyText: string, options: KeyTextOptions = {}): Promise<DecryptOutcome> {
  const { secretEncoding, ...limits } = options;
  const parsed = readCompactJwe(token);
  // No key yet, or a token that cannot be read: decryptJwe says which.
  if (!parsed.ok || keyText.trim() === '') return decryptJwe(token, [], limits);

  if (isPasswordAlgorithm(parsed.header.alg)) {
    // The password is the text exactly as typed (UTF-8).
    const exact = await decryptJwe(token, { password: keyText }, limits);
    const trimmed = keyText.trim();
    if (exact.state !== 'invalid' || trimmed === keyText) return exact;
    // Editors add line breaks easily; a password without them is worth one more try.
    const retry = await decryptJwe(token, { password: trimmed }, limits);
    if (retry.state !== 'valid') return exact;
    return { ...retry, warnings: [...retry.warnings, 'The password matched only without its leading or trailing whitespace.'] };
  }

  const keys = await readKeyText(keyText, secretEncoding ? { secretEncoding } : {});
  if (!keys.ok) {
    const where = keys.error.offset !== undefined ? ` (at character ${keys.error.offset})` : '';
    return { state: 'error', message: `${keys.error.message}${where}`, header: parsed.header, warnings: [] };
  }
  const outcome = await decryptJwe(token, keys.keys, limits);
  // "Only the public part is needed" holds for verifying, not for decrypting.
  const keyWarnings = keys.warnings.filter((warning) => warning !== PRIVATE_KEY_WARNING);
  return { ...outcome, warnings: [...keyWarnings, ...outcome.warnings] };
}
