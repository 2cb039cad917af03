import type { LinkState } from './types';

/** The labels of the "-----BEGIN label-----" lines, found with indexOf: linear on any text, where a pattern backtracks. */
function pemLabels(text: string): string[] {
  const labels: string[] = [];
  for (let begin = text.indexOf('-----BEGIN '); begin >= 0; begin = text.indexOf('-----BEGIN ', begin + 1)) {
    const from = begin + '-----BEGIN '.length;
    const end = text.indexOf('-----', from);
    if (end < 0) break;
    const label = text.slice(from, end);
    if (/^[A-Z0-9 ]*$/.test(label)) labels.push(label);
  }
  return labels;
}

/** What kind of key material a pasted key is, judged from its text. */
export type KeyTextKind = 'public' | 'private' | 'secret';

/**
 * Judges key text without parsing it fully: a PEM's label, a JWK's private members
 * ("d" for RSA/EC/OKP private keys, "k" for symmetric keys). Anything else is a shared
 * secret (an HMAC secret or a PBES2 password).
 */
export function classifyKeyText(text: string): KeyTextKind {
  const trimmed = text.trim();
  const labels = pemLabels(trimmed);
  if (labels.some((label) => label.endsWith('PRIVATE KEY'))) return 'private';
  if (labels.some((label) => label.endsWith('PUBLIC KEY') || label === 'CERTIFICATE')) return 'public';
  if (trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      const keys: unknown[] =
        typeof json === 'object' && json !== null && Array.isArray((json as { keys?: unknown }).keys) ? (json as { keys: unknown[] }).keys : [json];
      const members = keys.filter((k): k is Record<string, unknown> => typeof k === 'object' && k !== null);
      if (members.some((k) => 'd' in k)) return 'private';
      if (members.some((k) => 'k' in k || k.kty === 'oct')) return 'secret';
      if (members.length > 0) return 'public';
    } catch {
      // Not JSON: a secret that happens to start with '{'.
    }
  }
  return 'secret';
}

function describeKey(text: string, use: 'verify' | 'sign'): string {
  const kind = classifyKeyText(text);
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
  return [state.key, state.signingKey].some((k) => k !== undefined && k !== '' && classifyKeyText(k) !== 'public');
}
