/**
 * Chains that would keep a path builder busy for ever, made by
 * lib/chain/fixtures/make-loop.py: two CA certificates that cross-sign each
 * other, and a chain longer than verifiers accept. The check must stop within a
 * bound and say where and why.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '@/lib/jws/base64url';
import { certificatesFromPem, certificatesFromX5c } from './input';
import { MAX_CHAIN_LENGTH, validateChain } from './validate';
import loop from './fixtures/loop.json';
import fixtures from './fixtures/chain.json';

function chainOf(token: string): Uint8Array[] {
  const bytes = decodeBase64Url(token.split('.')[0]!);
  if (!bytes.ok) throw new Error(bytes.error);
  const header = JSON.parse(new TextDecoder().decode(bytes.bytes)) as Record<string, unknown>;
  const list = certificatesFromX5c(header.x5c);
  if (!list.ok) throw new Error(list.error);
  return list.ders;
}

function pem(text: string): Uint8Array[] {
  const list = certificatesFromPem(text);
  if (!list.ok) throw new Error(list.error);
  return list.ders;
}

const AT = new Date(loop.inside);
/** Far above what the check needs, far below the endless loop it replaces. */
const BOUND_MS = 5_000;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('validateChain on hostile chains', () => {
  it('stops on two certificates that cross-sign each other, with a trust anchor, and names the loop', async () => {
    const { value, ms } = await timed(() => validateChain({ chain: chainOf(loop.tokens.pair), anchors: pem(loop.anchorPem), at: AT }));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value.ok).toBe(true);
    if (!value.ok) return;
    expect(value.verdict).toBe('invalid');
    expect(value.message).toMatch(/^Stopped: /);
    expect(value.message).toMatch(/x5c\[0\].*x5c\[1\]|certificate 1.*certificate 2/i);
    expect(value.certificates.map((cert) => cert.state)).toEqual(['invalid', 'invalid']);
    expect(value.certificates[1]!.problems.join(' ')).toMatch(/loop/i);
  }, 30_000);

  it('stops on a leaf above such a pair, and trusts that leaf once the pair\'s first certificate is itself trusted', async () => {
    const above = await timed(() => validateChain({ chain: chainOf(loop.tokens.leafAbovePair), anchors: pem(loop.anchorPem), at: AT }));
    expect(above.ms).toBeLessThan(BOUND_MS);
    expect(above.value).toMatchObject({ ok: true, verdict: 'invalid', message: expect.stringMatching(/^Stopped: .*loop/) as unknown });
    const anchoredInLoop = await timed(() => validateChain({ chain: chainOf(loop.tokens.leafAbovePair), anchors: pem(`${loop.anchorPem}${loop.loopAPem}`), at: AT }));
    expect(anchoredInLoop.ms).toBeLessThan(BOUND_MS);
    expect(anchoredInLoop.value).toMatchObject({ ok: true, verdict: 'valid' });
  }, 30_000);

  it(`refuses a chain of more than ${MAX_CHAIN_LENGTH} certificates before building any path`, async () => {
    const leaf = chainOf(fixtures.tokens.good)[0]!;
    const { value, ms } = await timed(() => validateChain({ chain: Array.from({ length: 11 }, () => leaf), anchors: pem(fixtures.rootPem), at: AT }));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value).toMatchObject({ ok: false, error: expect.stringMatching(/^Stopped: the chain has 11 certificates; .*at most 10/) as unknown });
  });

  it(`still validates an honest chain of exactly ${MAX_CHAIN_LENGTH} certificates`, async () => {
    const chain = chainOf(loop.tokens.deepest);
    expect(chain).toHaveLength(MAX_CHAIN_LENGTH);
    const { value, ms } = await timed(() => validateChain({ chain, anchors: pem(loop.deepRootPem), at: AT }));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value).toMatchObject({ ok: true, verdict: 'valid' });
    expect(value.ok && value.certificates.map((cert) => cert.state)).toEqual(Array.from({ length: MAX_CHAIN_LENGTH }, () => 'valid'));
  });
});
