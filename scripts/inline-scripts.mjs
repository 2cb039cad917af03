// Finding and hashing the inline <script>s of exported pages, for the CSP.
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;

/**
 * The bodies of the inline scripts of an HTML document (scripts with a src
 * attribute and JSON data blocks are not run as inline code, so they are skipped).
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScripts(html) {
  const bodies = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'text/javascript' && type !== 'module' && type !== 'application/javascript') continue;
    bodies.push(body);
  }
  return bodies;
}

/**
 * The CSP hash source of a script body: 'sha256-<base64>' of its UTF-8 bytes.
 * @param {string} body
 */
export function cspHash(body) {
  return 'sha256-' + createHash('sha256').update(body, 'utf8').digest('base64');
}
