// The part of a stylesheet that a page's first view uses: the rules whose
// selectors can match the exported HTML (and what the page's inline scripts
// draw before the page's own JavaScript runs), with the custom properties,
// @property and @keyframes those rules need. Everything is judged
// conservatively: a rule is dropped only when its selector names a class or
// an element that appears nowhere in the page, so the first view looks the
// same with this part alone as with the whole sheet. The whole sheet still
// follows, for what React draws later.

/** At-rules whose block holds rules (kept when any rule inside is). */
const GROUPING_AT_RULES = new Set(['media', 'supports', 'layer', 'container', 'scope', 'starting-style', 'document']);

/**
 * Splits CSS into top-level statements and blocks, skipping strings, comments
 * and escapes. A block's text is returned whole (its inside unparsed).
 * @param {string} css
 * @returns {{ prelude: string, block: string | null }[]} `block` is null for a statement ending in `;`
 */
function topLevel(css) {
  const items = [];
  let start = 0;
  let depth = 0;
  let blockStart = -1;
  let parens = 0;
  for (let at = 0; at < css.length; at++) {
    const char = css[at];
    if (char === '\\') {
      at++;
    } else if (char === '"' || char === "'") {
      at = endOfString(css, at);
    } else if (char === '/' && css[at + 1] === '*') {
      const end = css.indexOf('*/', at + 2);
      at = end === -1 ? css.length : end + 1;
    } else if (char === '(' && depth === 0) {
      parens++;
    } else if (char === ')' && depth === 0 && parens > 0) {
      parens--;
    } else if (char === '{') {
      if (depth === 0) blockStart = at;
      depth++;
    } else if (char === '}') {
      if (depth === 0) continue;
      depth--;
      if (depth === 0) {
        items.push({ prelude: stripComments(css.slice(start, blockStart)).trim(), block: css.slice(blockStart + 1, at) });
        start = at + 1;
      }
    } else if (char === ';' && depth === 0 && parens === 0) {
      const prelude = stripComments(css.slice(start, at)).trim();
      if (prelude) items.push({ prelude, block: null });
      start = at + 1;
    }
  }
  const rest = stripComments(css.slice(start)).trim();
  if (rest) items.push({ prelude: rest, block: null });
  return items;
}

/** @param {string} text @param {number} at the index of the opening quote @returns {number} the index of the closing one */
function endOfString(text, at) {
  const quote = text[at];
  for (let index = at + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === quote || text[index] === '\n') return index;
  }
  return text.length;
}

/** @param {string} text */
function stripComments(text) {
  return text.includes('/*') ? text.replace(/\/\*[\s\S]*?(\*\/|$)/g, '') : text;
}

/**
 * @typedef {{ kind: 'statement', text: string }
 *   | { kind: 'group', prelude: string, children: Node[] }
 *   | { kind: 'at-block', prelude: string, body: string }
 *   | { kind: 'rule', selector: string, body: string }} Node
 */

/**
 * @param {string} css
 * @returns {Node[]}
 */
export function parseStylesheet(css) {
  return topLevel(css).map(({ prelude, block }) => {
    if (block === null) return { kind: 'statement', text: prelude };
    if (prelude.startsWith('@')) {
      const name = /^@([\w-]+)/.exec(prelude)?.[1]?.toLowerCase() ?? '';
      if (GROUPING_AT_RULES.has(name)) return { kind: 'group', prelude, children: parseStylesheet(block) };
      return { kind: 'at-block', prelude, body: block };
    }
    return { kind: 'rule', selector: prelude, body: block };
  });
}

/** @param {Node[]} nodes @returns {string} */
export function serialize(nodes) {
  return nodes
    .map((node) => {
      if (node.kind === 'statement') return node.text + ';';
      if (node.kind === 'group') return `${node.prelude}{${serialize(node.children)}}`;
      if (node.kind === 'at-block') return `${node.prelude}{${node.body}}`;
      return `${node.selector}{${node.body}}`;
    })
    .join('');
}

/**
 * Splits at top-level occurrences of a separator (outside strings, brackets and parentheses).
 * @param {string} text @param {string} separator one character
 */
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '"' || char === "'") at = endOfString(text, at);
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if ((char === ')' || char === ']' || char === '}') && depth > 0) depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const IDENT_CHAR = /[\w\-\u0080-\uffff]/;

/**
 * Reads a CSS identifier (escapes resolved) starting at `at`.
 * @param {string} text @param {number} at
 * @returns {{ name: string, end: number }}
 */
function readIdent(text, at) {
  let name = '';
  let index = at;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      const hex = /^[0-9a-fA-F]{1,6}\s?/.exec(text.slice(index + 1, index + 8));
      if (hex) {
        name += String.fromCodePoint(parseInt(hex[0].trim(), 16));
        index += 1 + hex[0].length;
      } else {
        name += text[index + 1] ?? '';
        index += 2;
      }
    } else if (IDENT_CHAR.test(char)) {
      name += char;
      index++;
    } else break;
  }
  return { name, end: index };
}

