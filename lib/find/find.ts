// Finds every token in pasted text or a dropped file: Authorization and other headers,
// Cookie / Set-Cookie lines, curl commands, raw HTTP requests and responses, JSON documents
// (token responses, JSON log lines), URLs, form bodies, HAR files and free text. Each token
// is reported once with every place it was found.
//
// The work is a generator that pauses every few tens of kilobytes: findTokens runs it to
// the end, findTokensInSlices gives the event loop a turn between slices, so a 10 MB HAR
// never blocks a page for long. Every step is linear in the text it reads: no regular
// expression runs on more than a short, bounded piece of it.

import { isTokenChar, readRun, type CompactToken } from './compact';
import { member, parseJsonTree, stringOf, type JsonNode } from './json-tree';
import { readSerialization, type JsonSerialization } from './serialization';
import { shellWords, type ShellWord } from './shell-words';
import type { FindOptions, FoundToken, HarPlace, SliceOptions, SourceType, TokenPlace, TokenSource } from './types';
import { MAX_FOUND_TOKENS } from './types';

type Steps = Generator<void, void, void>;

/** Characters scanned between two pauses. */
const STEP = 1 << 14;
/** JSON documents or URLs held in strings of JSON documents or parameters of URLs…: deeper ones are read as text. */
const MAX_NESTING = 8;

/**
 * Where the text being read lies in the paste: from `base` on, as is, or somewhere
 * within `span` once decoded (percent-encoding, escapes, base64).
 */
type Where = { base: number } | { span: readonly [number, number] };

/** What the text being read is part of; the finder adds the innermost place itself. */
interface Context {
  where: Where;
  path?: string;
  url?: string;
  har?: HarPlace;
  /** Whether places get line numbers (the paste is text, not one JSON document). */
  lines: boolean;
  nesting: number;
}

function range(where: Where, start: number, end: number): [number, number] {
  return 'span' in where ? [where.span[0], where.span[1]] : [where.base + start, where.base + end];
}

/** The context of a piece of the text being read, `value` being what the piece decodes to. */
function within(context: Context, raw: string, value: string, start: number): Context {
  const where: Where = 'span' in context.where || raw !== value ? { span: range(context.where, start, start + raw.length) } : { base: context.where.base + start };
  return { ...context, where };
}

interface Extra {
  name?: string;
  scheme?: string;
  url?: string;
}

class Collector {
  private readonly found = new Map<string, FoundToken>();
  private lineStarts: number[] | null = null;
  steps = 0;

  constructor(
    private readonly text: string,
    private readonly max: number,
  ) {}

  get full(): boolean {
    return this.found.size >= this.max;
  }

