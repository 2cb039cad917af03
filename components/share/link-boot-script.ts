/** Set on <html> while a link's state is on its way into the page. */
export const OPENING_LINK_ATTRIBUTE = 'data-opening-link';

/**
 * Runs inline in <head>, before first paint. The page is prerendered with the
 * sample token; when the address carries a link (anything after #, or the
 * legacy ?token=), showing that sample until the link's own state is in would
 * show the wrong token, so the page is marked and CSS hides the views until
 * the Workbench has read the link (it then removes the mark). Its hash is put
 * in the CSP like every inline script.
 */
export const linkBootScript = `(function(){try{if(location.hash.length>1||/[?&]token=/.test(location.search))document.documentElement.setAttribute(${JSON.stringify(
  OPENING_LINK_ATTRIBUTE,
)},'')}catch(_){}})()`;
