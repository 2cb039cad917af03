// Cutting a compact token at its dots, and saying what is wrong when the count fits neither a
// JWS (3 segments) nor a JWE (5).

import type { SegmentPart } from './segment-part';
import type { TokenIssue } from './types';
import { t } from './messages';

export interface SplitToken {
  parts: SegmentPart[];
  /** Index of each '.' in the token (not in the raw input). */
  dots: number[];
}

/** `tokenStart` is where the token sits in the raw input, so each part knows its place there. */
export function splitSegments(token: string, tokenStart: number): SplitToken {
  const dots: number[] = [];
  for (let i = token.indexOf('.'); i >= 0; i = token.indexOf('.', i + 1)) dots.push(i);
  const parts: SegmentPart[] = [];
  let from = 0;
  for (const dot of [...dots, token.length]) {
    parts.push({ text: token.slice(from, dot), start: tokenStart + from });
    from = dot + 1;
  }
  return { parts, dots };
}

/** The error for a segment count other than 3 or 5; `headerHasEnc` means the token is meant to be a JWE. */
export function segmentCountProblem(count: number, token: string, tokenStart: number, dots: number[], headerHasEnc: boolean): TokenIssue {
  if (count === 1) {
    return {
      severity: 'error',
      message: t('token.oneSegment'),
      offset: tokenStart,
      length: token.length,
    };
  }
  if (count === 2) {
    return {
      severity: 'error',
      message: t('token.twoSegments'),
      offset: tokenStart + token.length,
      length: 0,
    };
  }
  // Point at the first dot too many for a JWS (or for a JWE when there are more than 5 segments).
  const firstExtraDot = count > 5 ? dots[4] : count === 4 && !headerHasEnc ? dots[2] : undefined;
  return {
    severity: 'error',
    message: !headerHasEnc
      ? t('token.segmentsStrayDot', { count: String(count) })
      : count === 4
        ? t('token.segmentsOneMissingJwe', { count: String(count) })
        : t('token.segmentsStrayDotJwe', { count: String(count) }),
    offset: firstExtraDot !== undefined ? tokenStart + firstExtraDot : tokenStart + token.length,
    length: firstExtraDot !== undefined ? 1 : 0,
  };
}
