import type { TokenSegment } from '@/lib/token';
import { formatCount } from '@/lib/format/count';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

/** Each part of the token by its role and size, in the same colours as the editor. */
export function SegmentList({ segments }: { segments: readonly TokenSegment[] }) {
  useLocale();
  return (
    <section aria-labelledby="segments-heading">
      <h2 id="segments-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        {t('ui-decoder.segmentsHeading')}
      </h2>
      <ul className="grid gap-1 text-sm sm:grid-cols-2" data-testid="token-segments">
        {segments.map((segment, index) => (
          <li key={index} className="flex items-center gap-2" data-role={segment.role}>
            <span aria-hidden="true" className={`seg-${segment.role} font-mono font-bold`}>■</span>
            <span className="font-medium">{segment.label}</span>
            <span className="text-zinc-600 dark:text-zinc-400">
              {segment.byteLength === null ? t('ui-decoder.notBase64url') : t('ui-decoder.segmentBytes', { count: segment.byteLength, n: formatCount(segment.byteLength) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
