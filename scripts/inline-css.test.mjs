import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssReader, inlineStylesheets } from './inline-css.mjs';

const link = (href) => `<link rel="stylesheet" href="${href}" data-precedence="next"/>`;

describe('inlineStylesheets', () => {
  it('puts the stylesheet into the page and keeps a non-blocking link for React to adopt', async () => {
    const html = `<head><meta charSet="utf-8"/>${link('/_next/static/chunks/a.css')}<title>t</title></head>`;
    const out = await inlineStylesheets(html, async (href) => (href === '/_next/static/chunks/a.css' ? 'body{color:red}' : null));
    expect(out).toBe(
      '<head><meta charSet="utf-8"/><style>body{color:red}</style><link rel="stylesheet" media="print" href="/_next/static/chunks/a.css" data-precedence="next"/><title>t</title></head>',
    );
    // Running it again changes nothing.
    expect(await inlineStylesheets(out, async () => 'body{color:blue}')).toBe(out);
  });

  it('leaves a link alone when its file cannot be read or could close the <style> early', async () => {
    const html = `${link('/_next/static/chunks/a.css')}${link('/_next/static/chunks/b.css')}`;
    const out = await inlineStylesheets(html, async (href) => (href.endsWith('a.css') ? null : 'a::after{content:"</style><script>x</script>"}'));
    expect(out).toBe(html);
  });
});

describe('cssReader', () => {
  it('reads files of the export by href, under the base path, and nothing outside _next/static', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'inline-css-'));
    try {
      await mkdir(path.join(dir, '_next', 'static', 'chunks'), { recursive: true });
      await writeFile(path.join(dir, '_next', 'static', 'chunks', 'a.css'), 'p{margin:0}');
      await writeFile(path.join(dir, 'secret.css'), 'x');
      const read = cssReader(dir, '/tools/jwt');
      expect(await read('/tools/jwt/_next/static/chunks/a.css')).toBe('p{margin:0}');
      expect(await read('/_next/static/chunks/a.css')).toBeNull();
      expect(await read('/tools/jwt/_next/static/../../secret.css')).toBeNull();
      expect(await read('/tools/jwt/_next/static/chunks/missing.css')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
