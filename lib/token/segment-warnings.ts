// Segments whose presence must match the header's "alg": a signature for a signed JWS, an
// encrypted key for a JWE whose key is wrapped or encrypted, and the IV and tag every JWE has.

import type { DecodeContext } from './decode-context';
import { spanOfEmptySegment, spanOfSegment, type SegmentPart } from './segment-part';

/** JWE key management algorithms that carry no encrypted key (RFC 7518 §4.5, §4.6). */
const JWE_ALGS_WITHOUT_KEY = new Set(['dir', 'ECDH-ES']);

/** `byteLength` is null when the signature is not base64url: that error says enough already. */
export function checkSignaturePresence(ctx: DecodeContext, alg: string | undefined, part: SegmentPart, byteLength: number | null): void {
  if (alg === undefined) return;
  if (part.text.length === 0 && alg !== 'none') {
    ctx.issues.push({
      severity: 'warning',
      message: `The signature segment is empty although "alg" is "${alg}": the token cannot be verified (was the signature cut off?)`,
      segment: 'signature',
      ...spanOfEmptySegment(ctx.raw, part),
    });
  } else if (alg === 'none' && part.text.length > 0 && byteLength !== null) {
    ctx.issues.push({
      severity: 'warning',
      message: '"alg" is "none" but the signature segment is not empty; an unsecured JWS must have an empty signature (RFC 7518 §3.6)',
      segment: 'signature',
      ...spanOfSegment(part),
    });
  }
}

export function checkEncryptedKey(ctx: DecodeContext, alg: string | undefined, part: SegmentPart): void {
  if (alg === undefined) return;
  if (JWE_ALGS_WITHOUT_KEY.has(alg) && part.text.length > 0) {
    ctx.issues.push({
      severity: 'warning',
      message: `The encrypted key segment should be empty when "alg" is "${alg}" (RFC 7518 §4.5, §4.6)`,
      segment: 'encryptedKey',
      ...spanOfSegment(part),
    });
  } else if (!JWE_ALGS_WITHOUT_KEY.has(alg) && part.text.length === 0) {
    ctx.issues.push({
      severity: 'warning',
      message: `The encrypted key segment is empty although "alg" is "${alg}", which wraps or encrypts a key: the token cannot be decrypted`,
      segment: 'encryptedKey',
      ...spanOfEmptySegment(ctx.raw, part),
    });
  }
}

/** An empty IV or tag is an error: every JWE content encryption algorithm (RFC 7518 §5) has both. */
export function checkJweIvOrTagPresent(ctx: DecodeContext, role: 'iv' | 'tag', label: string, part: SegmentPart): boolean {
  if (part.text.length > 0) return true;
  ctx.issues.push({
    severity: 'error',
    message: `${label} segment is empty: every JWE content encryption algorithm (RFC 7518 §5) needs ${role === 'iv' ? 'an initialization vector' : 'an authentication tag'}`,
    segment: role,
    ...spanOfEmptySegment(ctx.raw, part),
    segmentOffset: 0,
  });
  return false;
}
