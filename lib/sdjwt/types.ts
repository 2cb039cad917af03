/** Hash algorithms RFC 9901 implementations use for `_sd_alg` (IANA Named Information registry names). */
export type SdAlg = 'sha-256' | 'sha-384' | 'sha-512';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [name: string]: JsonValue };

/** A problem found while processing an SD-JWT, located where it can be. */
export interface SdProblem {
  severity: 'error' | 'warning';
  /** A sentence naming what is wrong and where. */
  message: string;
  /** 0-based index of the disclosure it concerns. */
  disclosure?: number;
  /** Offset and length in the SD-JWT text (the whole `…~…~…` string). */
  offset?: number;
  length?: number;
  /** Where in the issuer's payload, as a JSON path ("$.address._sd[1]"). */
  path?: string;
}

export type DecodedDisclosure =
  | { ok: true; salt: string; kind: 'property'; name: string; value: JsonValue }
  | { ok: true; salt: string; kind: 'element'; value: JsonValue }
  | { ok: false; error: string };

export interface DisclosureReport {
  index: number;
  text: string;
  /** Offset of the disclosure in the SD-JWT text. */
  start: number;
  decoded: DecodedDisclosure;
  /** base64url digest of the disclosure's ASCII text with `_sd_alg`; null when the algorithm is unsupported. */
  digest: string | null;
  /** Where its digest was found in the payload (or in another disclosure's value); null when nowhere. */
  foundAt: string | null;
  state: 'matched' | 'unmatched';
}

export interface SdJwtAnalysis {
  sdAlg: string;
  /** The algorithm is one we can compute. */
  algSupported: boolean;
  disclosures: DisclosureReport[];
  /** The claims a verifier ends up with (RFC 9901 §7.1), null when the payload is not an object. */
  claims: Record<string, JsonValue> | null;
  /** JSON paths of the claims that came from a disclosure ("$.address.locality", "$.nationalities[0]"). */
  disclosedPaths: string[];
  /** Digests reachable in the processed payload that no disclosure matches (decoys included). */
  undisclosedDigests: number;
  problems: SdProblem[];
}
