import { ADDRESS_CARRIES_LINK_EXPRESSION } from '@/lib/links/credentials';

/** Set on <html> while a link's state is on its way into the page. */
export const OPENING_LINK_ATTRIBUTE = 'data-opening-link';

/**
 * Set on <html> once the link's token is painted by the preview script
 * (link-preview-script.ts, inlined in <body>): CSS then hides the notice and
 * the prerendered sample, and the Workbench removes the mark (with the
 * painted view) when its own view of the link is rendered.
 */
export const LINK_PAINTED_ATTRIBUTE = 'data-link-painted';

/**
 * Runs inline in <head>, before first paint. The page is prerendered with the
 * sample token; when the address carries a link (anything after #, or a
 * credential in the query string, as lib/links/credentials.ts judges it),
 * showing that sample until the link's own state is in would show the wrong
 * token, so the page is marked and CSS hides the views until
 * the Workbench has read the link (it then removes the mark). Should the
 * page's own script never run (a failed download), the mark goes after
 * LINK_WAIT_MS anyway. Its hash is put in the CSP like every inline script.
 */
export const LINK_WAIT_MS = 8000;

const attribute = JSON.stringify(OPENING_LINK_ATTRIBUTE);
// The test is built from the functions readLink itself uses to tell credentials, so the two agree.
export const linkBootScript = `(function(){try{if(${ADDRESS_CARRIES_LINK_EXPRESSION}){var e=document.documentElement;e.setAttribute(${attribute},'');setTimeout(function(){e.removeAttribute(${attribute})},${LINK_WAIT_MS})}}catch(_){}})()`;