  private line(offset: number): number {
    if (this.lineStarts === null) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  add(
    token: Pick<FoundToken, 'token' | 'kind' | 'header' | 'truncated' | 'sdJwt'>,
    context: Context,
    type: SourceType,
    extra: Extra,
    [start, end]: [number, number],
  ): void {
    const source: TokenSource = { type };
    if (extra.name !== undefined) source.name = extra.name;
    if (extra.scheme !== undefined) source.scheme = extra.scheme;
    if (context.path !== undefined) source.path = context.path;
    const url = extra.url ?? context.url;
    if (url !== undefined) source.url = url;
    if (context.lines) source.line = this.line(start);
    if (context.har !== undefined) source.har = context.har;
    const place: TokenPlace = { source, start, end };
    const known = this.found.get(token.token);
    if (known !== undefined) {
      known.places.push(place);
      return;
    }
    if (this.full) return;
    const found: FoundToken = { token: token.token, kind: token.kind, header: token.header, places: [place] };
    if (token.truncated !== undefined) found.truncated = token.truncated;
    if (token.sdJwt !== undefined) found.sdJwt = token.sdJwt;
    this.found.set(token.token, found);
  }

  result(): FoundToken[] {
    return [...this.found.values()];
  }
}

// ---------------------------------------------------------------------------------------
// Decoding helpers

function percentDecode(text: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? text.replaceAll('+', ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Malformed escapes: decode the well-formed ones, keep the rest as written.
    return spaced.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

function decodeBase64Text(text: string): string | null {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

function startsWithUrl(text: string): boolean {
  return /^https?:\/\//i.test(text.slice(0, 8));
}

function firstNonBlank(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\ufeff') return c;
  }
  return '';
}

// ---------------------------------------------------------------------------------------
// Readers. Each reads one kind of text and hands its pieces to the others.

class Finder {
  constructor(private readonly out: Collector) {}

  /** Compact tokens in text: every maximal run of token characters is a candidate. */
  *scan(text: string, context: Context, type: SourceType, extra: Extra = {}): Steps {
    const n = text.length;
    let i = 0;
    while (i < n && !this.out.full) {
      while (i < n && !isTokenChar(text.charCodeAt(i))) i++;
      const start = i;
      while (i < n && isTokenChar(text.charCodeAt(i))) i++;
      if (i - start >= 16) {
        const found: CompactToken | null = readRun(text.slice(start, i));
        if (found !== null) {
          const at = start + found.offset;
          this.out.add(found, context, type, extra, range(context.where, at, at + found.token.length));
        }
      }
      this.out.steps += i - start + 1;
      if (this.out.steps >= STEP) {
        this.out.steps = 0;
        yield;
      }
    }
  }

  /** A value whose container is known (a header, cookie, parameter, form field, JSON string). */
  *value(value: string, context: Context, type: SourceType, extra: Extra = {}): Steps {
    const first = firstNonBlank(value);
    if ((first === '{' || first === '[') && context.nesting < MAX_NESTING) {
      if (yield* this.jsonDocument(value, context)) return;
    }
    if (startsWithUrl(value) && context.nesting < MAX_NESTING) {
      yield* this.url(value, { ...context, nesting: context.nesting + 1 });
      return;
    }
    yield* this.scan(value, context, type, extra);
  }

  /** Reads text as one JSON document; false when it is not one. */
  *jsonDocument(text: string, context: Context): Generator<void, boolean, void> {
    const root = yield* parseJsonTree(text);
    if (root === null) return false;
    const path = context.path === undefined ? '$' : `${context.path} → $`;
    const inner: Context = { ...context, path, nesting: context.nesting + 1 };
    if (context.nesting === 0 && context.path === undefined && isHar(root)) yield* this.har(root, text, inner);
    else yield* this.json(root, text, inner, path);
    return true;
  }

  private *json(root: JsonNode, text: string, context: Context, rootPath: string): Steps {
    const stack: [JsonNode, string][] = [[root, rootPath]];
    while (stack.length > 0 && !this.out.full) {
      const [node, path] = stack.pop()!;
      this.out.steps += 16;
      if (this.out.steps >= STEP) {
        this.out.steps = 0;
        yield;
      }
      if (node.type === 'string') {
        // Nothing shorter holds a token, a URL with one or a document with one.
        if (node.value.length < 16) continue;
        const at = { ...context, path };
        yield* this.value(node.value, within(at, text.slice(node.start + 1, node.end - 1), node.value, node.start + 1), 'json');
      } else if (node.type === 'array') {
        for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i]!, `${path}[${i}]`]);
      } else if (node.type === 'object') {
        const serialization = readSerialization(node, text);
        if (serialization !== null) {
          this.addSerialization(serialization, text.slice(node.start, node.end), { ...context, path }, node);
          continue;
        }
        for (let i = node.entries.length - 1; i >= 0; i--) {
          const [key, child] = node.entries[i]!;
          stack.push([child, path + memberPath(key)]);
        }
      }
    }
  }

  private addSerialization(serialization: JsonSerialization, token: string, context: Context, node: JsonNode): void {
    this.out.add({ token, kind: serialization.kind, header: serialization.header }, context, 'json', {}, range(context.where, node.start, node.end));
  }

