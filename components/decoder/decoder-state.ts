// What the decoder holds: only what the user typed and chose. Everything shown is derived from it.
import type { ExpectedClaims } from '@/lib/claims';
import type { SecretEncoding } from '@/lib/keys';

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
  /** A token found in the editor's text and opened; it applies only while the editor holds exactly `from`. */
  opened?: { from: string; token: string };
}
