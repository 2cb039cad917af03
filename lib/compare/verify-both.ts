/** Whether one key (the one in the key panel) verifies both tokens. */
import type { SecretEncoding } from '@/lib/keys';
import type { SignatureState } from '@/lib/jws';

export interface BothVerified {
  first: { state: SignatureState; message: string };
  second: { state: SignatureState; message: string };
  /** One sentence on the pair. */
  summary: string;
}

export async function verifyBoth(first: string, second: string, keyText: string, secretEncoding: SecretEncoding = 'utf8'): Promise<BothVerified> {
  const { verifyWithKeyText } = await import('@/lib/jws');
  const [a, b] = await Promise.all([verifyWithKeyText(first, keyText, { secretEncoding }), verifyWithKeyText(second, keyText, { secretEncoding })]);
  const pick = (outcome: { state: SignatureState; message: string }) => ({ state: outcome.state, message: outcome.message });
  let summary: string;
  if (keyText.trim() === '') summary = 'Paste a key in the key panel to see whether it verifies both tokens.';
  else if (a.state === 'valid' && b.state === 'valid') summary = 'The key verifies both tokens.';
  else if (a.state === 'valid') summary = 'The key verifies the first token but not the second.';
  else if (b.state === 'valid') summary = 'The key verifies the second token but not the first.';
  else summary = 'The key verifies neither token.';
  return { first: pick(a), second: pick(b), summary };
}
