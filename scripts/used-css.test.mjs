import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageVocabulary, parseStylesheet, requirementsOf, selectorMayMatch, serialize, usedCss } from './used-css.mjs';

describe('what a selector requires of a page', () => {
  it('reads escaped Tailwind class names as the class attribute spells them', () => {
    expect(requirementsOf('.md\\:py-2')).toEqual({ classes: ['md:py-2'], elements: [] });
    expect(requirementsOf('.mt-0\\.5')).toEqual({ classes: ['mt-0.5'], elements: [] });
    expect(requirementsOf('.max-h-\\[28rem\\]')).toEqual({ classes: ['max-h-[28rem]'], elements: [] });
    expect(requirementsOf('.w-1\\/2')).toEqual({ classes: ['w-1/2'], elements: [] });
    expect(requirementsOf('.\\32 xl\\:p-4')).toEqual({ classes: ['2xl:p-4'], elements: [] });
  });

  it('requires classes and element names, but not what is inside :where(), :not(), attributes or ids', () => {
    expect(requirementsOf('.dark\\:bg-zinc-950:where(.dark,.dark *)')).toEqual({ classes: ['dark:bg-zinc-950'], elements: [] });
    expect(requirementsOf('html.dark')).toEqual({ classes: ['dark'], elements: ['html'] });
    expect(requirementsOf('abbr:where([title])')).toEqual({ classes: [], elements: ['abbr'] });
    expect(requirementsOf('UL > li + .a ~ .b::before')).toEqual({ classes: ['a', 'b'], elements: ['ul', 'li'] });
    expect(requirementsOf('[data-x="a.b c"] .y:not(.z)')).toEqual({ classes: ['y'], elements: [] });
    expect(requirementsOf('#main:hover,*')).toEqual({ classes: [], elements: [] });
    expect(requirementsOf(':root,:host')).toEqual({ classes: [], elements: [] });
    expect(requirementsOf('::-webkit-date-and-time-value')).toEqual({ classes: [], elements: [] });
    expect(requirementsOf('svg|a')).toEqual({ classes: [], elements: [] });
  });

  it('a list may match when any one of its selectors may', () => {
    const vocabulary = { classes: new Set(['used']), elements: new Set(['p']) };
    expect(selectorMayMatch('.unused,.used', vocabulary)).toBe(true);
    expect(selectorMayMatch('.unused,h1', vocabulary)).toBe(false);
    expect(selectorMayMatch(':is(.a,.b) p', vocabulary)).toBe(true);
    expect(selectorMayMatch('p.used.unused', vocabulary)).toBe(false);
  });
});

describe("a page's vocabulary", () => {
  it('takes class names from class attributes, element names from tags, and every word of inline scripts', () => {
    const html =
      '<html><head><script>document.documentElement.classList.toggle(\'dark\',d)</script></head>' +
      '<body class="flex min-h-screen"><p class="a&amp;b w-[50%]">hidden text</p>' +
      '<script>self.__next_f.push([1,"{\\"className\\":\\"grid gap-2\\\\nlg:grid-cols-2\\"}"])</script>' +
      '<script>make("section","text-sm font-semibold")</script></body></html>';
    const { classes, elements } = pageVocabulary(html);
    for (const name of ['flex', 'min-h-screen', 'a&b', 'w-[50%]', 'dark', 'grid', 'gap-2', 'lg:grid-cols-2', 'text-sm', 'font-semibold']) expect(classes).toContain(name);
    for (const name of ['html', 'head', 'body', 'p', 'script', 'section']) expect(elements).toContain(name);
    // Words of the page's text are not classes.
    expect(classes).not.toContain('hidden');
    expect(elements).not.toContain('h1');
  });
});

