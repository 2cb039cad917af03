import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentCountProblem, splitSegments } from './split-segments';

describe('splitSegments', () => {
  it('gives every segment with its place in the raw input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '.') }), fc.string({ maxLength: 5 }), (token, prefix) => {
        const raw = prefix + token;
        const { parts, dots } = splitSegments(token, prefix.length);
        expect(parts.map((p) => p.text).join('.')).toBe(token);
        expect(parts.length).toBe(dots.length + 1);
        for (const part of parts) expect(raw.slice(part.start, part.start + part.text.length)).toBe(part.text);
        for (const dot of dots) expect(token[dot]).toBe('.');
      }),
    );
  });

  it('keeps empty segments, so a trailing dot is a segment of its own', () => {
    expect(splitSegments('a..', 0).parts).toEqual([
      { text: 'a', start: 0 },
      { text: '', start: 2 },
      { text: '', start: 3 },
    ]);
  });
});

describe('segmentCountProblem', () => {
  const problemFor = (token: string, headerHasEnc = false, tokenStart = 0) => {
    const { parts, dots } = splitSegments(token, tokenStart);
    return segmentCountProblem(parts.length, token, tokenStart, dots, headerHasEnc);
  };

  it('says a single segment is not a compact token and marks all of it', () => {
    const problem = problemFor('abcdef', false, 3);
    expect(problem.message).toContain("1 segment (no '.' at all)");
    expect(problem).toMatchObject({ severity: 'error', offset: 3, length: 6 });
  });

  it('points past the end when the signature is missing', () => {
    const problem = problemFor('aa.bb', false, 2);
    expect(problem.message).toContain('signature segment is missing');
    expect(problem).toMatchObject({ offset: 7, length: 0 });
  });

  it('marks the dot that makes a fourth segment of a JWS', () => {
    const problem = problemFor('a.b.c.d');
    expect(problem.message).toContain("stray or missing '.'");
    expect(problem).toMatchObject({ offset: 5, length: 1 });
  });

  it('says a segment is missing when 4 segments head a JWE, and points at the end', () => {
    const problem = problemFor('a.b.c.d', true);
    expect(problem.message).toContain('One is missing');
    expect(problem.message).toContain('meant to be a JWE');
    expect(problem).toMatchObject({ offset: 7, length: 0 });
  });

  it('marks the fifth dot when there are more segments than a JWE has', () => {
    const problem = problemFor('a.b.c.d.e.f.g');
    expect(problem.message).toContain('7 segments');
    expect(problem).toMatchObject({ offset: 9, length: 1 });
  });
});
