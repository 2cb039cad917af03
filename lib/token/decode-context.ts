// What every step of decoding one token shares: the raw input (to locate issues in it), whether
// the token is read as a JWE (which renames its header), and the list the issues go to.

import type { TokenIssue } from './types';

export interface DecodeContext {
  readonly raw: string;
  readonly isJwe: boolean;
  /** Issues in the order they were found. */
  readonly issues: TokenIssue[];
}

export function createDecodeContext(raw: string, isJwe = false): DecodeContext {
  return { raw, isJwe, issues: [] };
}