describe('the CSS a first view uses', () => {
  const sheet =
    '@layer properties{@supports (x:y){*,:before{--tw-border-style:solid;--tw-blur:initial}}}' +
    '@layer theme{:root,:host{--color-red:#f00;--color-blue:#00f;--font-sans:ui-sans-serif;--default-font-family:var(--font-sans);--unused:1px}}' +
    '@layer base{html{font-family:var(--default-font-family)}h1{margin:0}p{margin:0}}' +
    '@layer components;' +
    '@layer utilities{.text-red{color:var(--color-red)}.text-blue{color:var(--color-blue)}.border{border-style:var(--tw-border-style)}.blur{filter:blur(var(--tw-blur))}' +
    '.animate-spin{animation:var(--animate-spin)}' +
    '@media (min-width:48rem){.md\\:text-red{color:var(--color-red)}.md\\:unused{color:red}}' +
    '@media (min-width:64rem){.lg\\:unused{color:red}}' +
    '.dark\\:text-red:where(.dark,.dark *){color:var(--color-red)}.dark\\:unused:where(.dark,.dark *){color:blue}}' +
    ':root{--seg-header:#b34700;--seg-unused:#000}.dark{--seg-header:#ff9e66;color-scheme:dark}' +
    '@property --tw-border-style{syntax:"*";inherits:false;initial-value:solid}@property --tw-blur{syntax:"*";inherits:false}' +
    '@keyframes spin{to{transform:rotate(360deg)}}@keyframes ping{to{opacity:0}}';
  const page =
    '<html><head><script>e.classList.toggle("dark",d)</script></head>' +
    '<body><p class="text-red md:text-red dark:text-red border" style="color:var(--seg-header)">x</p></body></html>';

  it('keeps the rules, variants and variables the page uses, in their layers and order, and drops the rest', () => {
    expect(usedCss(sheet, page)).toBe(
      '@layer properties{@supports (x:y){*,:before{--tw-border-style:solid}}}' +
        '@layer theme{:root,:host{--color-red:#f00;--font-sans:ui-sans-serif;--default-font-family:var(--font-sans)}}' +
        '@layer base{html{font-family:var(--default-font-family)}p{margin:0}}' +
        '@layer components;' +
        '@layer utilities{.text-red{color:var(--color-red)}.border{border-style:var(--tw-border-style)}' +
        '@media (min-width:48rem){.md\\:text-red{color:var(--color-red)}}' +
        '.dark\\:text-red:where(.dark,.dark *){color:var(--color-red)}}' +
        ':root{--seg-header:#b34700}.dark{--seg-header:#ff9e66;color-scheme:dark}' +
        '@property --tw-border-style{syntax:"*";inherits:false;initial-value:solid}',
    );
  });

  it('keeps a layer in the order of layers when nothing in it is used, and the keyframes a kept rule animates with', () => {
    const used = usedCss('@layer a{.x{color:red}}@layer b{.y{animation:spin 1s}}@keyframes spin{to{opacity:0}}@keyframes ping{to{opacity:1}}', '<p class="y"></p>');
    expect(used).toBe('@layer a;@layer b{.y{animation:spin 1s}}@keyframes spin{to{opacity:0}}');
  });

  it('keeps a rule with nested rules whole, and reads strings and comments without being fooled', () => {
    const css = '/* .a{} */.a{content:"}{";&:hover{color:red}}.b{content:";}"}.c\\{{color:red}';
    expect(usedCss(css, '<p class="a b">')).toBe('.a{content:"}{";&:hover{color:red}}.b{content:";}"}');
  });

  it('parses and writes back a minified sheet unchanged', () => {
    expect(serialize(parseStylesheet(sheet))).toBe(sheet);
  });

  it('never drops a rule whose classes and elements the page has, and always drops one naming a class it lacks', () => {
    const universe = ['a', 'b', 'md:c', 'w-1/2', 'mt-0.5', 'x[1]'];
    const escape = (name) => name.replace(/[:/.[\]]/g, (char) => '\\' + char);
    const rule = fc.record({
      classes: fc.subarray(universe, { minLength: 1, maxLength: 2 }),
      element: fc.constantFrom('', 'p', 'h1'),
      wrap: fc.constantFrom('', '@media (min-width:40rem)', '@layer utilities', '@supports (display:grid)'),
      dark: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 12 }), fc.subarray(universe), fc.constantFrom('p', 'h1'), (rules, pageClasses, tag) => {
        const texts = rules.map(({ classes, element, dark }, index) => `${element}${classes.map((name) => '.' + escape(name)).join('')}${dark ? ':where(.dark,.dark *)' : ''}{order:${index}}`);
        const css = rules.map(({ wrap }, index) => (wrap ? `${wrap}{${texts[index]}}` : texts[index])).join('');
        const used = usedCss(css, `<${tag} class="${pageClasses.join(' ')}"></${tag}>`);
        rules.forEach(({ classes, element }, index) => {
          const matches = classes.every((name) => pageClasses.includes(name)) && (element === '' || element === tag);
          expect(used.includes(texts[index]), texts[index]).toBe(matches);
        });
      }),
    );
  });

  it('never throws, whatever the CSS and the page', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', ';', '"', "'", '\\', '/*', '*/', '.a', ' ', '@media x', '@layer y', ':where(', ')', '[', ']', ',', 'p', '--v:var(--w)') }), fc.string(), (css, html) => {
        expect(typeof usedCss(css, html)).toBe('string');
      }),
    );
  });
});
