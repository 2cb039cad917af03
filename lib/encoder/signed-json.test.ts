import { describe, expect, it } from 'vitest';
import { checkSignedJson } from './signed-json';

function problems(text: string) {
  const report = checkSignedJson(text);
  if (!report.ok) throw new Error('not JSON');
  return report.problems;
}

describe('checkSignedJson: what is signed is what is shown', () => {
  it('reports nothing for ordinary JSON, and gives the exact compact text that is signed', () => {
    const text = '{\n  "sub": "1234567890",\n  "n": 1.0,\n  "e": 0.1e1,\n  "f": 0.1,\n  "big": 9007199254740991,\n  "neg": -12.5e-3\n}';
    const report = checkSignedJson(text);
    expect(report).toEqual({ ok: true, problems: [], more: 0, signedText: '{"sub":"1234567890","n":1,"e":1,"f":0.1,"big":9007199254740991,"neg":-0.0125}' });
  });

  it('finds a repeated member, at any depth, with line and column', () => {
    const found = problems('{"sub":"a",\n "sub":"b", "x": {"k": 1, "k": 2}}');
    expect(found.map((p) => p.kind)).toEqual(['duplicate', 'duplicate']);
    expect(found[0]!.message).toMatch(/^Line 2, column 2: "sub" appears more than once; only the last one is signed/);
    expect(found[1]!.message).toContain('"k" in x appears more than once');
    const report = checkSignedJson('{"sub":"a","sub":"b"}');
    expect(report.ok && report.signedText).toBe('{"sub":"b"}');
  });

  it('finds integers beyond 2^53, exact or rounded', () => {
    const found = problems('{"a": 9007199254740993, "b": 1152921504606846976, "c": -9007199254740992}');
    expect(found.map((p) => p.kind)).toEqual(['unsafe-integer', 'unsafe-integer', 'unsafe-integer']);
    expect(found[0]!.message).toContain('9007199254740993 is beyond 2^53 and is signed as 9007199254740992');
    // 2^60 is a double exactly, but the signed text writes it the shortest way, as other digits.
    expect(found[1]!.message).toContain('1152921504606846976 is beyond 2^53 and is signed as 1152921504606847000');
    expect(found[2]!.message).toContain('-9007199254740992 is beyond 2^53 (9007199254740991); it is signed as it is');
  });

  it('finds numbers JSON.parse changes: lost digits, overflow, underflow, negative zero', () => {
    const found = problems('[1.0000000000000001, 1e400, -1e400, 1e-400, -0, 0.30000000000000004, 2.5e+3]');
    expect(found.map((p) => p.message.replace(/^Line \d+, column \d+: /, ''))).toEqual([
      '1.0000000000000001 cannot be held exactly and is signed as 1.',
      '1e400 is too large for a number and is signed as null.',
      '-1e400 is too large for a number and is signed as null.',
      '1e-400 cannot be held exactly and is signed as 0.',
      '-0 cannot be held exactly and is signed as 0.',
    ]);
  });

  it('speaks of encryption for a JWE payload and of what is sent for its protected header, never of signing', () => {
    const text = '{"sub":"a", "sub":"b", "n": 9007199254740993, "m": 1e400}';
    const encrypted = checkSignedJson(text, 'encrypted');
    const sent = checkSignedJson(text, 'sent');
    if (!encrypted.ok || !sent.ok) throw new Error('not JSON');
    expect(encrypted.problems.map((p) => p.message.replace(/^Line \d+, column \d+: /, ''))).toEqual([
      '"sub" appears more than once; only the last one is encrypted, and recipients may read either (RFC 8259 §4, RFC 7519 §4).',
      '9007199254740993 is beyond 2^53 and is encrypted as 9007199254740992, a different number. Put it in a string.',
      '1e400 is too large for a number and is encrypted as null.',
    ]);
    expect(sent.problems[0]!.message).toContain('only the last one is sent, and recipients may read either');
    for (const problem of [...encrypted.problems, ...sent.problems]) expect(problem.message).not.toMatch(/\bsign|verifier/i);
    expect(encrypted.signedText).toBe('{"sub":"b","n":9007199254740992,"m":null}');
  });

  it('says nothing it cannot know: not JSON is left to the editor', () => {
    expect(checkSignedJson('{"a": }')).toEqual({ ok: false });
    expect(checkSignedJson('')).toEqual({ ok: false });
  });

  it('caps the list and counts the rest', () => {
    const text = `{${Array.from({ length: 50 }, () => '"a":1').join(',')}}`;
    const report = checkSignedJson(text);
    expect(report.ok && report.problems.length).toBe(20);
    expect(report.ok && report.more).toBe(29);
  });

  it('stays fast on a megabyte of numbers', () => {
    const text = `[${Array.from({ length: 100_000 }, (_, i) => `${i}.5`).join(',')}]`;
    const started = performance.now();
    expect(problems(text)).toEqual([]);
    // Linear: a quadratic pass over 100,000 literals would take minutes; allow for a busy machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