/** @param {string} text @param {number} at the index of an opening bracket or parenthesis @returns {number} the index after its match */
function skipGroup(text, at) {
  const open = text[at];
  const close = open === '(' ? ')' : ']';
  let depth = 0;
  for (let index = at; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '"' || char === "'") index = endOfString(text, index);
    else if (char === open) depth++;
    else if (char === close && --depth === 0) return index + 1;
  }
  return text.length;
}

/**
 * The classes and element names one complex selector requires. Attribute,
 * id and pseudo-class conditions (and whatever is inside a functional
 * pseudo-class such as :where() or :not()) are not required: they may hold,
 * and a rule is only dropped when it certainly cannot match.
 * @param {string} selector
 * @returns {{ classes: string[], elements: string[] }}
 */
export function requirementsOf(selector) {
  const classes = [];
  const elements = [];
  let atCompoundStart = true;
  for (let at = 0; at < selector.length; ) {
    const char = selector[at];
    if (char === '.') {
      const { name, end } = readIdent(selector, at + 1);
      if (name) classes.push(name);
      at = end;
      atCompoundStart = false;
    } else if (char === '#') {
      at = readIdent(selector, at + 1).end;
      atCompoundStart = false;
    } else if (char === '[') {
      at = skipGroup(selector, at);
      atCompoundStart = false;
    } else if (char === ':') {
      const colons = selector[at + 1] === ':' ? 2 : 1;
      const { end } = readIdent(selector, at + colons);
      at = selector[end] === '(' ? skipGroup(selector, end) : end;
      atCompoundStart = false;
    } else if (/[\s>+~]/.test(char)) {
      at++;
      atCompoundStart = true;
    } else if (char === '*' || char === '&' || char === '|') {
      at++;
      atCompoundStart = false;
    } else if (atCompoundStart && (IDENT_CHAR.test(char) || char === '\\')) {
      const { name, end } = readIdent(selector, at);
      // A namespaced type (svg|a) is not checked: only plain element names are.
      if (name && selector[end] !== '|') elements.push(name.toLowerCase());
      at = Math.max(end, at + 1);
      atCompoundStart = false;
    } else {
      at++;
    }
  }
  return { classes, elements };
}

/**
 * Whether any selector of a list may match a page with this vocabulary.
 * @param {string} selectorList
 * @param {{ classes: Set<string>, elements: Set<string> }} vocabulary
 */
