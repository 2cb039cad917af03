/** The role a segment of a compact token plays. `extra` marks segments beyond what a JWS or JWE can have. */
export type SegmentRole =
  | 'header'
  | 'payload'
  | 'signature'
  | 'encryptedKey'
  | 'iv'
  | 'ciphertext'
  | 'tag'
  | 'disclosure'
  | 'keyBinding'
  | 'extra';

export interface TokenSegment {
  role: SegmentRole;
  /** Human label: "Header", "Payload", "Signature", "Encrypted key", "IV", "Ciphertext", "Tag". */
  label: string;
  /** Offsets into the RAW input string (end exclusive), so an editor can colour the segment where it is. */
  start: number;
  end: number;
  /** Decoded length in bytes; null when the segment is not valid base64url (or not base64url at all, b64:false). */
  byteLength: number | null;
}

export interface TokenIssue {
  severity: 'error' | 'warning' | 'info';
  /** A sentence a developer understands, naming what is wrong and where. */
  message: string;
  /** The segment the issue is in, when it is in one. */
  segment?: SegmentRole;
  /** Absolute offset into the raw input of the bad spot. */
  offset?: number;
  /** Length (in UTF-16 code units of the raw input) of the bad spot, for marking it. */
  length?: number;
  /** Offset of the bad spot within its segment (0-based), when it is in one. */
  segmentOffset?: number;
  /** A note about something allowed (b64: false, a nested token, text removed around the token), not a broken rule. */
  informational?: true;
}

export type PayloadView =
  | { kind: 'json'; value: Record<string, unknown>; pretty: string }
  /** UTF-8 text that is not a JSON object, or an unencoded (b64:false) payload. `note` says why it is not a claims set. */
  | { kind: 'text'; text: string; note: string }
  /** Bytes that are not UTF-8. */
  | { kind: 'hex'; hex: string; byteLength: number; note: string };

export interface DecodedHeader {
  value: Record<string, unknown>;
  pretty: string;
}

export interface DecodedToken {
  /** The input exactly as given. */
  raw: string;
  /** The compact token after stripping what surrounded it; always `raw.slice(tokenStart, tokenStart + token.length)`. */
  token: string;
  /** Index in `raw` where `token` starts. */
  tokenStart: number;
  /** What was removed around the token, in words, in the order it was removed. */
  stripped: string[];
  /** The input is nothing but whitespace: show an empty state rather than `error`. */
  empty: boolean;
  kind: 'jws' | 'jwe' | 'unknown';
  segments: TokenSegment[];
  /** The JWS header or JWE protected header, when it decoded. */
  header: DecodedHeader | null;
  /** JWS only: the payload, when it decoded. */
  payload: PayloadView | null;
  /** The first error; null when the token decoded. */
  error: TokenIssue | null;
  /** Every error, warning and note, in input order where that applies. */
  issues: TokenIssue[];
  /**
   * Set when the input is an SD-JWT (RFC 9901): `token` is then its issuer-signed JWT, and
   * this is the whole `<JWT>~<disclosure>~…~[<KB-JWT>]` text, starting at `tokenStart` too.
   */
  sdJwt?: string;
}
