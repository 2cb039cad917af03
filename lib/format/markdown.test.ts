import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './markdown';

// A small reader of the Markdown constructs a renderer could act on: an unescaped one is a failure.
const ACTIVE = [/(^|[^\\])\[[^\]]*[^\\]\]\(/, /(^|[^\\])</, /(^|[^\\])`/, /(^|[^\\])!\[/, /(^|[^\\])\*\*/, /(^|[^\\])https?:\/\//, /\n/];

describe('escapeMarkdown', () => {
  it.each([
    '[click](https://evil.example)',
    '![x](https://evil.example/p.png)',
    '<img src=x onerror=alert(1)>',
    '`code` **bold** _it_',
    'a\nb\r\n# heading',
    'https://evil.example',
    '\\[x\\](y)',
  ])('leaves nothing active in %j', (name) => {
    const escaped = escapeMarkdown(name);
    for (const pattern of ACTIVE) expect(escaped).not.toMatch(pattern);
  });

  it('keeps the visible characters in order', () => {
    expect(escapeMarkdown('[a](b)').replace(/\\(.)/g, '$1')).toBe('[a](b)');
  });

  it('cuts very long text', () => {
    expect(escapeMarkdown('x'.repeat(10_000)).length).toBeLessThan(250);
  });
});
