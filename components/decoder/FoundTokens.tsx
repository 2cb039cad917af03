'use client';

import { describeSource } from '@/lib/find/describe';
import { describeTruncation, textBeforeCut } from '@/lib/find/opened-token';
import type { FoundKind, FoundToken } from '@/lib/find/types';
import { formatCount } from '@/lib/format/count';
import { BUTTON } from '@/components/common/button';
import { MAX_FOUND_TOKENS } from '@/lib/find/types';
import { t } from './messages';
import { inEnglish } from '@/lib/i18n/translate';
import { useLocale } from '@/components/i18n/useLocale';

const KIND_NAMES: Record<FoundKind, string> = {
  jws: 'JWS',
  jwe: 'JWE',
  'sd-jwt': 'SD-JWT',
  'jws-json': 'JWS (JSON)',
  'jwe-json': 'JWE (JSON)',
};

/** How much of a token the list shows; the whole token is decoded when it is opened. */
const PREVIEW_CHARS = 40;

/** The tokens found in pasted text or a file: one button each; the opened one is pressed. */
export function FoundTokens({
  found,
  opened,
  onOpen,
  fileName,
  onClose,
}: {
  found: readonly FoundToken[];
  opened: string;
  onOpen: (token: string) => void;
  /** Set when the tokens come from a file too large for the editor. */
  fileName?: string;
  onClose?: () => void;
}) {
  useLocale();
  const count = t('ui-decoder.foundCount', { count: found.length, n: formatCount(found.length) });
  // The finder stops at its limit: say so rather than let the list pass for all there is.
  const atLimit = found.length >= MAX_FOUND_TOKENS;
  const openedItem = found.find((item) => item.token === opened);
  return (
    <div className="mt-3 min-w-0 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p role="status" className="text-sm font-medium break-words">
          {t(atLimit ? 'ui-decoder.foundFirstIn' : 'ui-decoder.foundIn', { count, where: fileName === undefined ? t('ui-decoder.pastedText') : fileName })}
        </p>
        {onClose ? (
          <button type="button" className={BUTTON} onClick={onClose}>
            {t('ui-decoder.closeFile')}
          </button>
        ) : null}
      </div>
      <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        {fileName === undefined ? t('ui-decoder.foundInText') : t('ui-decoder.foundInFile')}
      </p>
      <ul className="mt-2 flex max-h-80 flex-col gap-1.5 overflow-y-auto">
        {found.map((item) => {
          const source = describeSource(item.places[0]!.source);
          // The found-token hook names the place in English in every language, as the automation contract reads it.
          const sourceHook = inEnglish(() => describeSource(item.places[0]!.source));
          const selected = item.token === opened;
          const alg = typeof item.header.alg === 'string' ? item.header.alg : null;
          const more = item.places.length - 1;
          return (
            <li key={item.token} className="min-w-0">
              <button
                type="button"
                data-testid="found-token"
                data-token={item.token}
                data-source={sourceHook}
                data-truncated={item.truncated ? '' : undefined}
                aria-pressed={selected}
                onClick={() => onOpen(item.token)}
                className={`block w-full min-w-0 rounded-md border px-2.5 py-1.5 text-left text-xs ${
                  selected ? 'border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950' : 'border-zinc-300 hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800'
                }`}
              >
                <span className="block font-medium break-words">
                  {KIND_NAMES[item.kind]}
                  {alg ? ` · ${alg}` : ''} · {source}
                  {more > 0 ? t('ui-decoder.morePlaces', { count: more, n: String(more) }) : ''}
                </span>
                <span className="block font-mono break-all text-zinc-600 dark:text-zinc-400">
                  {item.token.length > PREVIEW_CHARS ? `${item.token.slice(0, PREVIEW_CHARS)}…` : item.token}
                </span>
                {item.truncated ? (
                  <span className="block text-amber-800 dark:text-amber-300">
                    {t('ui-decoder.truncated', { how: describeTruncation(item.truncated) })}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {openedItem?.truncated ? <CutShort item={openedItem} /> : null}
    </div>
  );
}

/** For an opened token that was cut short: where, and what its cut header or payload says up to there. */
function CutShort({ item }: { item: FoundToken }) {
  useLocale();
  const before = textBeforeCut(item);
  return (
    <div className="mt-2 min-w-0 rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
      <p>
        {t('ui-decoder.openedTruncated', { how: describeTruncation(item.truncated!) })}
      </p>
      {before !== null ? (
        <>
          <p className="mt-1">{item.truncated!.part === 'header' ? t('ui-decoder.headerUpToCut') : t('ui-decoder.payloadUpToCut')}</p>
          <pre className="mt-1 max-h-40 overflow-auto font-mono text-xs whitespace-pre-wrap break-all">{before}</pre>
        </>
      ) : null}
    </div>
  );
}
