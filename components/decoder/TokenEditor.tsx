'use client';

import { memo, useMemo } from 'react';
import type { DecodedToken } from '@/lib/token';
import { CodeEditor, type EditorMarker, type EditorRange } from '@/components/editor/CodeEditor';
import { formatCount } from '@/lib/format/count';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

/**
 * The encoded-token editor: colours each segment by its role and marks the bad spot.
 * `offset` is where the decoded token starts in the editor's text (a token found in a longer paste).
 */
export const TokenEditor = memo(function TokenEditor({ value, onChange, decoded, offset = 0 }: { value: string; onChange: (value: string) => void; decoded: DecodedToken | null; offset?: number }) {
  const locale = useLocale();
  const ranges = useMemo<EditorRange[]>(() => {
    if (!decoded) return [];
    const result: EditorRange[] = [];
    // A real token has 3 or 5 segments; colouring a million of a hostile paste would only stall the editor.
    decoded.segments.slice(0, 64).forEach((segment, index) => {
      result.push({
        start: offset + segment.start,
        end: offset + segment.end,
        className: `seg-${segment.role}`,
        hover: `**${segment.label}**: ${segment.byteLength === null ? t('ui-decoder.notBase64url') : t('ui-decoder.segmentBytes', { count: segment.byteLength, n: formatCount(segment.byteLength) })}`,
      });
      const next = decoded.segments[index + 1];
      if (next) result.push({ start: offset + segment.end, end: offset + next.start, className: 'seg-dot' });
    });
    return result;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: the hovers are worded in the language shown.
  }, [decoded, offset, locale]);

  const markers = useMemo<EditorMarker[]>(() => {
    const error = decoded?.error;
    if (!error || error.offset === undefined) return [];
    return [{ start: offset + error.offset, end: offset + error.offset + (error.length ?? 1), message: error.message, severity: 'error' }];
  }, [decoded, offset]);

  return (
    <CodeEditor
      testId="token-input"
      label={t('ui-decoder.tokenEditorLabel')}
      value={value}
      onChange={onChange}
      ranges={ranges}
      markers={markers}
      height="clamp(12rem, 40vh, 26rem)"
      placeholder={t('ui-decoder.tokenPlaceholder')}
    />
  );
});
