import type { SecretEncoding } from '@/lib/keys';

export type LabTab = 'compare' | 'attacks' | 'snippets';

/** What the token lab gets from the decoder. */
export interface LabInput {
  /** The decoded token, without "Bearer " and the like. */
  token: string;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  keyText: string;
  secretEncoding: SecretEncoding;
}

/** The lab's own state. */
export interface LabState {
  tab: LabTab;
  /** The second token of the comparison. */
  otherToken: string;
  /** An address for the jku/x5u variants (written into tokens, never fetched). */
  jkuUrl: string;
  /** A JWKS URL for the snippets. */
  jwksUrl: string;
  /** Put the token and the secret into the snippets. */
  include: boolean;
}

export const INITIAL_LAB_STATE: LabState = { tab: 'compare', otherToken: '', jkuUrl: '', jwksUrl: '', include: false };
