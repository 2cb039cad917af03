'use client';

import { memo, useMemo } from 'react';
import type { DecodedToken } from '@/lib/token';
import { CodeEditor, type EditorMarker, type EditorRange } from '@/components/editor/CodeEditor';
import { formatCount } from '@/lib/format/count';

/**
 * The encoded-token editor: colours each segment by its role and marks the bad spot.
 * `offset` is where the decoded token starts in the editor's text (a token found in a longer paste).
 */
export const TokenEditor = memo(function TokenEditor({ value, onChange, decoded, offset = 0 }: { value: string; onChange: (value: string) => void; decoded: DecodedToken | null; offset?: number }) {
  const ranges = useMemo<EditorRange[]>(() => {
    if (!decoded) return [];
    const result: EditorRange[] = [];
    // A real token has 3 or 5 segments; colouring a million of a hostile paste would only stall the editor.
    decoded.segments.slice(0, 64).forEach((segment, index) => {
      result.push({
        start: offset + segment.start,
        end: offset + segment.end,
        className: `seg-${segment.role}`,
        hover: `**${segment.label}**: ${segment.byteLength === null ? 'not valid base64url' : `${formatCount(segment.byteLength)} bytes`}`,
      });
      const next = decoded.segments[index + 1];
      if (next) result.push({ start: offset + segment.end, end: offset + next.start, className: 'seg-dot' });
    });
    return result;
  }, [decoded, offset]);

  const markers = useMemo<EditorMarker[]>(() => {
    const error = decoded?.error;
    if (!error || error.offset === undefined) return [];
    return [{ start: offset + error.offset, end: offset + error.offset + (error.length ?? 1), message: error.message, severity: 'error' }];
  }, [decoded, offset]);

  return (
    <CodeEditor
      testId="token-input"
      label="Encoded token: paste a JWT, JWS or JWE"
      value={value}
      onChange={onChange}
      ranges={ranges}
      markers={markers}
      height="clamp(12rem, 40vh, 26rem)"
      placeholder="Paste a token (eyJ…), a 'Bearer …' value or a whole Authorization header"
    />
  );
});
