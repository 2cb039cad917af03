// What the token finder reports. Everything is a plain value: the finder never throws on
// what it reads, it only reports less.

export type FoundKind = 'jws' | 'jwe' | 'sd-jwt' | 'jws-json' | 'jwe-json';

export type SourceType =
  /** An Authorization (or Proxy-Authorization) header; `scheme` names its scheme when it has one. */
  | 'authorization'
  /** Any other header (DPoP, X-Access-Token, Location…); `name` is the header name. */
  | 'header'
  | 'cookie'
  | 'set-cookie'
  | 'url-query'
  | 'url-fragment'
  /** The path of a URL (…/verify/<token>). */
  | 'url-path'
  /** A field of a form-encoded body (application/x-www-form-urlencoded, curl -d a=b). */
  | 'form'
  /** A string value of a JSON document; `path` says which. */
  | 'json'
  /** Free text: log lines, prose, a body that is neither JSON nor a form. */
  | 'text';

export interface HarPlace {
  /** Index in log.entries. */
  entry: number;
  side: 'request' | 'response';
  /** The entry's request URL. */
  url: string;
}

export interface TokenSource {
  type: SourceType;
  /** Header, cookie, parameter or form field name. */
  name?: string;
  /** The Authorization scheme as written (Bearer, DPoP…); absent when the header has none. */
  scheme?: string;
  /**
   * Where in JSON: `$.access_token`. A JSON document held in a string of another one is
   * joined with ' → ': `$.log.entries[3].response.content.text → $.id_token`.
   */
  path?: string;
  /** The URL a query or fragment parameter was read from. */
  url?: string;
  /** 1-based line of the pasted text (absent when the paste is one JSON document or a HAR). */
  line?: number;
  /** Set when the token came from a HAR entry. */
  har?: HarPlace;
}

export interface TokenPlace {
  source: TokenSource;
  /**
   * UTF-16 offsets in the pasted text. Exact when the token appears there as is; when it had
   * to be decoded first (percent-encoding, JSON escapes, base64 HAR content) they cover the
   * encoded text that held it.
   */
  start: number;
  end: number;
}

export type TokenPart = 'header' | 'payload' | 'signature' | 'encrypted-key' | 'iv' | 'ciphertext' | 'tag' | 'disclosure' | 'key-binding';

/** A token cut short, e.g. by a log line limit. */
export interface Truncation {
  /** The first part that is missing or incomplete. */
  part: TokenPart;
  /** For a disclosure: its 0-based index among the disclosures. */
  index?: number;
  /** Offset in `token` where the cut is (the token's length: the rest is missing). */
  offset: number;
  /** The payload when it was complete (parsed JSON, or the decoded text when it is not JSON). */
  payload?: unknown;
}

export interface SdJwtParts {
  issuerJwt: string;
  /** Each disclosure as written, with its decoded JSON array. */
  disclosures: { text: string; value: unknown[] }[];
  keyBinding: string | null;
}

export interface FoundToken {
  /** The token text, decoded from percent-encoding or escapes when it had to be. */
  token: string;
  kind: FoundKind;
  /** The decoded protected header (for an SD-JWT: the issuer JWT's; for JSON serializations: the first signature's or the JWE's). */
  header: Record<string, unknown>;
  /**
   * Every place the same token was found, in the order they appear; never empty. The same
   * token found twice is reported once, with both places.
   */
  places: TokenPlace[];
  /** Set when the token was cut short. */
  truncated?: Truncation;
  sdJwt?: SdJwtParts;
}

export interface FindOptions {
  /** Stop after this many distinct tokens (default MAX_FOUND_TOKENS): a paste of a million tokens stays usable. */
  maxTokens?: number;
}

export interface SliceOptions extends FindOptions {
  /** Longest run between two yields to the event loop, in milliseconds (default 16). */
  sliceBudgetMs?: number;
  /** Called after each slice; lets a caller measure or show progress. */
  onSlice?: (sliceMs: number) => void;
}

/** How many distinct tokens the finder lists at most, unless told otherwise. */
export const MAX_FOUND_TOKENS = 1000;
