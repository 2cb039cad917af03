/**
 * What is signed is what is shown: the encoder signs JSON.stringify(JSON.parse(text)),
 * which silently drops repeated member names (the last wins), rounds numbers to
 * JavaScript doubles and turns overflowed numbers into null. This finds each such
 * place in the user's text, before signing, with the positioned scanner the decoder uses.
 */
import { scanJson } from '@/lib/token/json-scan';
import { trimEndChar } from '@/lib/format/trim';
import { lineColumn } from './json-text';
import { t } from './messages';

export type SignedJsonProblemKind = 'duplicate' | 'unsafe-integer' | 'changed-number';

export interface SignedJsonProblem {
  kind: SignedJsonProblemKind;
  /** One sentence, naming the line and column. */
  message: string;
  /** 0-based offset in the text. */
  offset: number;
}

export type SignedJsonReport =
  | { ok: true; problems: SignedJsonProblem[]; more: number; signedText: string }
  | { ok: false };

const MAX_PROBLEMS = 20;

/**
 * What becomes of the JSON, in the messages: a JWS header or payload is signed; a JWE's
 * payload is encrypted, and its protected header is sent in the clear.
 */
export type JsonUse = 'signed' | 'encrypted' | 'sent';

/** A decimal value in a form that compares exactly: sign, significant digits, exponent of the last digit. */
function decimalOf(literal: string): { negative: boolean; digits: string; exponent: number } {
  let text = literal.trim();
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const e = text.search(/[eE]/);
  let exponent = e >= 0 ? Number(text.slice(e + 1)) : 0;
  const mantissa = e >= 0 ? text.slice(0, e) : text;
  const dot = mantissa.indexOf('.');
  const whole = dot >= 0 ? mantissa.slice(0, dot) : mantissa;
  const fraction = dot >= 0 ? mantissa.slice(dot + 1) : '';
  exponent -= fraction.length;
  // Trailing zeros trimmed by hand: /0+$/ backtracks quadratically on "1000…01".
  const untrimmed = (whole + fraction).replace(/^0+/, '');
  const digits = trimEndChar(untrimmed, '0');
  exponent += untrimmed.length - digits.length;
  return digits === '' ? { negative, digits: '0', exponent: 0 } : { negative, digits, exponent };
}

function sameDecimal(a: string, b: string): boolean {
  const x = decimalOf(a);
  const y = decimalOf(b);
  return x.negative === y.negative && x.digits === y.digits && x.exponent === y.exponent;
}

function short(literal: string): string {
  return literal.length > 40 ? `${literal.slice(0, 37)}…` : literal;
}

/**
 * Checks JSON text the way it will be signed. `ok: false` only when the text is not JSON
 * (the editor already says where). `signedText` is the exact JSON that goes into the segment.
 */
export function checkSignedJson(text: string, use: JsonUse = 'signed'): SignedJsonReport {
  const problems: SignedJsonProblem[] = [];
  let more = 0;
  const add = (problem: Omit<SignedJsonProblem, 'message'> & { what: string }) => {
    if (problems.length >= MAX_PROBLEMS) {
      more++;
      return;
    }
    const { line, column } = lineColumn(text, problem.offset);
    problems.push({ kind: problem.kind, offset: problem.offset, message: t('encoder.lineColumn', { line, column, problem: problem.what }) });
  };

  const numbers: { start: number; end: number }[] = [];
  const scan = scanJson(text, MAX_PROBLEMS, (start, end) => numbers.push({ start, end }));
  if (scan.error) return { ok: false };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }

  for (const duplicate of scan.duplicates) {
    add({
      kind: 'duplicate',
      offset: duplicate.position,
      what: duplicate.path ? t('encoder.duplicateIn', { name: duplicate.name, path: duplicate.path, use }) : t('encoder.duplicate', { name: duplicate.name, use }),
    });
  }
  more += Math.max(0, scan.duplicateCount - scan.duplicates.length);

  for (const { start, end } of numbers) {
    const literal = text.slice(start, end);
    const parsed = Number(literal);
    const shown = JSON.stringify(parsed);
    // The common case: the literal is already the way it is signed (and short enough to be safe).
    if (shown === literal && end - start < 16) continue;
    const isInteger = /^-?\d+$/.test(literal);
    if (isInteger && Number.isFinite(parsed) && !Number.isSafeInteger(parsed)) {
      const exact = sameDecimal(literal, shown);
      add({
        kind: 'unsafe-integer',
        offset: start,
        what: exact
          ? t('encoder.unsafeIntegerExact', { literal: short(literal), use })
          : t('encoder.unsafeIntegerChanged', { literal: short(literal), use, shown }),
      });
      continue;
    }
    if (!Number.isFinite(parsed)) {
      add({ kind: 'changed-number', offset: start, what: t('encoder.numberTooLarge', { literal: short(literal), use }) });
      continue;
    }
    if (!sameDecimal(literal, shown)) {
      add({ kind: 'changed-number', offset: start, what: t('encoder.numberInexact', { literal: short(literal), use, shown }) });
    }
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { ok: true, problems, more, signedText: JSON.stringify(value) };
}
