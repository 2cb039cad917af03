// A DPoP proof is checked with the public key in its own "jwk" header, by design
// (RFC 9449 §4.3): the signature verdict then says what that proves, and what not.

import type { VerifyOutcome } from '@/lib/jws/verify';
import { t } from './messages';

/** The verdicts, in the language shown when they are asked for. */
export const dpopOwnKeyValid = () => t('dpop.ownKeyValid');
export const dpopOwnKeyInvalid = () => t('dpop.ownKeyInvalid');
export const dpopNoOwnKey = () => t('dpop.noOwnKey');

const OWN_KEY_WARNING = 'The key came from the token\'s own header ("jwk").';

/**
 * Whether a warning is verifyJws's generic "a key from the header proves nothing": it comes first
 * whenever the header's key was used, in whatever language it is worded.
 */
function isOwnKeyWarning(outcome: VerifyOutcome, warning: string, index: number): boolean {
  return warning.startsWith(OWN_KEY_WARNING) || (index === 0 && outcome.usedKey !== undefined);
}

/** The verdict of verifying a DPoP proof with its own header jwk, in words that say what it proves. */
export function dpopOwnKeyVerdict(outcome: VerifyOutcome): VerifyOutcome {
  // The generic "a key from the header proves nothing" warning is replaced by the sentence above.
  const warnings = outcome.warnings.filter((warning, index) => !isOwnKeyWarning(outcome, warning, index));
  switch (outcome.state) {
    case 'valid':
      return { ...outcome, warnings, message: dpopOwnKeyValid() };
    case 'invalid':
      return { ...outcome, warnings, message: outcome.usedKey ? dpopOwnKeyInvalid() : outcome.message };
    case 'unverified':
      // verifyJws found no embedded key to use.
      return { ...outcome, state: 'error', warnings, message: dpopNoOwnKey() };
    case 'error':
      return { ...outcome, warnings, message: t('dpop.ownKeyError', { reason: outcome.message }) };
  }
}
