// Which token the decoder decodes: the editor's text, or a token found in it and opened.
// The editor keeps what the user pasted; the panes, the checks and the share link use the
// opened token, so a link never carries the text around it (cookies, other headers).
import type { DecodedToken } from '@/lib/token';
import { decodeBase64url } from '@/lib/token/base64url';
import type { FoundToken, Truncation } from './types';
import { t } from './messages';

/** The editor's text, and the found token opened from it, if any. */
export interface OpenedState {
  token: string;
  opened?: { from: string; token: string };
}

/** Above this many characters the finder runs in slices, so typing never waits for it. */
export const FIND_IN_SLICES_CHARS = 200_000;

/** The token the panes decode: the opened found token while the editor still holds the text it was found in. */
export function tokenBeingDecoded(state: OpenedState): string {
  return state.opened !== undefined && state.opened.from === state.token ? state.opened.token : state.token;
}

/** Whether the editor's text is worth searching for tokens: it is not one token on its own. */
export function needsFinding(decoded: DecodedToken): boolean {
  return !decoded.empty && (decoded.error !== null || decoded.stripped.length > 0);
}

/**
 * Whether the found tokens replace the editor text in the panes: the text holds more than one,
 * or one somewhere else than where the decoder reads. One found just where the decoder reads
 * (a 'Bearer …' value, or a token with a bad character that the finder sees as cut short
 * there) is the decoder's: its own message, which sees the whole text, is the more precise.
 */
export function foundTokensApply(decoded: DecodedToken, found: readonly FoundToken[]): boolean {
  if (found.length === 0) return false;
  if (found.length > 1) return true;
  return !found[0]!.places.some((place) => place.start === decoded.tokenStart);
}

// Message IDs: each part is named in the language shown when the sentence is made.
const PART_NAMES: Record<Truncation['part'], Parameters<typeof t>[0]> = {
  header: 'find.partHeader',
  payload: 'find.partPayload',
  signature: 'find.partSignature',
  'encrypted-key': 'find.partEncryptedKey',
  iv: 'find.partIv',
  ciphertext: 'find.partCiphertext',
  tag: 'find.partTag',
  disclosure: 'find.partDisclosure',
  'key-binding': 'find.partKeyBinding',
};

/** Where a token was cut short, for a person: "cut short in the signature, after character 120". */
export function describeTruncation(truncation: Truncation): string {
  const part =
    truncation.part === 'disclosure' && truncation.index !== undefined ? t('find.partDisclosureNumbered', { n: String(truncation.index + 1) }) : t(PART_NAMES[truncation.part]);
  return t('find.cutShortIn', { part, offset: String(truncation.offset) });
}

const SEGMENT_OF_PART: Partial<Record<Truncation['part'], number>> = { header: 0, payload: 1 };

/**
 * What a cut header or payload of a signed token says up to the cut: the decoded text of
 * its longest whole base64url prefix (a character cut in two is left out). Null when the cut
 * part is not readable text (a signature, a JWE's ciphertext) or nothing of it is left.
 */
export function textBeforeCut(found: Pick<FoundToken, 'token' | 'kind' | 'truncated'>): string | null {
  const cut = found.truncated;
  if (cut === undefined || (found.kind !== 'jws' && found.kind !== 'sd-jwt')) return null;
  const index = SEGMENT_OF_PART[cut.part];
  if (index === undefined) return null;
  const segment = found.token.split('~')[0]!.split('.')[index] ?? '';
  const whole = segment.slice(0, segment.length - (segment.length % 4));
  if (whole === '') return null;
  const decoded = decodeBase64url(whole);
  if (!decoded.ok) return null;
  const text = new TextDecoder('utf-8').decode(decoded.bytes).replace(/\uFFFD+$/, '');
  return text === '' ? null : text;
}
