'use client';

import Link from 'next/link';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';
import { useDocumentTitle } from '@/components/shell/useDocumentTitle';
import { t } from './messages';

/** Why tokens never leave the browser, and how to check it: the privacy page's text, in the language shown. */
export function PrivacyBody() {
  useLocale();
  useDocumentTitle(t('ui-privacy.title'));
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 leading-relaxed">
      <h1 className="mb-4 text-2xl font-semibold">{t('ui-privacy.heading')}</h1>
      <p className="mb-4">{t('ui-privacy.intro')}</p>
      <h2 className="mb-2 mt-6 text-xl font-semibold">{t('ui-privacy.doesHeading')}</h2>
      <ul className="mb-4 list-disc space-y-2 pl-6">
        <li>{t('ui-privacy.static')}</li>
        <li>{withElements((values) => t('ui-privacy.links', values), { hash: <code>#</code>, query: <code>?token=</code> })}</li>
        <li>{t('ui-privacy.storage')}</li>
        <li>{t('ui-privacy.requests')}</li>
      </ul>
      <h2 className="mb-2 mt-6 text-xl font-semibold">{t('ui-privacy.checkHeading')}</h2>
      <ul className="mb-4 list-disc space-y-2 pl-6">
        <li>{t('ui-privacy.network')}</li>
        <li>{withElements((values) => t('ui-privacy.csp', values), { csp: <code>Content-Security-Policy</code>, meta: <code>&lt;meta&gt;</code> })}</li>
        <li>{t('ui-privacy.tests')}</li>
      </ul>
      <p>
        <Link href="/" className="underline underline-offset-2">
          {t('ui-privacy.back')}
        </Link>
      </p>
    </main>
  );
}
