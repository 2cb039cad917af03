/**
 * Chains made by lib/chain/fixtures/make-chain.py (python3-cryptography and
 * jwcrypto): which certificate is at fault and why, at the "check as of" time.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '@/lib/jws/base64url';
import { certificatesFromPem, certificatesFromX5c, countPemCertificates } from './input';
import { validateChain, type ChainValidation } from './validate';
import fixtures from './fixtures/chain.json';

const INSIDE = new Date(fixtures.dates.inside);

function headerOf(token: string): Record<string, unknown> {
  const segment = token.split('.')[0]!;
  const bytes = decodeBase64Url(segment);
  if (!bytes.ok) throw new Error(bytes.error);
  return JSON.parse(new TextDecoder().decode(bytes.bytes)) as Record<string, unknown>;
}

function chainOf(token: string): Uint8Array[] {
  const list = certificatesFromX5c(headerOf(token).x5c);
  if (!list.ok) throw new Error(list.error);
  return list.ders;
}

function anchors(text: string): Uint8Array[] {
  const list = certificatesFromPem(text);
  if (!list.ok) throw new Error(list.error);
  return list.ders;
}

async function check(token: string, anchorText: string, at: Date = INSIDE): Promise<Extract<ChainValidation, { ok: true }>> {
  const result = await validateChain({ chain: chainOf(token), anchors: anchors(anchorText), at, header: headerOf(token) });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('validateChain', () => {
  it('validates leaf → intermediate → pasted root, lists the root last, and checks x5t and x5t#S256', async () => {
    const result = await check(fixtures.tokens.good, fixtures.rootPem);
    expect(result.verdict).toBe('valid');
    expect(result.certificates.map((cert) => [cert.subject, cert.state, cert.source])).toEqual([
      ['CN=leaf.example, O=Workbench Test PKI', 'valid', 'chain'],
      ['CN=Test Intermediate CA, O=Workbench Test PKI', 'valid', 'chain'],
      ['CN=Test Root CA, O=Workbench Test PKI', 'valid', 'anchor'],
    ]);
    expect(result.thumbprints.map((t) => [t.header, t.matches])).toEqual([['x5t', true], ['x5t#S256', true]]);
  });

  it('says "untrusted" without a trust anchor, and when the anchor is some other certificate', async () => {
    const none = await check(fixtures.tokens.good, '');
    expect(none.verdict).toBe('untrusted');
    expect(none.certificates.map((cert) => cert.state)).toEqual(['untrusted', 'untrusted']);
    const other = await check(fixtures.tokens.good, fixtures.leafPem);
    expect(other.verdict).not.toBe('valid');
  });

  it('accepts the root inside x5c once it is trusted', async () => {
    const result = await check(fixtures.tokens.goodWithRoot, fixtures.rootPem);
    expect(result.verdict).toBe('valid');
    expect(result.certificates).toHaveLength(3);
  });

  it('judges validity as of the given time', async () => {
    const late = await check(fixtures.tokens.good, fixtures.rootPem, new Date(fixtures.dates.afterLeaf));
    expect(late.verdict).toBe('invalid');
    expect(late.certificates[0]!.state).toBe('invalid');
    expect(late.certificates[0]!.problems.join(' ')).toMatch(/Expired on 2030-01-01/);
    expect(late.certificates[1]!.state).not.toBe('invalid');
    const early = await check(fixtures.tokens.good, fixtures.rootPem, new Date(fixtures.dates.beforeLeaf));
    expect(early.certificates[0]!.problems.join(' ')).toMatch(/Not valid before 2025-01-01/);
  });

  it('finds the expired leaf', async () => {
    const result = await check(fixtures.tokens.expired, fixtures.rootPem);
    expect(result.verdict).toBe('invalid');
    expect(result.certificates.map((cert) => cert.state)).toEqual(['invalid', 'valid', 'valid']);
    expect(result.certificates[0]!.problems.join(' ')).toMatch(/Expired on 2025-02-01/);
  });

  it('finds a leaf that names the intermediate but was signed by another key', async () => {
    const result = await check(fixtures.tokens.wrongIssuer, fixtures.rootPem);
    expect(result.verdict).toBe('invalid');
    expect(result.certificates[0]!.state).toBe('invalid');
    expect(result.certificates[0]!.problems.join(' ')).toMatch(/signature does not verify with the key of the next certificate/);
  });

  it('refuses an intermediate that is not a CA', async () => {
    const result = await check(fixtures.tokens.notCa, fixtures.rootPem);
    expect(result.verdict).toBe('invalid');
    expect(result.certificates[1]!.state).toBe('invalid');
    expect(result.certificates[1]!.problems.join(' ')).toMatch(/not a CA \(basicConstraints/);
    expect(result.certificates.map((cert) => cert.state)).toEqual(['untrusted', 'invalid', 'valid']);
  });

  it('reports a thumbprint that does not match the leaf', async () => {
    const header = { ...headerOf(fixtures.tokens.good), 'x5t#S256': 'AAAA' };
    const result = await validateChain({ chain: chainOf(fixtures.tokens.good), anchors: [], at: INSIDE, header });
    expect(result.ok && result.thumbprints.find((t) => t.header === 'x5t#S256')?.matches).toBe(false);
  });
});

describe('chain input', () => {
  it('reads a pasted PEM chain in order and counts its certificates', () => {
    const text = `${fixtures.leafPem}\n${fixtures.intermediatePem}`;
    expect(countPemCertificates(text)).toBe(2);
    const list = certificatesFromPem(text);
    expect(list.ok && list.ders.length).toBe(2);
  });

  it('locates bad x5c entries and bad PEM', () => {
    expect(certificatesFromX5c(['MIIB', 'ab-_'])).toMatchObject({ ok: false, error: expect.stringMatching(/^x5c\[1\] is not valid base64 \(x5c uses standard base64/) as unknown });
    expect(certificatesFromX5c('nope')).toMatchObject({ ok: false });
    const bad = certificatesFromPem('-----BEGIN CERTIFICATE-----\nMII!\n-----END CERTIFICATE-----');
    expect(bad.ok).toBe(false);
  });

  it('says which certificate is not a certificate', async () => {
    const result = await validateChain({ chain: [chainOf(fixtures.tokens.good)[0]!, new Uint8Array([48, 3, 2, 1, 1])], anchors: [] });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Certificate 2 is not an X\.509 certificate/) as unknown });
  });
});
