import type { TokenSegment } from '@/lib/token';
import { formatCount } from '@/lib/format/count';

/** Each part of the token by its role and size, in the same colours as the editor. */
export function SegmentList({ segments }: { segments: readonly TokenSegment[] }) {
  return (
    <section aria-labelledby="segments-heading">
      <h2 id="segments-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        Token parts
      </h2>
      <ul className="grid gap-1 text-sm sm:grid-cols-2" data-testid="token-segments">
        {segments.map((segment, index) => (
          <li key={index} className="flex items-center gap-2" data-role={segment.role}>
            <span aria-hidden="true" className={`seg-${segment.role} font-mono font-bold`}>■</span>
            <span className="font-medium">{segment.label}</span>
            <span className="text-zinc-600 dark:text-zinc-400">
              {segment.byteLength === null ? 'not valid base64url' : `${formatCount(segment.byteLength)} bytes`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