  /** A URL, absolute or not: its path, query parameters and fragment. */
  *url(url: string, context: Context): Steps {
    const hash = url.indexOf('#');
    const beforeHash = hash < 0 ? url.length : hash;
    const question = url.lastIndexOf('?', beforeHash - 1);
    const pathEnd = question < 0 ? beforeHash : question;
    const extra = { url };
    yield* this.scan(url.slice(0, pathEnd), context, 'url-path', extra);
    if (question >= 0) yield* this.params(url.slice(question + 1, beforeHash), question + 1, context, 'url-query', url);
    if (hash >= 0) {
      const fragment = url.slice(hash + 1);
      if (fragment.includes('=')) yield* this.params(fragment, hash + 1, context, 'url-fragment', url);
      else yield* this.scan(fragment, within(context, fragment, fragment, hash + 1), 'url-fragment', extra);
    }
  }

  /** name=value&name=value (a query, a fragment or a form body), percent-decoded. */
  *params(text: string, offset: number, context: Context, type: SourceType, url?: string): Steps {
    let from = 0;
    while (from <= text.length && !this.out.full) {
      let end = text.indexOf('&', from);
      if (end < 0) end = text.length;
      const pair = text.slice(from, end);
      const eq = pair.indexOf('=');
      const name = percentDecode(eq < 0 ? '' : pair.slice(0, eq), true);
      const raw = eq < 0 ? pair : pair.slice(eq + 1);
      const value = percentDecode(raw, true);
      const valueAt = offset + from + (eq < 0 ? 0 : eq + 1);
      const extra: Extra = url === undefined ? {} : { url };
      if (eq >= 0) {
        extra.name = name;
        // A name is not where tokens go, but nothing in it is skipped either.
        const rawName = pair.slice(0, eq);
        if (rawName.length >= 16) yield* this.scan(name, within(context, rawName, name, offset + from), type, url === undefined ? {} : { url });
      }
      yield* this.value(value, within(context, raw, value, valueAt), type, extra);
      from = end + 1;
    }
  }

