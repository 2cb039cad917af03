import { Workbench } from '@/components/workbench/Workbench';
import { LinkPreview } from '@/components/share/LinkPreview';

export default function HomePage() {
  return <Workbench linkPreview={<LinkPreview />} />;
}
