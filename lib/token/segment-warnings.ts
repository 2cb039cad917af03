// Segments whose presence must match the header's "alg": a signature for a signed JWS, an
// encrypted key for a JWE whose key is wrapped or encrypted, and the IV and tag every JWE has.

import type { DecodeContext } from './decode-context';
import { spanOfEmptySegment, spanOfSegment, type SegmentPart } from './segment-part';
import { t } from './messages';

/** JWE key management algorithms that carry no encrypted key (RFC 7518 §4.5, §4.6). */
const JWE_ALGS_WITHOUT_KEY = new Set(['dir', 'ECDH-ES']);

/** `byteLength` is null when the signature is not base64url: that error says enough already. */
export function checkSignaturePresence(ctx: DecodeContext, alg: string | undefined, part: SegmentPart, byteLength: number | null): void {
  if (alg === undefined) return;
  if (part.text.length === 0 && alg !== 'none') {
    ctx.issues.push({
      severity: 'warning',
      message: t('token.signatureEmpty', { alg }),
      segment: 'signature',
      ...spanOfEmptySegment(ctx.raw, part),
    });
  } else if (alg === 'none' && part.text.length > 0 && byteLength !== null) {
    ctx.issues.push({
      severity: 'warning',
      message: t('token.signatureWithNone'),
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
      message: t('token.encryptedKeyShouldBeEmpty', { alg }),
      segment: 'encryptedKey',
      ...spanOfSegment(part),
    });
  } else if (!JWE_ALGS_WITHOUT_KEY.has(alg) && part.text.length === 0) {
    ctx.issues.push({
      severity: 'warning',
      message: t('token.encryptedKeyEmpty', { alg }),
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
    message: role === 'iv' ? t('token.ivEmpty', { label }) : t('token.tagEmpty', { label }),
    segment: role,
    ...spanOfEmptySegment(ctx.raw, part),
    segmentOffset: 0,
  });
  return false;
}
