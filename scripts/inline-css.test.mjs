import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AFTER_PAINT_ATTRIBUTE, applyAfterPaintScript, cssReader, inlineStylesheets } from './inline-css.mjs';

const link = (href) => `<link rel="stylesheet" href="${href}" data-precedence="next"/>`;

describe('inlineStylesheets', () => {
  it("inlines only the rules the page uses, and keeps a link React adopts that applies after the first frame", async () => {
    const html = `<head><meta charSet="utf-8"/>${link('/_next/static/chunks/a.css')}<title>t</title></head><body class="p-2"><p>x</p></body>`;
    const sheet = 'body{color:red}.p-2{padding:.5rem}.p-4{padding:1rem}h1{margin:0}';
    const out = await inlineStylesheets(html, async (href) => (href === '/_next/static/chunks/a.css' ? sheet : null));
    expect(out).toBe(
      '<head><meta charSet="utf-8"/><style>body{color:red}.p-2{padding:.5rem}</style>' +
        `<link rel="stylesheet" media="print" ${AFTER_PAINT_ATTRIBUTE}="" href="/_next/static/chunks/a.css" data-precedence="next"/>` +
        `<script>${applyAfterPaintScript}</script><title>t</title></head><body class="p-2"><p>x</p></body>`,
    );
    // Running it again changes nothing.
    expect(await inlineStylesheets(out, async () => 'body{color:blue}')).toBe(out);
  });

  it('leaves a link alone when its file cannot be read or its used part could close the <style> early', async () => {
    const html = `${link('/_next/static/chunks/a.css')}${link('/_next/static/chunks/b.css')}<a href="#">x</a>`;
    const out = await inlineStylesheets(html, async (href) => (href.endsWith('a.css') ? null : 'a::after{content:"</style><script>x</script>"}'));
    expect(out).toBe(html);
  });
});

describe('the script that applies the whole sheet', () => {
  /** Runs the script against a page whose links have loaded or not, with frames and tasks run by the test. */
  function run({ hidden = false, loaded = [true, false] } = {}) {
    const frames = [];
    const tasks = [];
    const links = loaded.map((isLoaded) => {
      const listeners = [];
      return {
        media: 'print',
        sheet: isLoaded ? {} : null,
        addEventListener: (type, listener) => type === 'load' && listeners.push(listener),
        load() {
          this.sheet = {};
          listeners.forEach((listener) => listener());
        },
      };
    });
    const document = {
      visibilityState: hidden ? 'hidden' : 'visible',
      querySelectorAll: (selector) => (selector === `link[${AFTER_PAINT_ATTRIBUTE}]` ? links : []),
    };
    const setTimeout = (task, delay) => tasks.push({ task, delay });
    new Function('document', 'requestAnimationFrame', 'setTimeout', applyAfterPaintScript)(document, (frame) => frames.push(frame), setTimeout);
    return { links, frames, tasks, media: () => links.map((link) => link.media) };
  }

  it('waits for the first frame to be drawn, then applies each sheet once it has loaded', () => {
    const page = run();
    expect(page.media()).toEqual(['print', 'print']);
    page.frames.forEach((frame) => frame());
    // Still inside the frame: the sheet applies in the task after it.
    expect(page.media()).toEqual(['print', 'print']);
    page.tasks.filter(({ delay }) => delay === 0).forEach(({ task }) => task());
    expect(page.media()).toEqual(['all', 'print']);
    page.links[1].load();
    expect(page.media()).toEqual(['all', 'all']);
  });

  it('does not wait for frames a hidden page, or a stalled one, never draws', () => {
    expect(run({ hidden: true, loaded: [true] }).media()).toEqual(['all']);
    const stalled = run({ loaded: [true] });
    stalled.tasks.find(({ delay }) => delay === 1000).task();
    expect(stalled.media()).toEqual(['all']);
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
