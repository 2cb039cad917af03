import { linkPreviewScript } from './link-preview-script';

/**
 * Where a share link's token is painted before the page's JavaScript has
 * loaded (see link-preview-script.ts). A server component: the script's text
 * is in the HTML only, never in the page's JavaScript. The element's content
 * is the boot script's, not React's (hence the empty innerHTML, which React
 * leaves alone when hydrating); the Workbench unmounts it as soon as its own
 * view of the link is rendered, so React owns everything shown from then on.
 */
export function LinkPreview() {
  return (
    <>
      <div data-link-preview="" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />
      <script dangerouslySetInnerHTML={{ __html: linkPreviewScript }} />
    </>
  );
}
