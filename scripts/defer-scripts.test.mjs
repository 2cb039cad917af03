import { describe, expect, it } from 'vitest';
import { inlineScripts } from './inline-scripts.mjs';
import { OPENING_LINK_ATTRIBUTE, deferScriptsUntilPainted } from './defer-scripts.mjs';
import { OPENING_LINK_ATTRIBUTE as BOOT_ATTRIBUTE } from '../components/share/link-boot-script';

const PAGE =
  '<html><head><meta charSet="utf-8"/><link rel="preload" as="script" fetchPriority="low" href="/b/_next/static/chunks/late.js"/>' +
  '<link rel="preload" as="script" href="/b/_next/static/chunks/other.js"/>' +
  '<script src="/b/_next/static/chunks/a.js" async=""></script><script src="/b/_next/static/chunks/b.js" async=""></script>' +
  '<script>/* link boot */</script><script src="/b/_next/static/chunks/legacy.js" noModule=""></script></head>' +
  '<body><main>page</main><script>self.__next_f=[]</script><script src="/b/_next/static/chunks/late.js" async=""></script></body></html>';

/** Runs the page's loader against a stand-in document and timers; returns what it appended, and the clock to drive. */
function runLoader(html, visibilityState, { openingLink = true } = {}) {
  const appended = [];
  const frames = [];
  const timers = [];
  const document = {
    visibilityState,
    documentElement: { hasAttribute: (name) => openingLink && name === OPENING_LINK_ATTRIBUTE },
    createElement: () => ({}),
    head: { appendChild: (element) => appended.push({ src: element.src, async: element.async }) },
  };
  const loader = inlineScripts(html).find((body) => body.includes('requestAnimationFrame'));
  new Function('document', 'requestAnimationFrame', 'setTimeout', loader)(
    document,
    (callback) => frames.push(callback),
    (callback, delay) => timers.push({ callback, delay }),
  );
  const runTimers = (upTo) => {
    for (const timer of timers.splice(0).sort((a, b) => a.delay - b.delay)) {
      if (timer.delay <= upTo) timer.callback();
      else timers.push(timer);
    }
  };
  return { appended, frames, runTimers };
}

describe('deferScriptsUntilPainted', () => {
  const out = deferScriptsUntilPainted(PAGE);

  it('takes out the async chunks and their preloads, keeps other scripts, and adds one loader at the end of the head, after the link boot script', () => {
    expect(out).not.toMatch(/<script src="[^"]+" async="">/);
    expect(out).not.toContain('fetchPriority="low" href="/b/_next/static/chunks/late.js"');
    // A preload of anything else stays.
    expect(out).toContain('<link rel="preload" as="script" href="/b/_next/static/chunks/other.js"/>');
    expect(out.match(/late\.js/g)).toHaveLength(1);
    expect(out).toContain('<script src="/b/_next/static/chunks/legacy.js" noModule=""></script>');
    expect(out).toContain('<script>self.__next_f=[]</script>');
    expect(out).toMatch(/<script>\/\* link boot \*\/<\/script><script src="[^"]*legacy\.js" noModule=""><\/script><script>\(function\(\)\{(?:(?!<\/script>).)*\}\)\(\)<\/script><\/head>/);
    expect(inlineScripts(out)).toHaveLength(3);
    // Running it again changes nothing.
    expect(deferScriptsUntilPainted(out)).toBe(out);
  });

  it('names the attribute the link boot script sets', () => {
    expect(OPENING_LINK_ATTRIBUTE).toBe(BOOT_ATTRIBUTE);
  });

  it('on an ordinary visit, starts the chunks at once, in their order', () => {
    const page = runLoader(out, 'visible', { openingLink: false });
    expect(page.appended.map((script) => script.src.split('/').at(-1))).toEqual(['a.js', 'b.js', 'late.js']);
    expect(page.frames).toHaveLength(0);
  });

  it('opening a link, starts the chunks, in their order, only after the first frame, and once', () => {
    const page = runLoader(out, 'visible');
    expect(page.appended).toEqual([]);
    expect(page.frames).toHaveLength(1);
    page.frames[0]();
    expect(page.appended).toEqual([]); // still inside the frame
    page.runTimers(0);
    expect(page.appended).toEqual(['a.js', 'b.js', 'late.js'].map((name) => ({ src: `/b/_next/static/chunks/${name}`, async: true })));
    page.runTimers(1000); // the fallback finds them started
    expect(page.appended).toHaveLength(3);
  });

  it('opening a link, starts them anyway when no frame comes within a second, and at once on a hidden page', () => {
    const stalled = runLoader(out, 'visible');
    stalled.runTimers(1000);
    expect(stalled.appended.map((script) => script.src.split('/').at(-1))).toEqual(['a.js', 'b.js', 'late.js']);
    const hidden = runLoader(out, 'hidden');
    expect(hidden.appended).toHaveLength(3);
    expect(hidden.frames).toHaveLength(0);
  });

  it('leaves a page without async chunks as it was', () => {
    const plain = '<html><head></head><body><script>1</script></body></html>';
    expect(deferScriptsUntilPainted(plain)).toBe(plain);
  });
});
