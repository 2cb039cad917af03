'use client';

import { describeLink, linkGrantsSigning } from '@/lib/links/describe-link';
import { longLinkWarning } from '@/lib/links/length';
import type { LinkState } from '@/lib/links/types';
import { joinWords } from '@/lib/links/join-words';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';
import { t } from './messages';

interface SharePanelBodyProps {
  panelId: string;
  /** The state the link carries now, and the link made of it. */
  state: LinkState;
  link: string;
  /** The state with or without the key, for the tick box. */
  stateFor: (includeKey: boolean) => LinkState;
  linkFor: (state: LinkState) => string;
  isEncoder: boolean;
  keyText: string;
  includeKey: boolean;
  copy: 'idle' | 'copied' | 'failed';
  copiedLink: string | null;
  onClose: () => void;
  onCopy: (link: string) => void;
  onTick: (includeKey: boolean) => void;
  onIdle: () => void;
}

/** The open share panel (SharePanel holds its state): loaded when the panel is first opened. */
export function SharePanelBody({ panelId, state, link, stateFor, linkFor, isEncoder, keyText, includeKey, copy, copiedLink, onClose, onCopy, onTick, onIdle }: SharePanelBodyProps) {
  useLocale();
  const contents = describeLink(state);
  const tooLong = link ? longLinkWarning(link) : null;
  const grantsSigning = linkGrantsSigning(state);
  return (
    <div
      id={panelId}
      role="dialog"
      aria-label={t('ui-share.panelLabel')}
      data-testid="share-panel"
      className="absolute right-0 z-50 mt-2 w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <label htmlFor={`${panelId}-url`} className="font-semibold">
          {t('ui-share.panelLabel')}
        </label>
        <button type="button" onClick={onClose} className="text-zinc-600 underline dark:text-zinc-400">
          {t('ui-share.close')}
        </button>
      </div>
      <div className="flex gap-2">
        <input
          id={`${panelId}-url`}
          data-testid="share-url"
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-950"
        />
        <button
          type="button"
          data-testid="share-copy"
          onClick={() => onCopy(link)}
          className="rounded border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
        >
          {t('ui-share.copy')}
        </button>
      </div>
      <p aria-live="polite" data-testid="share-copied" className="mt-1 min-h-[1.25rem] text-xs text-zinc-600 dark:text-zinc-400">
        {copy === 'copied' ? t('ui-share.copied') : copy === 'failed' ? t('ui-share.copyFailed') : ''}
      </p>
      <label className="mt-2 flex items-start gap-2">
        <input
          type="checkbox"
          data-testid="share-include-key"
          checked={includeKey}
          disabled={keyText === ''}
          onChange={(event) => {
            onTick(event.target.checked);
            // A link that lets its holder sign is never copied by itself: the warning shows
            // first, and Copy is the user's own click.
            const next = stateFor(event.target.checked);
            if (!linkGrantsSigning(next)) onCopy(linkFor(next));
            else onIdle();
          }}
          className="mt-1"
        />
        <span>{isEncoder ? t('ui-share.includeSigningKey') : t('ui-share.includeKey')}</span>
      </label>
      {includeKey && grantsSigning ? (
        <p role="alert" data-testid="share-key-warning" className="mt-2 rounded border border-red-400 bg-red-50 p-2 text-red-900 dark:bg-red-950 dark:text-red-100">
          {t('ui-share.keyWarning')} {copiedLink === link ? t('ui-share.keyOnClipboard') : t('ui-share.keyNotCopied')}
        </p>
      ) : null}
      <p data-testid="share-contents" className="mt-2 text-zinc-700 dark:text-zinc-300">
        {withElements(
          (values) => (contents.length > 0 ? t('ui-share.contents', { ...values, contents: joinWords(contents) }) : t('ui-share.contentsEmpty', values)),
          { hash: <code>#</code> },
        )}
      </p>
      {tooLong ? (
        <p role="alert" data-testid="share-too-long" className="mt-2 rounded border border-amber-500 bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {tooLong}
        </p>
      ) : null}
    </div>
  );
}
