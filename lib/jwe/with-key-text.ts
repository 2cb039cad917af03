/** Decrypting with the key editor's text as typed: a password for PBES2, else any key format. */
import { readKeyText, privateKeyWarning } from '@/lib/keys';
import type { SecretEncoding } from '@/lib/keys/types';
import { isPasswordAlgorithm } from './algorithms';
import { readCompactJwe } from './compact';
import { decryptJwe } from './decrypt';
import type { DecryptionKeys, DecryptOptions, DecryptOutcome, JweHeader } from './types';
import { t } from './messages';

export interface KeyTextOptions extends DecryptOptions {
  /** How a pasted secret (for dir / AES key wrap) is read; default utf8. */
  secretEncoding?: SecretEncoding;
}

export async function decryptWithKeyText(token: string, keyText: string, options: KeyTextOptions = {}): Promise<DecryptOutcome> {
  const { secretEncoding, ...limits } = options;
  const parsed = readCompactJwe(token);
  // No key yet, or a token that cannot be read: decryptJwe says which.
  if (!parsed.ok || keyText.trim() === '') return decryptJwe(token, [], limits);
  return decryptHeaderWithKeyText(parsed.header, keyText, secretEncoding ? { secretEncoding } : {}, (keys) => decryptJwe(token, keys, limits));
}

/**
 * Reads the key text for a token with this JOSE header (a password for PBES2,
 * else any key format) and hands the keys to `decrypt`.
 */
export async function decryptHeaderWithKeyText(
  header: JweHeader,
  keyText: string,
  options: { secretEncoding?: SecretEncoding },
  decrypt: (keys: DecryptionKeys) => Promise<DecryptOutcome>,
): Promise<DecryptOutcome> {
  const { secretEncoding } = options;
  if (keyText.trim() === '') return decrypt([]);

  if (isPasswordAlgorithm(header.alg)) {
    // The password is the text exactly as typed (UTF-8).
    const exact = await decrypt({ password: keyText });
    const trimmed = keyText.trim();
    if (exact.state !== 'invalid' || trimmed === keyText) return exact;
    // Editors add line breaks easily; a password without them is worth one more try.
    const retry = await decrypt({ password: trimmed });
    if (retry.state !== 'valid') return exact;
    return { ...retry, warnings: [...retry.warnings, t('jwe.passwordTrimmed')] };
  }

  const keys = await readKeyText(keyText, secretEncoding ? { secretEncoding } : {});
  if (!keys.ok) {
    const message = keys.error.offset !== undefined ? t('jwe.atCharacter', { message: keys.error.message, offset: keys.error.offset }) : keys.error.message;
    return { state: 'error', message, header, warnings: [] };
  }
  const outcome = await decrypt(keys.keys);
  // "Only the public part is needed" holds for verifying, not for decrypting.
  const keyWarnings = keys.warnings.filter((warning) => warning !== privateKeyWarning());
  return { ...outcome, warnings: [...keyWarnings, ...outcome.warnings] };
}
