'use client';

import { useRef, useState } from 'react';
import { BUTTON } from '@/components/common/button';
import dynamic from 'next/dynamic';
import type { KeyPair } from './key-pair';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

// The tools' code loads on first opening, not with the page.
const KeyGenerator = dynamic(() => import('./KeyGenerator').then((module) => module.KeyGenerator), { ssr: false });
const KeyConverter = dynamic(() => import('./KeyConverter').then((module) => module.KeyConverter), { ssr: false });


/**
 * The key tools, in a modal <dialog> reachable from both views: Escape
 * closes it and focus returns to the button that opened it.
 */
export function KeyTools({ onUsePair }: { onUsePair: (pair: KeyPair) => void }) {
  useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  // The tools mount on first opening and stay mounted, so a generated key survives closing.
  const [opened, setOpened] = useState(false);

  const open = () => {
    setOpened(true);
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  return (
    <>
      <button type="button" data-testid="keytools-open" className={`${BUTTON} ml-3`} onClick={open} aria-haspopup="dialog">
        {/* Short in every language: it shares the header's row with the other buttons at phone width. */}
        {t('ui-keytools.openButton')}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="keytools-heading"
        data-testid="keytools"
        className="m-auto max-h-[90vh] w-[min(64rem,calc(100vw-1rem))] overflow-auto rounded-lg border border-zinc-300 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <div className="mb-4 flex items-center justify-between gap-2">
          <h2 id="keytools-heading" className="text-lg font-semibold">
            {t('ui-keytools.keyTools')}
          </h2>
          <button type="button" data-testid="keytools-close" className={BUTTON} onClick={close}>
            {t('ui-keytools.close')}
          </button>
        </div>
        {opened ? (
          <div className="space-y-8">
            <KeyGenerator
              onUsePair={(pair) => {
                onUsePair(pair);
                close();
              }}
            />
            <KeyConverter />
          </div>
        ) : null}
      </dialog>
    </>
  );
}
