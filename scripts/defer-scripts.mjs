// A share link's token on screen before the page's own scripts run. Next.js
// writes its chunks as <script async>: on a local or fast connection they
// arrive while the document is still being parsed and run (React, hydration)
// before anything is drawn, so the token that the inline preview script has
// already painted (components/share/link-preview-script.ts) waits for them.
// Here a small inline loader at the end of <head>, after the link boot script,
// adds the tags itself: at once on an ordinary visit (the downloads overlap
// the parsing of the body, as before, and the page is interactive first, since
// the user's first act is to type or click); after the first frame when the
// address carries a link (a requestAnimationFrame callback runs just before a
// frame; a task queued from it runs after that frame is drawn). The chunks are
// not preloaded: compiling them as they arrived took the second core from the
// first frame, and preloads gave back nearly all of the gain. Measured in
// alternated cold visits (15 each): a share link's claims on screen
// 271 → 197 ms.

// The attribute the link boot script sets (components/share/link-boot-script.ts,
// a .ts module, which this build script cannot import).
export const OPENING_LINK_ATTRIBUTE = 'data-opening-link';

const ASYNC_SCRIPT = /<script src="([^"]+\.js)" async=""><\/script>/g;
const SCRIPT_PRELOAD = /<link rel="preload" as="script"(?: fetchPriority="[a-z]+")? href="([^"]+\.js)"\/>/g;

/**
 * The loader's source. Only a page opening a link (OPENING_LINK_ATTRIBUTE on
 * <html>) waits for a frame; a hidden page draws no frames, so there the
 * scripts start at once, and a frame that never comes (a stalled renderer)
 * is covered by a timeout.
 * @param {string[]} sources
 */
function deferredLoader(sources) {
  return (
    `(function(){var s=${JSON.stringify(sources).replace(/</g, '\\u003c')},d=0;` +
    'function l(){if(d)return;d=1;for(var i=0;i<s.length;i++){var e=document.createElement("script");e.src=s[i];e.async=true;document.head.appendChild(e)}}' +
    `if(document.visibilityState==="hidden"||!document.documentElement.hasAttribute(${JSON.stringify(OPENING_LINK_ATTRIBUTE)}))l();` +
    'else{requestAnimationFrame(function(){setTimeout(l,0)});setTimeout(l,1000)}})()'
  );
}

/**
 * @param {string} html an exported page
 * @returns {string} the page with its async chunks started by the loader
 */
export function deferScriptsUntilPainted(html) {
  if (!/<\/head>/i.test(html)) return html;
  const sources = [];
  const withoutTags = html.replace(ASYNC_SCRIPT, (_tag, source) => {
    sources.push(source);
    return '';
  });
  if (sources.length === 0) return html;
  // Next.js preloads some of them in the head.
  const withoutPreloads = withoutTags.replace(SCRIPT_PRELOAD, (tag, source) => (sources.includes(source) ? '' : tag));
  return withoutPreloads.replace(/<\/head>/i, `<script>${deferredLoader(sources)}</script></head>`);
}