  /** One header: `value` starts at `valueAt` in the text the context covers. */
  *header(name: string, value: string, valueAt: number, context: Context): Steps {
    const lower = name.toLowerCase();
    const at = within(context, value, value, valueAt);
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const space = value.search(/[ \t]/);
      const scheme = space > 0 ? value.slice(0, space) : '';
      if (scheme !== '' && /^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*$/.test(scheme) && !scheme.includes('.')) {
        let credentials = space;
        while (value[credentials] === ' ' || value[credentials] === '\t') credentials++;
        const rest = value.slice(credentials);
        const restAt = within(at, rest, rest, credentials);
        // Basic credentials are base64 of user:password, and a password can be a token (a client assertion, an API key).
        const basic = scheme.toLowerCase() === 'basic' ? decodeBase64Text(rest) : null;
        if (basic !== null) yield* this.scan(basic, within(restAt, rest, basic, 0), 'authorization', { name, scheme });
        else yield* this.scan(rest, restAt, 'authorization', { name, scheme });
      } else {
        yield* this.scan(value, at, 'authorization', { name });
      }
    } else if (lower === 'cookie' || lower === 'set-cookie') {
      yield* this.cookies(value, at, lower === 'cookie' ? 'cookie' : 'set-cookie');
    } else if (lower === 'location' || lower === 'content-location' || lower === 'referer') {
      yield* this.url(value, at);
    } else {
      yield* this.value(value, at, 'header', { name });
    }
  }

  /** `a=b; c=d` (Cookie), or `a=b; Path=/; HttpOnly` (Set-Cookie: only the first pair is the cookie). */
  *cookies(text: string, context: Context, type: 'cookie' | 'set-cookie'): Steps {
    let from = 0;
    while (from < text.length) {
      let end = text.indexOf(';', from);
      if (end < 0) end = text.length;
      const pair = text.slice(from, end);
      const eq = pair.indexOf('=');
      if (eq > 0) {
        const name = pair.slice(0, eq).trim();
        let rawAt = eq + 1;
        while (pair[rawAt] === ' ') rawAt++;
        let raw = pair.slice(rawAt).trimEnd();
        if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
          raw = raw.slice(1, -1);
          rawAt++;
        }
        const value = percentDecode(raw, false);
        yield* this.value(value, within(context, raw, value, from + rawAt), type, { name });
      }
      if (type === 'set-cookie') return;
      from = end + 1;
    }
  }

  /** A body: JSON, a form, or text. */
  *body(body: string, contentType: string, context: Context): Steps {
    const first = firstNonBlank(body);
    if ((first === '{' || first === '[') && context.nesting < MAX_NESTING && (yield* this.jsonDocument(body, context))) return;
    if (/x-www-form-urlencoded/i.test(contentType) || looksLikeForm(body)) {
      yield* this.params(body, 0, context, 'form');
      return;
    }
    yield* this.text(body, context);
  }

  /** Free text: URLs in it are read as URLs, the rest is scanned. */
  *text(text: string, context: Context): Steps {
    let from = 0;
    for (let at = text.indexOf('://'); at >= 0 && !this.out.full; at = text.indexOf('://', at + 3)) {
      let start = at;
      while (start > from && /[A-Za-z0-9+.-]/.test(text[start - 1]!)) start--;
      if (start === at || start < from) continue;
      let end = at + 3;
      while (end < text.length && !URL_END.has(text[end]!)) end++;
      yield* this.scan(text.slice(from, start), within(context, '', '', from), 'text');
      const url = text.slice(start, end);
      yield* this.url(url, within(context, url, url, start));
      from = end;
      at = Math.max(at, end - 3);
    }
    yield* this.scan(text.slice(from), within(context, '', '', from), 'text');
  }

  /** Pasted text that is not one JSON document: a curl command, an HTTP message, or lines. */
  *paste(text: string, context: Context): Steps {
    const words = /^\s*(?:\$\s+)?curl\s/.test(text.slice(0, 64)) ? shellWords(text) : null;
    if (words !== null) {
      yield* this.curl(words, context);
      return;
    }
    const firstLine = text.slice(0, Math.min(text.length, 8192)).split(/\r?\n/, 1)[0]!;
    if (REQUEST_LINE.test(firstLine) || STATUS_LINE.test(firstLine)) {
      yield* this.http(text, context);
      return;
    }
    yield* this.lines(text, context);
  }

  /** Log lines and loose headers, one line at a time. */
  private *lines(text: string, context: Context): Steps {
    let from = 0;
    while (from < text.length && !this.out.full) {
      let end = text.indexOf('\n', from);
      if (end < 0) end = text.length;
      const line = text.slice(from, end).replace(/\r$/, '');
      const at = within(context, '', '', from);
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon) : '';
      const trimmed = line.trim();
      if (LOOSE_HEADER.test(name)) {
        let valueAt = colon + 1;
        while (line[valueAt] === ' ' || line[valueAt] === '\t') valueAt++;
        yield* this.header(name, line.slice(valueAt).trimEnd(), valueAt, at);
      } else if (trimmed.startsWith('{') && trimmed.endsWith('}') && (yield* this.jsonDocument(line, at))) {
        // a JSON log line, read as JSON
      } else if ((trimmed.startsWith('?') || trimmed.startsWith('#')) && trimmed.includes('=') && !/\s/.test(trimmed)) {
        const lead = line.indexOf(trimmed[0]!);
        yield* this.url(trimmed, within(at, trimmed, trimmed, lead));
      } else {
        yield* this.text(line, at);
      }
      from = end + 1;
    }
  }

  /** A raw HTTP request or response: start line, headers, blank line, body. */
  private *http(text: string, context: Context): Steps {
    let from = 0;
    let contentType = '';
    let first = true;
    while (from < text.length) {
      let end = text.indexOf('\n', from);
      if (end < 0) end = text.length;
      const line = text.slice(from, end).replace(/\r$/, '');
      const at = within(context, '', '', from);
      if (line === '') {
        from = end + 1;
        break;
      }
      if (first) {
        const request = REQUEST_LINE.exec(line);
        if (request !== null) {
          const target = request[1]!;
          yield* this.url(target, within(at, target, target, line.indexOf(' ') + 1));
        }
        first = false;
      } else {
        const colon = line.indexOf(':');
        if (colon > 0) {
          const name = line.slice(0, colon).trim();
          let valueAt = colon + 1;
          while (line[valueAt] === ' ' || line[valueAt] === '\t') valueAt++;
          const value = line.slice(valueAt).trimEnd();
          if (name.toLowerCase() === 'content-type') contentType = value;
          yield* this.header(name, value, valueAt, at);
        }
      }
      from = end + 1;
    }
    if (from < text.length) {
      const body = text.slice(from);
      yield* this.body(body, contentType, within(context, body, body, from));
    }
  }

  private *curl(words: ShellWord[], context: Context): Steps {
    const at = (word: ShellWord, skip = 0): Context =>
      word.verbatimAt >= 0 ? within(context, '', '', word.verbatimAt + skip) : { ...context, where: { span: range(context.where, word.start, word.end) } };
    let contentType = '';
    const bodies: [string, Context][] = [];
    let k = words[0]?.value === '$' ? 2 : 1;
    for (; k < words.length && !this.out.full; k++) {
      const word = words[k]!;
      let option = word.value;
      let arg: ShellWord | undefined;
      let argSkip = 0;
      if (option.startsWith('--')) {
        if (CURL_VALUE_OPTIONS.has(option)) arg = words[++k];
      } else if (option.startsWith('-') && option.length > 1) {
        const letter = option[1]!;
        if (CURL_SHORT_VALUE.includes(letter)) {
          if (option.length > 2) {
            arg = word;
            argSkip = 2;
          } else {
            arg = words[++k];
          }
          option = '-' + letter;
        }
      } else {
        yield* this.curlUrl(word, at(word));
        continue;
      }
      if (arg === undefined) continue;
      const value = arg.value.slice(argSkip);
      const where = at(arg, argSkip);
      switch (CURL_ALIASES[option] ?? option) {
        case '--header': {
          const colon = value.indexOf(':');
          if (colon <= 0) break;
          const name = value.slice(0, colon).trim();
          let valueAt = colon + 1;
          while (value[valueAt] === ' ') valueAt++;
          const headerValue = value.slice(valueAt).trimEnd();
          if (name.toLowerCase() === 'content-type') contentType = headerValue;
          yield* this.header(name, headerValue, valueAt, where);
          break;
        }
        case '--cookie':
          if (value.includes('=')) yield* this.cookies(value, where, 'cookie');
          break;
        case '--data':
          if (!value.startsWith('@') || option === '--data-raw') bodies.push([value, where]);
          break;
        case '--json':
          if (!value.startsWith('@')) bodies.push([value, where]);
          break;
        case '--form': {
          const eq = value.indexOf('=');
          if (eq > 0 && !'@<'.includes(value[eq + 1] ?? '')) {
            const field = value.slice(eq + 1);
            yield* this.value(field, within(where, field, field, eq + 1), 'form', { name: value.slice(0, eq) });
          }
          break;
        }
        case '--url':
          yield* this.curlUrl(arg, where);
          break;
        case '--oauth2-bearer':
          yield* this.scan(value, where, 'authorization', { name: 'Authorization', scheme: 'Bearer' });
          break;
      }
    }
    for (const [body, where] of bodies) yield* this.body(body, contentType, where);
  }

  private *curlUrl(word: ShellWord, context: Context): Steps {
    if (word.value.includes('://') || word.value.startsWith('/')) yield* this.url(word.value, context);
    else yield* this.scan(word.value, context, 'text');
  }

  /**
   * HAR 1.2: each entry's request and response, field by field. HAR writers repeat data: the
   * Cookie header in cookies[], the URL's query in queryString[], postData.text in params[].
   * The repeat is read only when the original is missing, so a token is not listed twice
   * for one place.
   */
  private *har(root: JsonNode, text: string, context: Context): Steps {
    const entries = member(member(root, 'log'), 'entries');
    if (entries?.type !== 'array') return;
    for (let i = 0; i < entries.items.length && !this.out.full; i++) {
      const entry = entries.items[i]!;
      const request = member(entry, 'request');
      const response = member(entry, 'response');
      const url = stringOf(member(request, 'url')) ?? '';
      const base = `$.log.entries[${i}]`;
      const side = (name: 'request' | 'response'): Context => ({ ...context, har: { entry: i, side: name, url } });
      const field = (ctx: Context, node: JsonNode, path: string): Context => {
        const at = { ...ctx, path };
        return node.type === 'string' ? within(at, text.slice(node.start + 1, node.end - 1), node.value, node.start + 1) : at;
      };

      const req = side('request');
      const urlNode = member(request, 'url');
      if (urlNode?.type === 'string') yield* this.url(url, field(req, urlNode, `${base}.request.url`));
      const headerNames = yield* this.harHeaders(member(request, 'headers'), text, req, `${base}.request.headers`);
      if (!headerNames.has('cookie')) yield* this.harPairs(member(request, 'cookies'), text, req, `${base}.request.cookies`, 'cookie');
      if (!url.includes('?')) yield* this.harPairs(member(request, 'queryString'), text, req, `${base}.request.queryString`, 'url-query');
      const postData = member(request, 'postData');
      const postText = member(postData, 'text');
      if (postText?.type === 'string') {
        yield* this.body(postText.value, stringOf(member(postData, 'mimeType')) ?? '', field(req, postText, `${base}.request.postData.text`));
      } else {
        yield* this.harPairs(member(postData, 'params'), text, req, `${base}.request.postData.params`, 'form');
      }

      const res = side('response');
      const responseHeaders = yield* this.harHeaders(member(response, 'headers'), text, res, `${base}.response.headers`);
      if (!responseHeaders.has('set-cookie')) yield* this.harPairs(member(response, 'cookies'), text, res, `${base}.response.cookies`, 'set-cookie');
      const content = member(response, 'content');
      const contentText = member(content, 'text');
      if (contentText?.type === 'string') {
        const at = field(res, contentText, `${base}.response.content.text`);
        const base64 = stringOf(member(content, 'encoding')) === 'base64';
        const decoded = base64 ? decodeBase64Text(contentText.value) : contentText.value;
        if (decoded !== null) {
          const where = base64 ? { ...at, where: { span: range(at.where, 0, contentText.value.length) } } : at;
          yield* this.body(decoded, stringOf(member(content, 'mimeType')) ?? '', where);
        }
      }
      const redirect = member(response, 'redirectURL');
      if (redirect?.type === 'string' && redirect.value !== '') yield* this.url(redirect.value, field(res, redirect, `${base}.response.redirectURL`));
    }
  }

  /** HAR headers: [{name, value}]; returns the lower-case names seen. */
  private *harHeaders(list: JsonNode | undefined, text: string, context: Context, path: string): Generator<void, Set<string>, void> {
    const names = new Set<string>();
    if (list?.type !== 'array') return names;
    for (let j = 0; j < list.items.length; j++) {
      const item = list.items[j]!;
      const name = stringOf(member(item, 'name'));
      const value = member(item, 'value');
      if (name === undefined || value?.type !== 'string') continue;
      names.add(name.toLowerCase());
      const at = within({ ...context, path: `${path}[${j}].value` }, text.slice(value.start + 1, value.end - 1), value.value, value.start + 1);
      yield* this.header(name, value.value, 0, at);
    }
    return names;
  }

  /** HAR cookies, query parameters and form parameters: [{name, value}]. */
  private *harPairs(list: JsonNode | undefined, text: string, context: Context, path: string, type: SourceType): Steps {
    if (list?.type !== 'array') return;
    for (let j = 0; j < list.items.length; j++) {
      const item = list.items[j]!;
      const name = stringOf(member(item, 'name'));
      const node = member(item, 'value');
      if (name === undefined || node?.type !== 'string') continue;
      const value = percentDecode(node.value, type === 'url-query' || type === 'form');
      const at = within({ ...context, path: `${path}[${j}].value` }, text.slice(node.start + 1, node.end - 1), value, node.start + 1);
      yield* this.value(value, at, type, type === 'url-query' ? { name, url: context.har?.url ?? '' } : { name });
    }
  }
}

