// An SD-JWT (RFC 9901) is `<JWT>~<disclosure>~…~[<KB-JWT>]`: the issuer-signed JWT decodes as any
// JWS, and the parts after it only become segments here. Their contents are checked by lib/sdjwt,
// loaded with the SD-JWT view, so the first load stays small.

import { decodeBase64url } from './base64url';
import { segmentLabel } from './segment-roles';
import type { TokenSegment } from './types';
import { t } from './messages';

/** The compact JWT to decode and, when the input is an SD-JWT, the whole SD-JWT text. */
export function separateSdJwt(input: string): { token: string; sdJwt: string | null } {
  const tilde = input.indexOf('~');
  // A '~' separates an SD-JWT only when a dot past the first character comes before it, as in any JWT;
  // otherwise it is just a bad character.
  const sdJwt = tilde > 0 && input.lastIndexOf('.', tilde) > 0 ? input : null;
  return { token: sdJwt ? input.slice(0, tilde) : input, sdJwt };
}

/** The disclosures and key binding JWT as segments; `start` is where the SD-JWT sits in the raw input. */
export function sdJwtSegments(sdJwt: string, start: number): TokenSegment[] {
  const segments: TokenSegment[] = [];
  const parts = sdJwt.split('~');
  let at = start + parts[0]!.length + 1;
  for (let i = 1; i < parts.length; i++) {
    const text = parts[i]!;
    const isKeyBinding = i === parts.length - 1;
    if (!isKeyBinding) {
      const bytes = text ? decodeBase64url(text) : null;
      segments.push({ role: 'disclosure', label: t('token.labelDisclosureNumbered', { n: String(i) }), start: at, end: at + text.length, byteLength: bytes?.ok ? bytes.bytes.length : null });
    } else if (text) {
      segments.push({ role: 'keyBinding', label: segmentLabel('keyBinding'), start: at, end: at + text.length, byteLength: text.length });
    }
    at += text.length + 1;
  }
  return segments;
}
