import { keyTextVisibility } from '@/lib/keys/visibility';
import type { LinkState } from './types';

function describeKey(text: string, use: 'verify' | 'sign'): string {
  const kind = keyTextVisibility(text);
  if (kind === 'public') return use === 'verify' ? 'the verification key (a public key)' : 'a public key';
  if (kind === 'private') return `a private key: anyone holding the link can sign tokens with it`;
  return `the shared secret: anyone holding the link can forge tokens with it`;
}

/** What a link made of this state contains, in words, for the note next to the share button. */
export function describeLink(state: LinkState): string[] {
  const parts: string[] = [];
  if (state.mode === 'encode') parts.push('the encoder view');
  if (state.token) parts.push('the token');
  if (state.key) parts.push(describeKey(state.key, 'verify'));
  if (state.secretEncoding && (state.key || state.signingKey)) parts.push(`how the secret is encoded (${state.secretEncoding})`);
  if (state.header) parts.push('the header JSON');
  if (state.payload) parts.push('the payload');
  if (state.alg) parts.push(`the algorithm (${state.alg})`);
  if (state.signingKey) parts.push(describeKey(state.signingKey, 'sign'));
  return parts;
}

/** True when the link would let its holder sign or forge tokens: warn before sharing it. */
export function linkGrantsSigning(state: LinkState): boolean {
  return [state.key, state.signingKey].some((k) => k !== undefined && k !== '' && keyTextVisibility(k) !== 'public');
}
