import { keyTextVisibility } from '@/lib/keys/visibility';
import type { LinkState } from './types';
import { t } from './messages';

function describeKey(text: string, use: 'verify' | 'sign'): string {
  const kind = keyTextVisibility(text);
  if (kind === 'public') return use === 'verify' ? t('links.keyVerification') : t('links.keyPublic');
  if (kind === 'private') return t('links.keyPrivate');
  return t('links.keySecret');
}

/** What a link made of this state contains, in words, for the note next to the share button. */
export function describeLink(state: LinkState): string[] {
  const parts: string[] = [];
  if (state.mode === 'encode') parts.push(t('links.encoderView'));
  if (state.token) parts.push(t('links.token'));
  if (state.key) parts.push(describeKey(state.key, 'verify'));
  if (state.secretEncoding && (state.key || state.signingKey)) parts.push(t('links.secretEncoding', { encoding: state.secretEncoding }));
  if (state.header) parts.push(t('links.headerJson'));
  if (state.payload) parts.push(t('links.payload'));
  if (state.alg) parts.push(t('links.algorithm', { alg: state.alg }));
  if (state.signingKey) parts.push(describeKey(state.signingKey, 'sign'));
  return parts;
}

/** True when the link would let its holder sign or forge tokens: warn before sharing it. */
export function linkGrantsSigning(state: LinkState): boolean {
  return [state.key, state.signingKey].some((k) => k !== undefined && k !== '' && keyTextVisibility(k) !== 'public');
}
