// The shape of an SD-JWT (RFC 9901 §4): <issuer-signed JWT>~<disclosure>~…~[<key binding JWT>].
// Only the splitting lives here, with offsets, so the token decoder can colour the parts
// without loading the rest of the SD-JWT code.

export interface SdJwtPart {
  text: string;
  /** Offset of the part's first character in the text that was split. */
  start: number;
}

export interface SdJwtLayout {
  issuerJwt: SdJwtPart;
  disclosures: SdJwtPart[];
  /** The key binding JWT; null when the SD-JWT ends with '~' (no key binding). */
  keyBinding: SdJwtPart | null;
  /** The text the key binding JWT's sd_hash is computed over: everything up to and including the last '~'. */
  presentation: string;
}

/** True when the text has the SD-JWT shape: a compact JWS followed by at least one '~'. */
export function looksLikeSdJwt(text: string): boolean {
  const tilde = text.indexOf('~');
  return tilde > 0 && text.lastIndexOf('.', tilde) > 0;
}

/** Splits at every '~'. Returns null when there is no '~' at all. */
export function splitSdJwt(text: string): SdJwtLayout | null {
  const first = text.indexOf('~');
  if (first < 0) return null;
  const last = text.lastIndexOf('~');
  const disclosures: SdJwtPart[] = [];
  let from = first + 1;
  while (from <= last) {
    const next = text.indexOf('~', from);
    disclosures.push({ text: text.slice(from, next), start: from });
    from = next + 1;
  }
  const tail = text.slice(last + 1);
  return {
    issuerJwt: { text: text.slice(0, first), start: 0 },
    disclosures,
    keyBinding: tail.length > 0 ? { text: tail, start: last + 1 } : null,
    presentation: text.slice(0, last + 1),
  };
}
