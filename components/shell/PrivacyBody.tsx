'use client';

import Link from 'next/link';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';
import { DocumentTitle } from './DocumentTitle';
import { t } from './messages';

/** Why tokens never leave the browser, and how to check it: the privacy page's text, in the language shown. */
export function PrivacyBody() {
  useLocale();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 leading-relaxed">
      <DocumentTitle page="privacy" />
      <h1 className="mb-4 text-2xl font-semibold">{t('ui-shell.privacyHeading')}</h1>
      <p className="mb-4">{t('ui-shell.privacyIntro')}</p>
      <h2 className="mb-2 mt-6 text-xl font-semibold">{t('ui-shell.privacyDoesHeading')}</h2>
      <ul className="mb-4 list-disc space-y-2 pl-6">
        <li>{t('ui-shell.privacyStatic')}</li>
        <li>{withElements((values) => t('ui-shell.privacyLinks', values), { hash: <code>#</code>, query: <code>?token=</code> })}</li>
        <li>{t('ui-shell.privacyStorage')}</li>
        <li>{t('ui-shell.privacyRequests')}</li>
      </ul>
      <h2 className="mb-2 mt-6 text-xl font-semibold">{t('ui-shell.privacyCheckHeading')}</h2>
      <ul className="mb-4 list-disc space-y-2 pl-6">
        <li>{t('ui-shell.privacyNetwork')}</li>
        <li>{withElements((values) => t('ui-shell.privacyCsp', values), { csp: <code>Content-Security-Policy</code>, meta: <code>&lt;meta&gt;</code> })}</li>
        <li>{t('ui-shell.privacyTests')}</li>
      </ul>
      <p>
        <Link href="/" className="underline underline-offset-2">
          {t('ui-shell.privacyBack')}
        </Link>
      </p>
    </main>
  );
}
