import { Workbench } from '@/components/workbench/Workbench';

export default function HomePage() {
  return <Workbench />;
}
