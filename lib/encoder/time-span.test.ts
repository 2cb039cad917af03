import { describe, expect, it } from 'vitest';
import { parseSpan } from './time-span';

describe('parseSpan', () => {
  it.each([
    ['90', 90],
    ['15m', 900],
    ['2h30m', 9000],
    ['1 day', 86400],
    ['1d 12h', 129600],
    ['1w', 604800],
    ['1.5h', 5400],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseSpan(text)).toEqual({ ok: true, seconds });
  });

  it.each(['', 'soon', '5 fortnights', '0', '10m later', '200y'])('rejects %j with a sentence', (text) => {
    const result = parseSpan(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/\.$/);
  });
});
