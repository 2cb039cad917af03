import { Workbench } from '@/components/workbench/Workbench';
import { LinkPreview } from '@/components/share/LinkPreview';
import { DocumentTitle } from '@/components/shell/DocumentTitle';

export default function HomePage() {
  return (
    <>
      <DocumentTitle />
      <Workbench linkPreview={<LinkPreview />} />
    </>
  );
}
