// Turns whatever was pasted into a decoded token, or into located errors. Every part that
// can be decoded is, even when another part is broken, so the view can show what it can.
// Each step lives in its own module; this one runs them in order and assembles the result.

import { createDecodeContext } from './decode-context';
import { decodeHeaderSegment } from './header';
import { pushHeaderWarnings } from './header-warnings';
import { stripPastedInput } from './normalise';
import { nothingToDecodeIssue, strippedInputNote } from './pasted-input-notes';
import { decodePayloadSegment } from './payload';
import { binarySegmentLength } from './segment-bytes';
import { JWE_ROLES, rolesForSegments, segmentLabel } from './segment-roles';
import { checkEncryptedKey, checkJweIvOrTagPresent, checkSignaturePresence } from './segment-warnings';
import { sdJwtSegments, separateSdJwt } from './sd-jwt-segments';
import { segmentCountProblem, splitSegments } from './split-segments';
import type { DecodedToken, TokenIssue, TokenSegment } from './types';
import { t } from './messages';

/** Extra segments past this many are marked but not decoded one by one. */
const MAX_CHECKED_SEGMENTS = 8;

function decodeUnguarded(raw: string): DecodedToken {
  const { start, end: inputEnd, stripped } = stripPastedInput(raw);
  const { token, sdJwt } = separateSdJwt(raw.slice(start, inputEnd));
  const ctx = createDecodeContext(raw);
  const result: DecodedToken = {
    raw,
    token,
    tokenStart: start,
    stripped,
    empty: token.length === 0 && raw.trim().length === 0,
    kind: 'unknown',
    segments: [],
    header: null,
    payload: null,
    error: null,
    issues: ctx.issues,
  };

  if (token.length === 0) {
    ctx.issues.push(nothingToDecodeIssue(result.empty, stripped, start));
    result.error = ctx.issues[0] ?? null;
    return result;
  }
  if (stripped.length > 0) ctx.issues.push(strippedInputNote(stripped, start));

  const { parts, dots } = splitSegments(token, start);
  const count = parts.length;

  // The header decides how to read the rest, so decode it first and report it after the shape.
  const headerCtx = createDecodeContext(raw, count === 5);
  const headerPart = parts[0]!;
  const headerResult = decodeHeaderSegment(headerCtx, headerPart);
  const header = headerResult.ok ? headerResult.header : null;
  const headerValue = header?.value ?? null;
  const hasEnc = headerValue !== null && 'enc' in headerValue;

  if (count !== 3 && count !== 5) ctx.issues.push(segmentCountProblem(count, token, start, dots, hasEnc));
  ctx.issues.push(...headerCtx.issues);
  result.header = header;
  result.kind = count === 3 ? 'jws' : count === 5 ? 'jwe' : 'unknown';

  const roles = rolesForSegments(count, hasEnc);
  const segments: TokenSegment[] = parts.map((part, i) => {
    const role = roles[i] ?? 'extra';
    return { role, label: segmentLabel(role, roles === JWE_ROLES), start: part.start, end: part.start + part.text.length, byteLength: null };
  });
  result.segments = segments;
  segments[0]!.byteLength = headerResult.byteLength;

  if (headerValue) pushHeaderWarnings(ctx, headerValue, result.kind, headerPart);

  const alg = typeof headerValue?.alg === 'string' ? headerValue.alg : undefined;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    switch (segment.role) {
      case 'payload': {
        const payload = decodePayloadSegment(ctx, part, headerValue);
        result.payload = payload.view;
        segment.byteLength = payload.byteLength;
        break;
      }
      case 'signature':
        segment.byteLength = binarySegmentLength(ctx, 'signature', part);
        if (count === 3) checkSignaturePresence(ctx, alg, part, segment.byteLength);
        break;
      case 'iv':
      case 'tag':
        segment.byteLength = checkJweIvOrTagPresent(ctx, segment.role, segment.label, part) ? binarySegmentLength(ctx, segment.role, part) : 0;
        break;
      case 'encryptedKey':
        segment.byteLength = binarySegmentLength(ctx, 'encryptedKey', part);
        if (count === 5) checkEncryptedKey(ctx, alg, part);
        break;
      default:
        // Segments beyond any a token can have are each an error already; decoding thousands of them says nothing more.
        segment.byteLength = i < MAX_CHECKED_SEGMENTS ? binarySegmentLength(ctx, segment.role, part) : null;
    }
  }

  if (sdJwt) {
    result.sdJwt = sdJwt;
    result.segments.push(...sdJwtSegments(sdJwt, start));
  }
  result.error = ctx.issues.find((issue) => issue.severity === 'error') ?? null;
  return result;
}

/**
 * Decodes a pasted compact JWS or JWE. Never throws, for any string.
 * Check `empty` first (show an empty state), then `error` (the first error, located by
 * `segment` and/or `offset`), then `header`/`payload`, which hold whatever did decode.
 */
export function decodeToken(raw: string): DecodedToken {
  const input = typeof raw === 'string' ? raw : String(raw);
  try {
    return decodeUnguarded(input);
  } catch (e) {
    // A bug must not take the page down: report it as a located error instead.
    const error: TokenIssue = {
      severity: 'error',
      message: t('token.internalError', { reason: e instanceof Error ? e.message : String(e) }),
      offset: 0,
      length: 0,
    };
    return {
      raw: input,
      token: input,
      tokenStart: 0,
      stripped: [],
      empty: false,
      kind: 'unknown',
      segments: [],
      header: null,
      payload: null,
      error,
      issues: [error],
    };
  }
}
