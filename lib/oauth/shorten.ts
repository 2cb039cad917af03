// The HTTP log shows codes, verifiers, proofs and tokens shortened, so a screen shared
// or a screenshot taken does not hand them out; a reveal button shows them whole.

const SHORTEST = 12;

/** `abcdef…wxyz` for a long secret. */
export function shortened(secret: string): string {
  return secret.length < SHORTEST ? secret : `${secret.slice(0, 6)}…${secret.slice(-4)}`;
}

/** The text with every occurrence of each secret (as is, or form/percent-encoded) shortened. */
export function shortenSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first: a secret that contains another is shortened whole.
  const spellings = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < SHORTEST) continue;
    spellings.add(secret);
    spellings.add(encodeURIComponent(secret));
    spellings.add(new URLSearchParams({ v: secret }).toString().slice(2));
  }
  for (const spelling of [...spellings].sort((a, b) => b.length - a.length)) out = out.split(spelling).join(shortened(spelling));
  return out;
}
