// A DPoP proof is checked with the public key in its own "jwk" header, by design
// (RFC 9449 §4.3): the signature verdict then says what that proves, and what not.

import type { VerifyOutcome } from '@/lib/jws/verify';

export const DPOP_OWN_KEY_VALID =
  "Signature verified with the public key in the proof's own jwk header (RFC 9449): the sender holds that key's private key. It says nothing about who the sender is; that comes from an access token bound to this key (cnf.jkt).";
export const DPOP_OWN_KEY_INVALID = "The signature does not verify with the public key in the proof's own jwk header: the proof was not signed with that key.";
export const DPOP_NO_OWN_KEY = 'The DPoP proof has no usable public key in its jwk header, so its signature cannot be checked: a DPoP proof must carry the public key it is signed with.';

const OWN_KEY_WARNING = 'The key came from the token\'s own header ("jwk").';

/** The verdict of verifying a DPoP proof with its own header jwk, in words that say what it proves. */
export function dpopOwnKeyVerdict(outcome: VerifyOutcome): VerifyOutcome {
  // The generic "a key from the header proves nothing" warning is replaced by the sentence above.
  const warnings = outcome.warnings.filter((warning) => !warning.startsWith(OWN_KEY_WARNING));
  switch (outcome.state) {
    case 'valid':
      return { ...outcome, warnings, message: DPOP_OWN_KEY_VALID };
    case 'invalid':
      return { ...outcome, warnings, message: outcome.usedKey ? DPOP_OWN_KEY_INVALID : outcome.message };
    case 'unverified':
      // verifyJws found no embedded key to use.
      return { ...outcome, state: 'error', warnings, message: DPOP_NO_OWN_KEY };
    case 'error':
      return { ...outcome, warnings, message: `The proof's own jwk header cannot verify it: ${outcome.message}` };
  }
}
