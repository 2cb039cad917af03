// What the decoder holds: only what the user typed and chose. Everything shown is derived from it.
import type { ExpectedClaims } from '@/lib/claims';
import type { SecretEncoding } from '@/lib/keys';
import type { OidcExpected } from '@/lib/oidc/types';

export interface DecoderState {
  token: string;
  key: string;
  secretEncoding: SecretEncoding;
  clockSkewSeconds: number;
  expected: ExpectedClaims;
  /** Check claims, relative times and certificates as of this ISO 8601 instant instead of now. */
  at?: string;
  /** For a nested token: the key that verifies the inner signature. */
  innerKey?: string;
  /**
   * What the ID token / access token checks compare with (the issuer is `expected.iss`,
   * shared with the claim checks). Never put into a link: the access token and code are credentials.
   */
  oidc?: Pick<OidcExpected, 'clientId' | 'nonce' | 'accessToken' | 'code' | 'maxAge'>;
  /** A token found in the editor's text and opened; it applies only while the editor holds exactly `from`. */
  opened?: { from: string; token: string };
  /**
   * A file too large for the editor (a HAR, a long log): its tokens are listed and the one
   * picked is put in the editor instead of the whole file. Held in memory only, never in a link.
   */
  file?: { name: string; text: string };
}

/** What the claim and ID token checks read of the decoder's state (and nothing else, so typing a token does not redraw them). */
export type ChecksSettings = Pick<DecoderState, 'expected' | 'clockSkewSeconds' | 'oidc'>;

/** What a panel of checks on the decoded claims (claim checks, ID token checks) is given. */
export interface ChecksPanelProps {
  header: Record<string, unknown> | null;
  claims: Record<string, unknown>;
  now: number;
  state: ChecksSettings;
  onChange: (patch: Partial<DecoderState>) => void;
}
