'use client';

import { useLocale } from '@/components/i18n/useLocale';
import { useDocumentTitle } from './useDocumentTitle';
import { t } from './messages';

/** The workbench page's tab title, in the language shown. */
export function DocumentTitle() {
  useLocale();
  useDocumentTitle(t('ui-shell.documentTitle'));
  return null;
}
