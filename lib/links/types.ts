export type LinkMode = 'decode' | 'encode' | 'flow';
export type SecretEncoding = 'utf8' | 'base64url' | 'base64' | 'hex';

/** What a share link can carry. Every field is optional; absent means "the app's default". */
export interface LinkState {
  mode?: LinkMode;
  /** Decoder: the compact token. */
  token?: string;
  /** Decoder: the verification or decryption key, exactly as pasted. */
  key?: string;
  /** How an HMAC secret in `key` or `signingKey` is read. */
  secretEncoding?: SecretEncoding;
  /** Encoder: header JSON text, payload text, algorithm, and the signing key (only when the user opts in). */
  header?: string;
  payload?: string;
  alg?: string;
  signingKey?: string;
  /** Decoder: judge claims, relative times and certificates as of this ISO 8601 date-time (UTC), not now. */
  at?: string;
  /** Getting a token: the set-up only (never a code, a verifier or a token). */
  issuer?: string;
  clientId?: string;
  scope?: string;
}

export type LinkSource = 'fragment' | 'legacy-fragment' | 'query' | 'none';

export interface ReadLinkResult {
  state: LinkState;
  /** Where the token (or other state) came from. */
  source: LinkSource;
  /** For an older link shape, which one, e.g. "#debugger-io?token=", "#id_token=". */
  legacyShape?: string;
  /** The query string carried a token, which means it reached the server: tell the user. */
  queryHadToken: boolean;
  /** Credential parameters found in the query string (each reached the server); all are removed. */
  removedFromQuery?: string[];
  /**
   * Credential parameters found in the fragment that are not the link's own state (an OpenID
   * Connect redirect's `id_token`, a `code`, a `client_secret`…), removed once read.
   */
  removedFromFragment?: string[];
  /** The fragment was not one of our links (a sign-in redirect, say) and went as a whole. */
  removedWholeFragment?: boolean;
  /** Of the removed parameters, those removed for what they held (a token or a private key; or the name was itself a token), not for their name. */
  removedForTheirValue?: string[];
  /**
   * When credentials were found in the query string or the fragment: the URL to show instead
   * (history.replaceState), with them removed. Nothing is moved into the fragment.
   */
  cleanedUrl?: string;
}
