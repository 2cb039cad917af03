// The first view's CSS, inlined: the first paint of an exported page waits
// for no stylesheet request, and carries only the rules its own HTML uses
// (used-css.mjs), not the whole sheet. Next.js writes
// `<link rel="stylesheet" href="…css" data-precedence="next"/>`; we put the
// used part in a <style> before it and keep the link with media="print", so
// it loads without blocking rendering while React, on hydration, still finds
// (and adopts) the stylesheet its payload names instead of inserting it again
// and holding its commit until it loads. A small inline script (hashed into
// the CSP like every inline script: no inline event handler) then switches
// the link to all media once the first frame is drawn and the file has
// loaded, for what React draws later. The whole sheet repeats the inlined
// rules in the same order, so nothing on screen changes when it applies.
// (Next's own `experimental.inlineCss` also copies the CSS into React's
// payload, which tripled the page and made no measurable difference.)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { usedCss } from './used-css.mjs';

const STYLESHEET = /<link rel="stylesheet" href="([^"]+\.css)" data-precedence="next"\/>/g;

/** Marks a link whose sheet applies only after the first frame. */
export const AFTER_PAINT_ATTRIBUTE = 'data-after-paint';

/**
 * Applies the marked stylesheets after the first frame (a requestAnimationFrame
 * callback runs just before a frame; a task queued from it runs after that
 * frame is drawn), each once it has loaded. A hidden page draws no frames, and
 * a frame that never comes (a stalled renderer) is covered by a timeout.
 */
export const applyAfterPaintScript =
  '(function(){var d=document,l=d.querySelectorAll("link[' +
  AFTER_PAINT_ATTRIBUTE +
  ']"),s=0;' +
  'function a(e){e.media="all"}' +
  'function g(){if(s)return;s=1;for(var i=0;i<l.length;i++){var e=l[i];if(e.sheet)a(e);else e.addEventListener("load",a.bind(null,e))}}' +
  'if(d.visibilityState==="hidden")g();else{requestAnimationFrame(function(){setTimeout(g,0)});setTimeout(g,1000)}})()';

/**
 * @param {string} html an exported page
 * @param {(href: string) => Promise<string | null>} readCss the text of a stylesheet by its href, or null when it cannot be read
 * @returns {Promise<string>}
 */
export async function inlineStylesheets(html, readCss) {
  const found = [...html.matchAll(STYLESHEET)];
  let out = html;
  let lastLink = null;
  for (const [link, href] of found) {
    const css = await readCss(href);
    if (css === null) continue;
    const used = usedCss(css, html);
    // A stylesheet that could end the <style> element early stays a plain link.
    if (/<\/style/i.test(used)) continue;
    lastLink = link.replace('rel="stylesheet"', `rel="stylesheet" media="print" ${AFTER_PAINT_ATTRIBUTE}=""`);
    out = out.replace(link, `<style>${used}</style>${lastLink}`);
  }
  if (lastLink !== null) out = out.replace(lastLink, `${lastLink}<script>${applyAfterPaintScript}</script>`);
  return out;
}

/**
 * Reads a stylesheet of the export in outDir by the href a page gives it (which carries the base path).
 * @param {string} outDir @param {string} basePath
 * @returns {(href: string) => Promise<string | null>}
 */
export function cssReader(outDir, basePath) {
  return async (href) => {
    if (!href.startsWith(`${basePath}/_next/static/`)) return null;
    const file = path.join(outDir, href.slice(basePath.length));
    if (!file.startsWith(path.join(outDir, '_next', 'static') + path.sep)) return null;
    return readFile(file, 'utf8').catch(() => null);
  };
}
