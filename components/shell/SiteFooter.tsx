'use client';

import Link from 'next/link';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';
import { t } from './messages';

export function SiteFooter() {
  useLocale();
  return (
    <footer className="border-t border-zinc-200 px-4 py-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      <p className="mx-auto max-w-7xl">
        <strong className="font-semibold text-zinc-800 dark:text-zinc-200">{t('ui-shell.footerClaim')}</strong>{' '}
        {withElements((values) => t('ui-shell.footerDetail', values), { hash: <code>#</code> })}{' '}
        <Link href="/privacy/" className="underline underline-offset-2 hover:text-zinc-900 dark:hover:text-white">
          {t('ui-shell.footerCheckLink')}
        </Link>
      </p>
    </footer>
  );
}