export function selectorMayMatch(selectorList, vocabulary) {
  return splitTopLevel(selectorList, ',').some((selector) => {
    const { classes, elements } = requirementsOf(selector);
    return classes.every((name) => vocabulary.classes.has(name)) && elements.every((name) => vocabulary.elements.has(name));
  });
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** @param {string} text */
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * What a page's first view can use: the class names in its markup, the
 * element names of its tags, and every word of its inline scripts (which
 * set classes, such as the theme's `dark`, and draw elements before the
 * page's own scripts run), taken as both.
 * @param {string} html
 * @returns {{ classes: Set<string>, elements: Set<string>, customProperties: Set<string> }}
 */
export function pageVocabulary(html) {
  const classes = new Set();
  const elements = new Set();
  const scripts = [];
  const markup = html.replace(/<(script|style)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi, (whole, tag, body) => {
    if (tag.toLowerCase() === 'script') scripts.push(body);
    return `<${tag}>`;
  });
  for (const [, name] of markup.matchAll(/<([a-zA-Z][\w-]*)/g)) elements.add(name.toLowerCase());
  for (const [, , value] of markup.matchAll(/\sclass\s*=\s*(["'])([\s\S]*?)\1/gi)) {
    for (const name of decodeEntities(value).split(/\s+/)) if (name) classes.add(name);
  }
  for (const body of scripts) {
    // Words of string literals, including those of JSON inside a string (escaped quotes and line breaks).
    for (const word of body.replace(/\\+[nrt]/g, ' ').split(/[\s"'`\\]+/)) {
      if (!word) continue;
      classes.add(word);
      elements.add(word.toLowerCase());
    }
  }
  // Custom properties the page names itself (in a style attribute or a script).
  const customProperties = new Set(html.match(/--[\w-]+/g) ?? []);
  return { classes, elements, customProperties };
}

/** @param {string} text @returns {string[]} the custom properties a value refers to with var() */
function referencedProperties(text) {
  return [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]);
}

/**
 * @param {string} body a rule's declarations
 * @returns {{ name: string | null, text: string }[] | null} null when the body holds nested rules
 */
function declarationsOf(body) {
  const parts = splitTopLevel(body, ';');
  if (parts.some((part) => part.includes('{'))) return null;
  return parts
    .filter((part) => part.trim())
    .map((part) => {
      const name = /^\s*(--[\w-]+)\s*:/.exec(part)?.[1] ?? null;
      return { name, text: part };
    });
}

/**
 * @param {Node[]} nodes
 * @param {(node: Node & { kind: 'rule' }) => void} visit
 */
function eachRule(nodes, visit) {
  for (const node of nodes) {
    if (node.kind === 'rule') visit(node);
    else if (node.kind === 'group') eachRule(node.children, visit);
  }
}

/**
 * @param {Node[]} nodes
 * @param {(node: Node & { kind: 'at-block' }) => void} visit
 */
function eachAtBlock(nodes, visit) {
  for (const node of nodes) {
    if (node.kind === 'at-block') visit(node);
    else if (node.kind === 'group') eachAtBlock(node.children, visit);
  }
}

/**
 * @param {Node[]} nodes
 * @param {{ classes: Set<string>, elements: Set<string> }} vocabulary
 * @returns {Node[]}
 */
function keepMatching(nodes, vocabulary) {
  const kept = [];
  for (const node of nodes) {
    if (node.kind === 'rule') {
      if (selectorMayMatch(node.selector, vocabulary)) kept.push(node);
    } else if (node.kind === 'group') {
      const children = keepMatching(node.children, vocabulary);
      if (children.length > 0) kept.push({ ...node, children });
      // A layer keeps its place in the order of layers even when nothing in it is used.
      else if (/^@layer\s/i.test(node.prelude)) kept.push({ kind: 'statement', text: node.prelude });
    } else kept.push(node);
  }
  return kept;
}

/**
 * The custom properties the kept rules can read: those their ordinary
 * declarations or the page refer to, then those the values of these refer
 * to, and so on.
 * @param {Node[]} nodes @param {Set<string>} fromPage
 */
function neededProperties(nodes, fromPage) {
  const definitions = new Map();
  const needed = new Set(fromPage);
  eachRule(nodes, (rule) => {
    const declarations = declarationsOf(rule.body);
    if (declarations === null) {
      referencedProperties(rule.body).forEach((name) => needed.add(name));
      return;
    }
    for (const { name, text } of declarations) {
      if (name === null) referencedProperties(text).forEach((used) => needed.add(used));
      else definitions.set(name, [...(definitions.get(name) ?? []), ...referencedProperties(text)]);
    }
  });
  // Keyframes and other at-rule blocks may read custom properties too.
  eachAtBlock(nodes, (node) => referencedProperties(node.body).forEach((name) => needed.add(name)));
  const pending = [...needed];
  while (pending.length > 0) {
    for (const used of definitions.get(pending.pop()) ?? []) {
      if (!needed.has(used)) {
        needed.add(used);
        pending.push(used);
      }
    }
  }
  return needed;
}

/**
 * @param {Node[]} nodes @param {Set<string>} needed
 * @returns {Node[]} the nodes without declarations of custom properties nothing reads (rules left empty go)
 */
function dropUnreadProperties(nodes, needed) {
  const kept = [];
  for (const node of nodes) {
    if (node.kind === 'rule') {
      const declarations = declarationsOf(node.body);
      if (declarations === null) {
        kept.push(node);
        continue;
      }
      const remaining = declarations.filter(({ name }) => name === null || needed.has(name));
      if (remaining.length > 0) kept.push({ ...node, body: remaining.map(({ text }) => text).join(';') });
    } else if (node.kind === 'group') {
      const children = dropUnreadProperties(node.children, needed);
      if (children.length > 0) kept.push({ ...node, children });
      else if (/^@layer\s/i.test(node.prelude)) kept.push({ kind: 'statement', text: node.prelude });
    } else kept.push(node);
  }
  return kept;
}

/**
 * Drops @property and @keyframes that no kept rule names.
 * @param {Node[]} nodes @param {string} keptText the kept CSS without them
 */
function dropUnusedDefinitions(nodes, keptText) {
  const words = new Set(keptText.split(/[^\w-]+/));
  const kept = [];
  for (const node of nodes) {
    if (node.kind === 'at-block') {
      const match = /^@(property|(?:-webkit-)?keyframes)\s+([\w-]+)/i.exec(node.prelude);
      if (match && !words.has(match[2])) continue;
      kept.push(node);
    } else if (node.kind === 'group') {
      const children = dropUnusedDefinitions(node.children, keptText);
      if (children.length > 0) kept.push({ ...node, children });
      else if (/^@layer\s/i.test(node.prelude)) kept.push({ kind: 'statement', text: node.prelude });
    } else kept.push(node);
  }
  return kept;
}

/** @param {Node[]} nodes @returns {Node[]} the nodes without @property and @keyframes */
function withoutDefinitions(nodes) {
  return nodes
    .filter((node) => !(node.kind === 'at-block' && /^@(property|(?:-webkit-)?keyframes)\s/i.test(node.prelude)))
    .map((node) => (node.kind === 'group' ? { ...node, children: withoutDefinitions(node.children) } : node));
}

/**
 * The part of `css` that the page `html` uses at first view.
 * @param {string} css
 * @param {string} html
 * @returns {string}
 */
export function usedCss(css, html) {
  const vocabulary = pageVocabulary(html);
  const matching = keepMatching(parseStylesheet(css), vocabulary);
  const trimmed = dropUnreadProperties(matching, neededProperties(matching, vocabulary.customProperties));
  return serialize(dropUnusedDefinitions(trimmed, serialize(withoutDefinitions(trimmed))));
}
