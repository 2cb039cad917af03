'use client';

import { memo } from 'react';
import { describeTime, isLikelyTimeClaim, lookupClaim, rawNumber, type ClaimLocation } from '@/lib/claims';
import { formatCount } from '@/lib/format/count';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';
import { useHydrated } from '@/components/common/useHydrated';

/** A table with thousands of rows helps nobody and slows the page; the rest is one click away. */
const ROW_LIMIT = 200;

interface ClaimsTableProps {
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  now: number;
  showAllRows: boolean;
  onShowAllRows: () => void;
}

export const ClaimsTable = memo(function ClaimsTable({ header, payload, now, showAllRows, onShowAllRows }: ClaimsTableProps) {
  useLocale();
  const rows: { name: string; value: unknown; where: ClaimLocation }[] = [
    ...Object.entries(header ?? {}).map(([name, value]) => ({ name, value, where: 'header' as const })),
    ...Object.entries(payload ?? {}).map(([name, value]) => ({ name, value, where: 'payload' as const })),
  ];
  if (rows.length === 0) return null;
  const shown = showAllRows ? rows : rows.slice(0, ROW_LIMIT);

  return (
    <div>
      <table translate="no" className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('ui-decoder.claimsCaption')}</caption>
        <thead className="hidden text-xs uppercase tracking-wide text-zinc-600 md:table-header-group dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2 pr-3 font-semibold">{t('ui-decoder.columnName')}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t('ui-decoder.columnValue')}</th>
            <th scope="col" className="py-2 font-semibold">{t('ui-decoder.columnMeaning')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <ClaimRow key={`${row.where}:${row.name}`} {...row} now={now} />
          ))}
        </tbody>
      </table>
      {shown.length < rows.length ? (
        <p className="mt-2 text-sm">
          {t('ui-decoder.showingSome', { shown: formatCount(shown.length), total: formatCount(rows.length) })}{' '}
          <button type="button" className="underline" onClick={onShowAllRows}>
            {t('ui-decoder.showAll')}
          </button>
        </p>
      ) : null}
    </div>
  );
});

function ClaimRow({ name, value, where, now }: { name: string; value: unknown; where: ClaimLocation; now: number }) {
  const info = lookupClaim(name, where);
  const isTime = typeof value === 'number' || typeof value === 'string' ? isLikelyTimeClaim(name, value) : false;
  return (
    <tr data-testid="claim-row" data-claim={name} data-where={where} className="block border-t border-zinc-200 py-2 align-top md:table-row md:py-0 dark:border-zinc-800">
      <th scope="row" className="block py-1 pr-3 text-left font-normal md:table-cell md:py-2">
        <code className="font-mono text-[13px] font-semibold break-all">{name}</code>
        <span className="ml-2 rounded bg-zinc-100 px-1 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{where === 'header' ? t('ui-decoder.badgeHeader') : t('ui-decoder.badgeClaim')}</span>
        {info ? <div className="text-xs text-zinc-600 dark:text-zinc-400">{info.title}</div> : null}
      </th>
      <td className="block py-1 pr-3 md:table-cell md:max-w-[22rem] md:py-2">
        <ClaimValue name={name} value={value} isTime={isTime} now={now} />
      </td>
      <td className="block py-1 text-zinc-700 md:table-cell md:py-2 dark:text-zinc-300">
        {info ? (
          <>
            {info.description}{' '}
            <a href={info.spec.url} target="_blank" rel="noopener noreferrer" className="whitespace-nowrap text-blue-700 underline underline-offset-2 dark:text-blue-300">
              {info.spec.label}
            </a>
          </>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">{t('ui-decoder.privateClaim')}</span>
        )}
      </td>
    </tr>
  );
}

function ClaimValue({ name, value, isTime, now }: { name: string; value: unknown; isTime: boolean; now: number }) {
  // The local time and how long ago depend on the reader's zone and clock: the prerendered page has only the ISO time.
  const hydrated = useHydrated();
  // Always text: React escapes it, and nothing here becomes markup or a live link.
  const text = typeof value === 'string' ? value : typeof value === 'number' ? rawNumber(value) : jsonText(value);
  const short = text.length > 300 ? t('ui-decoder.valueCut', { start: text.slice(0, 300), count: formatCount(text.length) }) : text;
  if (!isTime) return <code className="font-mono text-[13px] break-all whitespace-pre-wrap">{short}</code>;
  const time = describeTime(value, now, name);
  return (
    <div>
      <code className="font-mono text-[13px] break-all">{short}</code>
      {time.ok ? (
        <div className="mt-0.5 text-xs">
          <time dateTime={time.iso} className="font-mono">{time.iso}</time>
          {hydrated ? <span className="text-zinc-600 dark:text-zinc-400"> · {time.local}</span> : null}
          {hydrated ? (
            <div
              data-testid="claim-relative"
              className={`font-medium ${time.tense === 'past' && name === 'exp' ? 'text-red-700 dark:text-red-300' : 'text-zinc-700 dark:text-zinc-200'}`}
            >
              {time.status.includes(time.relative) ? time.status : `${time.status} (${time.relative})`}
            </div>
          ) : (
            // Holds the line the relative time takes, so nothing moves when it is filled in.
            <div aria-hidden="true">{'\u00a0'}</div>
          )}
        </div>
      ) : (
        <div role="note" className="mt-0.5 text-xs text-amber-800 dark:text-amber-300">
          {time.message}
          {time.likely ? <div>{t('ui-decoder.readAsIntended', { iso: time.likely.iso, relative: time.likely.relative })}</div> : null}
        </div>
      )}
    </div>
  );
}

/** JSON text of a claim value; a value too deep to serialise says so instead of throwing. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return t('ui-decoder.tooDeep');
  }
}
