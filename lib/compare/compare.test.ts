import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareTokens, jsonEqual } from './compare';
import { verifyBoth } from './verify-both';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function hs256(header: object, payload: object, secret: string): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const OLD = hs256({ alg: 'HS256', typ: 'JWT', kid: 'k1' }, { sub: 'alice', iat: 1_700_000_000, exp: 1_700_003_600, scope: 'read' }, 'secret-one');
const NEW = hs256({ alg: 'HS256', typ: 'JWT', kid: 'k2' }, { sub: 'alice', iat: 1_700_000_000, exp: 1_700_000_300, aud: 'api' }, 'secret-two');

describe('compareTokens', () => {
  it('lists header parameters and claims added, removed and changed', () => {
    const result = compareTokens(OLD, NEW);
    if (!result.ok) throw new Error(result.error.message);
    const rows = result.comparison.rows.map((row) => `${row.part}:${row.name}:${row.change}`);
    expect(rows).toEqual(['header:kid:changed', 'payload:exp:changed', 'payload:scope:removed', 'payload:aud:added']);
    expect(result.comparison.unchanged).toBe(4); // alg, typ, sub, iat
    expect(result.comparison.kid).toEqual({ before: 'k1', after: 'k2', changed: true });
    expect(result.comparison.alg).toEqual({ before: 'HS256', after: 'HS256', changed: false });
    expect(result.comparison.identical).toBe(false);
  });

  it('shows time claims as dates and as the span between them', () => {
    const result = compareTokens(OLD, NEW);
    if (!result.ok) throw new Error(result.error.message);
    const exp = result.comparison.rows.find((row) => row.name === 'exp');
    expect(exp?.time).toEqual({ before: '2023-11-14T23:13:20Z', after: '2023-11-14T22:18:20Z', deltaSeconds: -3300, deltaText: '55 minutes earlier' });
    expect(exp?.before).toBe('1700003600');
    expect(result.comparison.lifetimes).toEqual({ before: '1 hour', after: '5 minutes' });
  });

  it('names an algorithm change', () => {
    const none = `${b64({ alg: 'none', typ: 'JWT', kid: 'k1' })}.${b64({ sub: 'alice' })}.`;
    const result = compareTokens(OLD, none);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.comparison.alg).toEqual({ before: 'HS256', after: 'none', changed: true });
    expect(result.comparison.rows.find((row) => row.name === 'alg')).toMatchObject({ change: 'changed', before: '"HS256"', after: '"none"' });
  });

  it('finds nothing between a token and itself, whatever surrounds it', () => {
    const result = compareTokens(OLD, `Bearer ${OLD}`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.comparison.rows).toEqual([]);
    expect(result.comparison.identical).toBe(true);
  });

  it('treats member order as no change but nested values as changes', () => {
    const a = hs256({ alg: 'HS256' }, { a: 1, b: { c: [1, 2] } }, 's');
    const b = hs256({ alg: 'HS256' }, { b: { c: [1, 2] }, a: 1 }, 's');
    const c = hs256({ alg: 'HS256' }, { a: 1, b: { c: [2, 1] } }, 's');
    const ab = compareTokens(a, b);
    const ac = compareTokens(a, c);
    expect(ab.ok && ab.comparison.rows).toEqual([]);
    expect(ac.ok && ac.comparison.rows.map((row) => row.name)).toEqual(['b']);
    expect(jsonEqual({ x: [1, { y: null }] }, { x: [1, { y: null }] })).toBe(true);
    expect(jsonEqual({ x: 1 }, { x: 1, y: undefined })).toBe(false);
  });

  it('says which token cannot be read', () => {
    const first = compareTokens('', NEW);
    const second = compareTokens(OLD, 'eyJhbGciOiJIUzI1NiJ9.%%%.x');
    expect(first).toMatchObject({ ok: false, error: { which: 'first' } });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.which).toBe('second');
      expect(second.error.message).toMatch(/^The second token: .*Payload/);
    }
  });
});

describe('verifyBoth', () => {
  it('tells which of the two tokens the key verifies', async () => {
    const same = hs256({ alg: 'HS256' }, { n: 2 }, 'secret-one');
    expect((await verifyBoth(OLD, same, 'secret-one')).summary).toBe('The key verifies both tokens.');
    const mixed = await verifyBoth(OLD, NEW, 'secret-one');
    expect(mixed.first.state).toBe('valid');
    expect(mixed.second.state).toBe('invalid');
    expect(mixed.summary).toBe('The key verifies the first token but not the second.');
    expect((await verifyBoth(OLD, NEW, 'secret-two')).summary).toBe('The key verifies the second token but not the first.');
    expect((await verifyBoth(OLD, NEW, 'other')).summary).toBe('The key verifies neither token.');
    expect((await verifyBoth(OLD, NEW, '')).first.state).toBe('unverified');
  });
});