const URL_END = new Set([' ', '\t', '"', "'", '<', '>', '`', '\\', '\r', '\n']);
const REQUEST_LINE = /^[A-Z]{3,10} (\S+) HTTP\/\d(?:\.\d)?$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? \d{3}(?: |$)/;
/** Header names read as headers on a line of their own outside an HTTP message. */
const LOOSE_HEADER = /^(?:authorization|proxy-authorization|cookie|set-cookie|dpop|location|x-[a-z0-9-]+)$/i;

const CURL_SHORT_VALUE = 'HbdFXoAeuxmcwTKrCEDUQPYyzt';
const CURL_ALIASES: Record<string, string> = {
  '-H': '--header',
  '-b': '--cookie',
  '-d': '--data',
  '--data-raw': '--data',
  '--data-binary': '--data',
  '--data-ascii': '--data',
  '--data-urlencode': '--data',
  '-F': '--form',
  '--form-string': '--form',
};
const CURL_VALUE_OPTIONS = new Set([
  '--header', '--cookie', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json',
  '--form', '--form-string', '--url', '--oauth2-bearer', '--request', '--output', '--user-agent', '--referer', '--user',
  '--proxy', '--max-time', '--connect-timeout', '--cookie-jar', '--write-out', '--upload-file', '--config', '--range',
  '--cert', '--key', '--cacert', '--capath', '--resolve', '--retry', '--dump-header', '--proxy-user', '--quote',
  '--ftp-port', '--speed-limit', '--speed-time', '--time-cond', '--trace', '--trace-ascii', '--interface', '--limit-rate',
  '--max-filesize', '--connect-to', '--aws-sigv4', '--variable', '--expand-url', '--expand-header', '--expand-data',
]);

