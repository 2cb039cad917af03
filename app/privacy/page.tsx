import type { Metadata } from 'next';
import { SiteHeader } from '@/components/shell/SiteHeader';
import { PrivacyBody } from '@/components/privacy/PrivacyBody';

export const metadata: Metadata = { title: 'Why tokens never leave your browser · JWT Workbench' };

export default function PrivacyPage() {
  return (
    <>
      <SiteHeader />
      <PrivacyBody />
    </>
  );
}
