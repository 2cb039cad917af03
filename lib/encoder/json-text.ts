/**
 * Reading and editing the encoder's JSON text. The user's text is the source
 * of truth: edits made for them (alg, iat, exp) replace one member's value in
 * place so their formatting, order and other members survive.
 */
import { scanJson } from '@/lib/token/json-scan';
import { activeLocale } from '@/lib/i18n/translate';
import { t } from './messages';

export interface JsonTextProblem {
  /** A sentence that names the place: "Line 3, column 5: expected ',' or '}'." */
  message: string;
  /** 0-based character offset of the problem. */
  offset: number;
  line: number;
  column: number;
}

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: JsonTextProblem };

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses JSON text; on failure says where, in words. */
export function parseJsonText(text: string): JsonTextResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const scanned = scanJson(text, 0).error;
    const offset = scanned?.position ?? 0;
    const { line, column } = lineColumn(text, offset);
    const what = scanned ? scanned.message : t('encoder.notValidJson');
    const message = text.trim() === '' ? t('encoder.jsonEmpty') : t('encoder.lineColumn', { line, column, problem: asClause(what) });
    return { ok: false, error: { message, offset, line, column } };
  }
}

/** A sentence as the clause after "Line 3, column 5:", ending with one full stop; in English without its capital. */
function asClause(sentence: string): string {
  if (activeLocale() !== 'en') return /[.。．!?！？]$/.test(sentence) ? sentence : `${sentence}.`;
  const what = sentence.replace(/\.$/, '');
  return `${what.length > 1 && /[A-Z][a-z]/.test(what.slice(0, 2)) ? what[0]!.toLowerCase() + what.slice(1) : what}.`;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a member of the top-level object sits in the text. */
export interface MemberSpan {
  name: string;
  /** Offset of the name's opening quote. */
  nameStart: number;
  valueStart: number;
  /** Offset just after the value. */
  valueEnd: number;
}

function skipWhitespace(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

/** Offset just after the string starting at `index` (a quote). */
function skipString(text: string, index: number): number {
  index++;
  while (index < text.length) {
    const c = text[index];
    if (c === '\\') index += 2;
    else if (c === '"') return index + 1;
    else index++;
  }
  return index;
}

/** Offset just after the JSON value starting at `index`. */
function skipValue(text: string, index: number): number {
  const first = text[index];
  if (first === '"') return skipString(text, index);
  if (first === '{' || first === '[') {
    let depth = 0;
    while (index < text.length) {
      const c = text[index];
      if (c === '"') {
        index = skipString(text, index);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return index + 1;
      }
      index++;
    }
    return index;
  }
  while (index < text.length && !/[\s,}\]]/.test(text[index]!)) index++;
  return index;
}

/**
 * The members of the top-level object, in text order, or null when the text
 * is not a JSON object. Only called on text JSON.parse accepts.
 */
export function topLevelMembers(text: string): { members: MemberSpan[]; open: number; close: number } | null {
  const parsed = parseJsonText(text);
  if (!parsed.ok || !isJsonObject(parsed.value)) return null;
  const open = skipWhitespace(text, 0);
  const members: MemberSpan[] = [];
  let index = skipWhitespace(text, open + 1);
  while (text[index] === '"') {
    const nameStart = index;
    const nameEnd = skipString(text, index);
    const name = JSON.parse(text.slice(nameStart, nameEnd)) as string;
    index = skipWhitespace(text, nameEnd) + 1; // past ':'
    const valueStart = skipWhitespace(text, index);
    const valueEnd = skipValue(text, valueStart);
    members.push({ name, nameStart, valueStart, valueEnd });
    index = skipWhitespace(text, valueEnd);
    if (text[index] === ',') index = skipWhitespace(text, index + 1);
  }
  return { members, open, close: index };
}

/** The indentation and separator the user's object already uses. */
function styleOf(text: string, spans: { members: MemberSpan[]; open: number }): { newline: boolean; indent: string; colon: string } {
  const first = spans.members[0];
  if (!first) return { newline: false, indent: '', colon: ': ' };
  const before = text.slice(spans.open + 1, first.nameStart);
  const newline = before.includes('\n');
  const indent = newline ? before.slice(before.lastIndexOf('\n') + 1) : '';
  const afterName = text.slice(skipString(text, first.nameStart), first.valueStart);
  // Reuse the user's own spacing around the colon (":", ": ", " : ").
  return { newline, indent, colon: afterName.includes(':') && !afterName.includes('\n') ? afterName : ': ' };
}

export type SetMemberResult = { ok: true; text: string } | { ok: false; error: string };

/**
 * Sets one member of the top-level object to a JSON value, editing only that
 * value in the text. A missing member is added first or last, in the style of
 * the others. When a name repeats, the last one (the one JSON.parse keeps) changes.
 */
export function setMember(text: string, name: string, value: unknown, position: 'first' | 'last' = 'last'): SetMemberResult {
  const spans = topLevelMembers(text);
  if (!spans) {
    const parsed = parseJsonText(text);
    return { ok: false, error: parsed.ok ? t('encoder.notAnObjectToSet') : t('encoder.fixJsonFirst', { problem: parsed.error.message }) };
  }
  const literal = JSON.stringify(value);
  const existing = spans.members.filter((member) => member.name === name).at(-1);
  if (existing) {
    return { ok: true, text: text.slice(0, existing.valueStart) + literal + text.slice(existing.valueEnd) };
  }
  const style = styleOf(text, spans);
  const member = `${JSON.stringify(name)}${style.colon}${literal}`;
  const first = spans.members[0];
  const last = spans.members.at(-1);
  if (!first || !last) {
    // An empty object becomes a one-line object with this member.
    return { ok: true, text: `${text.slice(0, spans.open + 1)}${member}${text.slice(spans.close)}` };
  }
  const separator = style.newline ? `,\n${style.indent}` : ', ';
  if (position === 'first') {
    return { ok: true, text: text.slice(0, first.nameStart) + member + separator + text.slice(first.nameStart) };
  }
  return { ok: true, text: text.slice(0, last.valueEnd) + separator + member + text.slice(last.valueEnd) };
}
