// The page's stylesheet, inlined: the first paint of an exported page no
// longer waits for a second, render-blocking request. Next.js writes
// `<link rel="stylesheet" href="…css" data-precedence="next"/>`; we put the
// file's text in a <style> before it and keep the link with media="print",
// so it no longer blocks rendering while React, on hydration, still finds
// (and adopts) the stylesheet its payload names instead of inserting it
// again and holding its commit until it loads. (Next's own
// `experimental.inlineCss` also copies the CSS into React's payload, which
// tripled the page and made no measurable difference.)
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const STYLESHEET = /<link rel="stylesheet" href="([^"]+\.css)" data-precedence="next"\/>/g;

/**
 * @param {string} html an exported page
 * @param {(href: string) => Promise<string | null>} readCss the text of a stylesheet by its href, or null when it cannot be read
 * @returns {Promise<string>}
 */
export async function inlineStylesheets(html, readCss) {
  const found = [...html.matchAll(STYLESHEET)];
  let out = html;
  for (const [link, href] of found) {
    const css = await readCss(href);
    // A stylesheet that could end the <style> element early stays a plain link.
    if (css === null || /<\/style/i.test(css)) continue;
    out = out.replace(link, `<style>${css}</style>${link.replace('rel="stylesheet"', 'rel="stylesheet" media="print"')}`);
  }
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
