import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewOfLink } from './preview';
import { parseInstant } from './instant';

// Tokens are built here with Node's Buffer, not with the code under test.
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const TOKEN = `${b64({ alg: 'HS256' })}.${b64({ exp: NOW / 1000 + 3600 })}.c2ln`;
const link = (at: string) => `https://x.test/#${new URLSearchParams({ token: TOKEN, at })}`;

/** The instant the preview judged times by, read back from its exp row ("expired … ago" / "valid for …"). */
function judgedAs(at: string): number | null | undefined {
  const preview = previewOfLink(link(at), NOW);
  return preview?.asOf === null ? null : preview ? Date.parse(preview.asOf) : undefined;
}

describe("the link preview reads `at` exactly as the app does", () => {
  it('refuses what Date.parse would accept but the app does not, and then judges as of now with no "as of"', () => {
    for (const at of ['Jan 16 2026 12:00 GMT', '2026-02-30T00:00:00Z', '16 January 2026', '2026-01-16T24:00:00Z', '1768564800000']) {
      expect(parseInstant(at)).toBeUndefined();
      const preview = previewOfLink(link(at), NOW)!;
      expect(preview.asOf).toBeNull();
      expect(preview.rows.find((row) => row.name === 'exp')!.time!.relative).toBe('valid for 1 more hour (in 1 hour)');
    }
  });

  it('reads a date-time without a zone as UTC, like the app (Date.parse would read it as local time)', () => {
    const preview = previewOfLink(link('2026-01-16T12:00:00'), NOW)!;
    expect(preview.asOf).toBe('2026-01-16T12:00:00.000Z');
    expect(preview.rows.find((row) => row.name === 'exp')!.time!.relative).toBe('expired 23 hours ago');
  });

  it('reads `at` the same from its source text alone, as the boot script inlines it', () => {
    const standalone = new Function(`return (${previewOfLink.toString()})`)() as typeof previewOfLink;
    expect(standalone(link('2026-01-16T13:00+01:00'), NOW)).toEqual(previewOfLink(link('2026-01-16T13:00+01:00'), NOW));
    expect(standalone(link('2026-01-16T13:00+01:00'), NOW)!.asOf).toBe('2026-01-16T12:00:00.000Z');
  });

  it('agrees with parseInstant on any text', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const isoLike = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom('', ':07', ':59.5', ':00.123456789'),
        fc.constantFrom('', 'Z', 'z', '+02:00', '-0530', '+24:00', '+01', ' '),
        fc.constantFrom('T', ' ', 't'),
      )
      .map(([y, mo, d, h, mi, s, zone, sep]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(mi, 2)}${s}${zone}`);
    fc.assert(
      fc.property(fc.oneof(isoLike, fc.string()), (at) => {
        const expected = parseInstant(at);
        // An empty `at` is no `at` at all.
        if (at === '') return;
        expect(judgedAs(at)).toBe(expected === undefined ? null : expected);
      }),
      { numRuns: 400 },
    );
  });
});
