import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64urlText } from './base64url';
import { createDecodeContext } from './decode-context';
import { MAX_JSON_DEPTH } from './json-scan';
import { parseLocatedJson, type LocatedJsonInput } from './located-json';

/** A segment holding `json` base64url-encoded, `start` characters into the input. */
function encodedInput(json: string, start = 0, severity: LocatedJsonInput['severity'] = 'error'): LocatedJsonInput {
  const text = encodeBase64urlText(json);
  return { role: 'payload', name: 'Payload', rfc: 'RFC 7519 §4', part: { text, start }, decoded: json, severity };
}

/** The decoded bytes that the marked characters carry (a byte counts when one of its bits is marked). */
function bytesUnderMark(segment: string, from: number, length: number): string {
  const bytes = decodeBase64url(segment);
  if (!bytes.ok) throw new Error('test segment must be base64url');
  const firstByte = Math.floor((6 * from) / 8);
  const endByte = Math.ceil((6 * (from + length)) / 8);
  return new TextDecoder().decode(bytes.bytes.slice(firstByte, endByte));
}

describe('parseLocatedJson', () => {
  it('reads a JSON object with no issues', () => {
    const ctx = createDecodeContext('');
    expect(parseLocatedJson(ctx, encodedInput('{"sub":"1"}'))).toEqual({ ok: true, value: { sub: '1' } });
    expect(ctx.issues).toEqual([]);
  });

  it('marks the characters of the segment that encode a syntax error', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 30 }), fc.nat(50), (padding, start) => {
        const json = `{"k":"${padding}",,}`;
        const input = encodedInput(json, start);
        const ctx = createDecodeContext('');
        const result = parseLocatedJson(ctx, input);
        expect(result.ok).toBe(false);
        const [issue] = ctx.issues;
        expect(issue!.severity).toBe('error');
        expect(issue!.message).toMatch(/^Payload is valid base64url but not JSON: .* \(at character \d+ of the decoded payload\)$/);
        expect(bytesUnderMark(input.part.text, issue!.offset! - start, issue!.length!)).toContain(',');
      }),
    );
  });

  it('names line and column when the decoded text has several lines', () => {
    const ctx = createDecodeContext('');
    parseLocatedJson(ctx, encodedInput('{\n  "a": x\n}'));
    expect(ctx.issues[0]!.message).toContain('(at line 2, column 8 of the decoded payload)');
  });

  it('marks a duplicate member in an unencoded payload at its exact characters', () => {
    const segment = '{"a":1,"a":2}';
    const raw = `hdr.${segment}.sig`;
    const ctx = createDecodeContext(raw);
    const result = parseLocatedJson(ctx, { ...encodedInput(segment), part: { text: segment, start: 4 }, decoded: segment, severity: 'warning', textIsSegment: true });
    expect(result).toEqual({ ok: true, value: { a: 2 } });
    const [issue] = ctx.issues;
    expect(issue!.message).toContain('Duplicate member "a" in the payload');
    expect(issue!.message).toContain('RFC 7519 §4');
    expect(raw.slice(issue!.offset!, issue!.offset! + issue!.length!)).toBe('"a"');
  });

  it('marks the encoded duplicate member, past a byte order mark it warns about and skips', () => {
    const json = '\ufeff{"name":1,"name":2}';
    const input = encodedInput(json, 9);
    const ctx = createDecodeContext('');
    expect(parseLocatedJson(ctx, input)).toEqual({ ok: true, value: { name: 2 } });
    const [bom, dup] = ctx.issues;
    expect(bom!.message).toContain('byte order mark');
    expect(bom!.offset).toBe(9);
    expect(dup!.message).toContain('Duplicate member "name"');
    expect(bytesUnderMark(input.part.text, dup!.offset! - 9, dup!.length!)).toContain('"');
    // The second "name" starts at byte 13 (the mark is 3 bytes, then `{"name":1,`): group 4, its second character.
    expect(dup!.offset! - 9).toBe(4 * 4 + 1);
  });

  it('sums up duplicates past the ones it locates', () => {
    const members = Array.from({ length: 25 }, (_, i) => `"m${i}":1,"m${i}":2`).join(',');
    const ctx = createDecodeContext('');
    parseLocatedJson(ctx, encodedInput(`{${members}}`));
    expect(ctx.issues.filter((i) => i.message.startsWith('Duplicate member'))).toHaveLength(20);
    expect(ctx.issues.at(-1)!.message).toBe('…and 5 more duplicate member names in the payload');
  });

  it('refuses JSON that nests too deeply, as a warning when not JSON is only a note', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    const ctx = createDecodeContext('');
    const result = parseLocatedJson(ctx, encodedInput(deep, 0, 'info'));
    expect(result).toMatchObject({ ok: false, tooDeep: true });
    expect(ctx.issues[0]).toMatchObject({ severity: 'warning', offset: 0, length: encodeBase64urlText(deep).length });
  });

  it('warns about numbers JSON.parse cannot keep as written', () => {
    const ctx = createDecodeContext('');
    parseLocatedJson(ctx, encodedInput('{"big":12345678901234567890,"z":-0,"inf":1e400}'));
    const messages = ctx.issues.map((i) => i.message);
    expect(messages).toEqual([
      expect.stringContaining('The number -0 in the payload is negative zero'),
      expect.stringContaining('The number 1e400 in the payload is too large'),
      expect.stringContaining('The integer 12345678901234567890 in the payload is too large for a JavaScript number: JSON.parse reads it as 12345678901234567000'),
    ]);
  });

  it('does not warn about duplicates in JSON that is not an object', () => {
    const ctx = createDecodeContext('');
    expect(parseLocatedJson(ctx, encodedInput('[{"a":1,"a":2}]'))).toEqual({ ok: true, value: [{ a: 2 }] });
    expect(ctx.issues).toEqual([]);
  });
});