function memberPath(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function isHar(root: JsonNode): boolean {
  return member(member(root, 'log'), 'entries')?.type === 'array';
}

/** A form body: name=value pairs joined by '&', no whitespace. */
function looksLikeForm(body: string): boolean {
  const text = body.trim();
  if (text === '' || /\s/.test(text.slice(0, 4096))) return false;
  const eq = text.indexOf('=');
  return eq > 0 && /^[A-Za-z0-9_.%[\]-]+$/.test(text.slice(0, eq));
}

// ---------------------------------------------------------------------------------------
// Entry points

/**
 * The finder as a generator: each next() does a short step (a few tens of kilobytes of text);
 * the last returns the tokens. For callers that schedule the work themselves (a worker, an idle callback).
 */
export function* findTokensStepwise(text: string, options: FindOptions = {}): Generator<void, FoundToken[], void> {
  const out = new Collector(text, options.maxTokens ?? MAX_FOUND_TOKENS);
  const finder = new Finder(out);
  const context: Context = { where: { base: 0 }, lines: false, nesting: 0 };
  const first = firstNonBlank(text);
  const isJson = (first === '{' || first === '[') && (yield* finder.jsonDocument(text, context));
  if (!isJson) yield* finder.paste(text, { ...context, lines: true });
  return out.result();
}

/** Every token in the text, in the order first found. */
export function findTokens(text: string, options?: FindOptions): FoundToken[] {
  const steps = findTokensStepwise(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same as findTokens, in slices of about `sliceBudgetMs` (default 16 ms) with a turn of
 * the event loop between them, so a large file does not freeze the page.
 */
export async function findTokensInSlices(text: string, options: SliceOptions = {}): Promise<FoundToken[]> {
  const budget = options.sliceBudgetMs ?? 16;
  const steps = findTokensStepwise(text, options);
  for (;;) {
    const began = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - began < budget) step = steps.next();
    options.onSlice?.(performance.now() - began);
    if (step.done) return step.value;
    await nextTurn();
  }
}

/** A turn of the event loop: scheduler.yield() where the browser has it (no 4 ms clamp of nested timers), else a timer. */
function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
