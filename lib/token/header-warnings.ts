// Members a decoded header must have, or must not have, for the kind of token it heads.
// Warnings, not errors: the token still decodes, but libraries will refuse it.

import type { DecodeContext } from './decode-context';
import { kindOfJson } from './json-kind';
import { spanOfSegment, type SegmentPart } from './segment-part';
import type { DecodedToken } from './types';
import { t } from './messages';

export function pushHeaderWarnings(ctx: DecodeContext, header: Record<string, unknown>, kind: DecodedToken['kind'], part: SegmentPart): void {
  const warn = (message: string) => ctx.issues.push({ severity: 'warning', message, segment: 'header', ...spanOfSegment(part) });
  if (!('alg' in header)) {
    warn(t('token.headerNoAlg'));
  } else if (typeof header.alg !== 'string') {
    warn(t('token.headerAlgNotString', { kind: kindOfJson(header.alg) }));
  }
  if (kind === 'jws' && 'enc' in header) {
    warn(t('token.headerEncInJws'));
  }
  if (kind === 'jwe' && !('enc' in header)) {
    warn(t('token.headerJweNoEnc'));
  }
  if (kind === 'jws' && 'b64' in header) {
    if (typeof header.b64 !== 'boolean') {
      warn(t('token.headerB64NotBoolean', { kind: kindOfJson(header.b64) }));
    } else if (header.b64 === false && !(Array.isArray(header.crit) && header.crit.includes('b64'))) {
      warn(t('token.headerB64NotCrit'));
    }
  }
}
