/** One OpenID Connect / RFC 9068 check: what a relying party or resource server must verify. */
export type OidcCheckState = 'pass' | 'fail' | 'unchecked';

export type OidcCheckName =
  | 'alg'
  | 'typ'
  | 'iss'
  | 'aud'
  | 'azp'
  | 'nonce'
  | 'at_hash'
  | 'c_hash'
  | 'exp'
  | 'iat'
  | 'auth_time'
  | 'sub'
  | 'client_id'
  | 'jti';

export interface OidcCheck {
  check: OidcCheckName;
  state: OidcCheckState;
  /** A sentence that says why; for `unchecked`, what to enter to check it. */
  message: string;
}

/**
 * What the user sent and expects, as typed: empty strings count as not given.
 * The access token and the code are credentials: they are held in the page only.
 */
export interface OidcExpected {
  issuer?: string;
  clientId?: string;
  nonce?: string;
  /** The access token issued with the ID token, for at_hash. */
  accessToken?: string;
  /** The authorization code issued with the ID token, for c_hash. */
  code?: string;
  /** The max_age the authentication request sent, in seconds, as typed. */
  maxAge?: string;
  /** For an access token: the resource server's identifier, which aud must contain. */
  audience?: string;
}

export interface OidcCheckOptions {
  /** The instant to check as of, in milliseconds since the epoch. */
  now: number;
  /** Leeway for exp, iat and auth_time, in seconds. */
  clockSkewSeconds?: number;
  expected?: OidcExpected;
}

export type Json = Record<string, unknown>;
