// The holder's side of key binding (RFC 9901 §4.3): a KB-JWT signed with the holder's
// private key over the presentation's sd_hash, audience, nonce and time.

import { algForKey } from '@/lib/encoder/alg-for-key';
import { signFromText } from '@/lib/encoder/sign-text';
import { readKeyText, type Jwk, type ParsedKey } from '@/lib/keys';
import { isSupportedSdAlg, sdDigest } from './digest';
import { t } from './messages';

export type HolderKey = { ok: true; key: ParsedKey; alg: string; publicJwk: Jwk } | { ok: false; error: string };

/** Reads the holder's private key (PEM or JWK) and picks its signature algorithm. */
export async function readHolderKey(keyText: string): Promise<HolderKey> {
  const parsed = await readKeyText(keyText);
  if (!parsed.ok) return { ok: false, error: t('sdjwt.holderKeyUnreadable', { reason: parsed.error.message }) };
  const key = parsed.keys.find((candidate) => candidate.visibility === 'private');
  if (!key) return { ok: false, error: t('sdjwt.holderKeyNotPrivate') };
  const alg = algForKey(key.jwk, 'ES256');
  if (alg.startsWith('HS')) return { ok: false, error: t('sdjwt.holderKeyNotAsymmetric') };
  return { ok: true, key, alg, publicJwk: key.publicJwk };
}

export interface KeyBindingInput {
  /** The presentation without key binding: `<JWT>~<d>~…~`. */
  presentation: string;
  holderKeyText: string;
  aud: string;
  nonce: string;
  /** Seconds since the epoch. */
  iat: number;
  sdAlg: string;
}

/** The presentation with a key binding JWT appended. Never throws. */
export async function addKeyBinding(input: KeyBindingInput): Promise<{ ok: true; sdJwt: string } | { ok: false; error: string }> {
  if (!input.presentation.endsWith('~')) return { ok: false, error: t('sdjwt.presentationEndsWithTilde') };
  if (!isSupportedSdAlg(input.sdAlg)) return { ok: false, error: t('sdjwt.sdAlgNotSupported', { alg: input.sdAlg }) };
  const holder = await readHolderKey(input.holderKeyText);
  if (!holder.ok) return holder;
  const sdHash = await sdDigest(input.sdAlg, input.presentation);
  const signed = await signFromText({
    header: JSON.stringify({ typ: 'kb+jwt', alg: holder.alg }),
    payload: JSON.stringify({ iat: input.iat, aud: input.aud, nonce: input.nonce, sd_hash: sdHash }),
    alg: holder.alg,
    key: input.holderKeyText,
    secretEncoding: 'utf8',
  });
  if (!signed.ok) return { ok: false, error: t('sdjwt.kbCannotSign', { reason: signed.error }) };
  return { ok: true, sdJwt: input.presentation + signed.token };
}
