/**
 * Comparing two tokens: what changed in the header and in the claims, with
 * time claims as dates and as the span between them. The usual question is
 * "why does the new token fail when the old one worked?".
 */
import { decodeToken, type DecodedToken } from '@/lib/token';
import { exactDuration, isLikelyTimeClaim, isoUtc } from '@/lib/claims/time';
import { t } from './messages';

export type Change = 'added' | 'removed' | 'changed';
export type Part = 'header' | 'payload';

export interface TimeChange {
  /** ISO-8601 UTC dates, when the value is a number of seconds. */
  before?: string;
  after?: string;
  /** after − before, in seconds, when both are times. */
  deltaSeconds?: number;
  /** "2 hours later", "30 minutes earlier". */
  deltaText?: string;
}

export interface DiffRow {
  part: Part;
  name: string;
  change: Change;
  /** JSON text of the value in the first token (absent when added). */
  before?: string;
  /** JSON text of the value in the second token (absent when removed). */
  after?: string;
  time?: TimeChange;
}

export interface Lifetimes {
  /** exp − iat (or exp − nbf) of each token, in words; absent when the token lacks them. */
  before?: string;
  after?: string;
}

export interface Comparison {
  rows: DiffRow[];
  /** How many members are equal in both. */
  unchanged: number;
  alg: { before?: string; after?: string; changed: boolean };
  kid: { before?: string; after?: string; changed: boolean };
  lifetimes: Lifetimes;
  /** Both tokens are byte for byte the same. */
  identical: boolean;
  /** JWS vs JWE and the like. */
  kinds: { before: DecodedToken['kind']; after: DecodedToken['kind'] };
}

export type CompareResult = { ok: true; comparison: Comparison } | { ok: false; error: { which: 'first' | 'second'; message: string } };

type Json = Record<string, unknown>;

function parts(decoded: DecodedToken): { header: Json | null; payload: Json | null } {
  return {
    header: decoded.header?.value ?? null,
    payload: decoded.payload?.kind === 'json' ? decoded.payload.value : null,
  };
}

function problem(decoded: DecodedToken): string | null {
  if (decoded.empty) return t('compare.noTokenYet');
  if (decoded.error) return decoded.error.message;
  if (!decoded.header) return t('compare.headerUndecodable');
  return null;
}

/** Structural equality of JSON values (member order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  const left = a as Json;
  const right = b as Json;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}

function text(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function timeChange(name: string, before: unknown, after: unknown): TimeChange | undefined {
  const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && isLikelyTimeClaim(name, value);
  if (!isTime(before) && !isTime(after)) return undefined;
  const change: TimeChange = {};
  if (isTime(before)) change.before = isoUtc(before as number);
  if (isTime(after)) change.after = isoUtc(after as number);
  if (isTime(before) && isTime(after)) {
    const delta = (after as number) - (before as number);
    change.deltaSeconds = delta;
    change.deltaText = delta === 0 ? t('compare.sameTime') : t(delta > 0 ? 'compare.later' : 'compare.earlier', { duration: exactDuration(delta) });
  }
  return change;
}

function diffObjects(part: Part, a: Json | null, b: Json | null): { rows: DiffRow[]; unchanged: number } {
  const rows: DiffRow[] = [];
  let unchanged = 0;
  const left = a ?? {};
  const right = b ?? {};
  const names = [...Object.keys(left), ...Object.keys(right).filter((name) => !Object.hasOwn(left, name))];
  for (const name of names) {
    const inLeft = Object.hasOwn(left, name);
    const inRight = Object.hasOwn(right, name);
    const before = left[name];
    const after = right[name];
    if (inLeft && inRight && jsonEqual(before, after)) {
      unchanged++;
      continue;
    }
    const row: DiffRow = { part, name, change: !inLeft ? 'added' : !inRight ? 'removed' : 'changed' };
    if (inLeft) row.before = text(before);
    if (inRight) row.after = text(after);
    const time = part === 'payload' ? timeChange(name, inLeft ? before : undefined, inRight ? after : undefined) : undefined;
    if (time) row.time = time;
    rows.push(row);
  }
  return { rows, unchanged };
}

function lifetimeOf(payload: Json | null): string | undefined {
  if (!payload || typeof payload.exp !== 'number') return undefined;
  const start = typeof payload.iat === 'number' ? payload.iat : typeof payload.nbf === 'number' ? payload.nbf : undefined;
  if (start === undefined) return undefined;
  const span = payload.exp - start;
  return span >= 0 ? exactDuration(span) : t('compare.negativeLifetime', { duration: exactDuration(span), start: typeof payload.iat === 'number' ? 'iat' : 'nbf' });
}

function stringMember(object: Json | null, name: string): string | undefined {
  const value = object?.[name];
  return value === undefined ? undefined : typeof value === 'string' ? value : text(value);
}

export function compareTokens(first: string, second: string): CompareResult {
  const a = decodeToken(first);
  const b = decodeToken(second);
  const problemA = problem(a);
  if (problemA) return { ok: false, error: { which: 'first', message: t('compare.firstToken', { problem: problemA }) } };
  const problemB = problem(b);
  if (problemB) return { ok: false, error: { which: 'second', message: t('compare.secondToken', { problem: problemB }) } };

  const pa = parts(a);
  const pb = parts(b);
  const header = diffObjects('header', pa.header, pb.header);
  const payload = diffObjects('payload', pa.payload, pb.payload);
  const algBefore = stringMember(pa.header, 'alg');
  const algAfter = stringMember(pb.header, 'alg');
  const kidBefore = stringMember(pa.header, 'kid');
  const kidAfter = stringMember(pb.header, 'kid');
  return {
    ok: true,
    comparison: {
      rows: [...header.rows, ...payload.rows],
      unchanged: header.unchanged + payload.unchanged,
      alg: { before: algBefore, after: algAfter, changed: algBefore !== algAfter },
      kid: { before: kidBefore, after: kidAfter, changed: kidBefore !== kidAfter },
      lifetimes: { before: lifetimeOf(pa.payload), after: lifetimeOf(pb.payload) },
      identical: a.token === b.token,
      kinds: { before: a.kind, after: b.kind },
    },
  };
}
