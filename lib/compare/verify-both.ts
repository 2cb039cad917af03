/** Whether one key (the one in the key panel) verifies both tokens. */
import type { SecretEncoding } from '@/lib/keys';
import type { SignatureState } from '@/lib/jws';
import { t } from './messages';

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
  if (keyText.trim() === '') summary = t('compare.pasteKey');
  else if (a.state === 'valid' && b.state === 'valid') summary = t('compare.verifiesBoth');
  else if (a.state === 'valid') summary = t('compare.verifiesFirstOnly');
  else if (b.state === 'valid') summary = t('compare.verifiesSecondOnly');
  else summary = t('compare.verifiesNeither');
  return { first: pick(a), second: pick(b), summary };
}
