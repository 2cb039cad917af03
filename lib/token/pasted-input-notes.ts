// What the decoder says about the text around the token it removed (see normalise.ts).

import type { TokenIssue } from './types';

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The error when no token is left: an empty input gets a hint on what to paste. */
export function nothingToDecodeIssue(inputIsBlank: boolean, stripped: readonly string[], tokenStart: number): TokenIssue {
  return {
    severity: 'error',
    message: inputIsBlank
      ? 'Nothing to decode: paste a token (a JWS is three base64url parts separated by dots)'
      : `Nothing is left to decode after removing ${joinWords(stripped)}`,
    offset: tokenStart,
    length: 0,
  };
}

/** A note, not a warning: removing a 'Bearer ' prefix or quotes is what the user wants. */
export function strippedInputNote(stripped: readonly string[], tokenStart: number): TokenIssue {
  return {
    severity: 'info',
    message: `Removed ${joinWords(stripped)} before decoding; the token itself is unchanged`,
    informational: true,
    offset: tokenStart,
    length: 0,
  };
}
