import { describe, expect, it } from 'vitest';
import { lineColumn, parseJsonText, setMember, topLevelMembers } from './json-text';

describe('parseJsonText', () => {
  it('says on which line and column the JSON breaks', () => {
    const text = '{\n  "sub": "1",\n  "name" "x"\n}';
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBe(3);
    expect(result.error.message).toMatch(/^Line 3, column \d+: /);
    expect(text.slice(result.error.offset)).toMatch(/^"x"/);
  });

  it('names empty input as such', () => {
    const result = parseJsonText('  ');
    expect(result.ok ? '' : result.error.message).toMatch(/empty/);
  });

  it('computes 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('setMember', () => {
  it('replaces only the value, keeping spacing, order and other members', () => {
    const text = '{\n  "sub" : "1",\n  "exp": 10, "nested": {"exp": 1}\n}';
    const result = setMember(text, 'exp', 99);
    expect(result).toEqual({ ok: true, text: '{\n  "sub" : "1",\n  "exp": 99, "nested": {"exp": 1}\n}' });
  });

  it('adds a missing member last, in the style of a pretty-printed object', () => {
    const result = setMember('{\n    "sub": "1"\n}', 'iat', 5);
    expect(result).toEqual({ ok: true, text: '{\n    "sub": "1",\n    "iat": 5\n}' });
  });

  it('adds a missing member first in a one-line object, and into an empty object', () => {
    expect(setMember('{"typ":"JWT"}', 'alg', 'RS256', 'first')).toEqual({ ok: true, text: '{"alg":"RS256", "typ":"JWT"}' });
    expect(setMember('{ }', 'alg', 'none')).toEqual({ ok: true, text: '{"alg": "none"}' });
  });

  it('changes the last of repeated names, the one JSON.parse keeps', () => {
    const result = setMember('{"a": 1, "a": 2}', 'a', 3);
    expect(result.ok && JSON.parse(result.text)).toEqual({ a: 3 });
    expect(result.ok && result.text).toBe('{"a": 1, "a": 3}');
  });

  it('handles strings holding braces, quotes and escapes', () => {
    const text = '{"x": "}\\"{", "arr": [1, {"y": "]"}], "exp": 1}';
    const members = topLevelMembers(text)?.members.map((member) => member.name);
    expect(members).toEqual(['x', 'arr', 'exp']);
    const result = setMember(text, 'exp', 2);
    expect(result.ok && JSON.parse(result.text)).toEqual({ x: '}"{', arr: [1, { y: ']' }], exp: 2 });
  });

  it('refuses to edit invalid JSON or a non-object and says why', () => {
    const broken = setMember('{"a": }', 'a', 1);
    expect(broken.ok ? '' : broken.error).toMatch(/fixed first.*Line 1/);
    const array = setMember('[1]', 'a', 1);
    expect(array.ok ? '' : array.error).toMatch(/not an object/);
  });
});
