// Members a decoded header must have, or must not have, for the kind of token it heads.
// Warnings, not errors: the token still decodes, but libraries will refuse it.

import type { DecodeContext } from './decode-context';
import { kindOfJson } from './json-kind';
import { spanOfSegment, type SegmentPart } from './segment-part';
import type { DecodedToken } from './types';

export function pushHeaderWarnings(ctx: DecodeContext, header: Record<string, unknown>, kind: DecodedToken['kind'], part: SegmentPart): void {
  const warn = (message: string) => ctx.issues.push({ severity: 'warning', message, segment: 'header', ...spanOfSegment(part) });
  if (!('alg' in header)) {
    warn('The header has no "alg" member, which every JWS and JWE must have (RFC 7515 §4.1.1, RFC 7516 §4.1.1)');
  } else if (typeof header.alg !== 'string') {
    warn(`The header's "alg" must be a string, but it is ${kindOfJson(header.alg)}`);
  }
  if (kind === 'jws' && 'enc' in header) {
    warn('The header has "enc", which belongs to a JWE, but the token has 3 segments like a JWS');
  }
  if (kind === 'jwe' && !('enc' in header)) {
    warn('The protected header has no "enc" member, which every JWE must have (RFC 7516 §4.1.2)');
  }
  if (kind === 'jws' && 'b64' in header) {
    if (typeof header.b64 !== 'boolean') {
      warn(`"b64" must be true or false (RFC 7797 §3), but it is ${kindOfJson(header.b64)}; the payload is read as base64url`);
    } else if (header.b64 === false && !(Array.isArray(header.crit) && header.crit.includes('b64'))) {
      warn('"b64": false must be listed in "crit" (RFC 7797 §6); without it, libraries that do not know b64 read the payload as base64url');
    }
  }
}
