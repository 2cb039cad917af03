import { describe, expect, it } from 'vitest';
import { createDecodeContext } from './decode-context';
import { checkEncryptedKey, checkJweIvOrTagPresent, checkSignaturePresence } from './segment-warnings';

describe('checkSignaturePresence', () => {
  it('warns when a signed token has no signature, marking the place it should be', () => {
    const raw = 'h.p.';
    const ctx = createDecodeContext(raw);
    checkSignaturePresence(ctx, 'HS256', { text: '', start: 4 }, 0);
    expect(ctx.issues).toEqual([expect.objectContaining({ severity: 'warning', segment: 'signature', offset: 4, length: 0 })]);
    expect(ctx.issues[0]!.message).toContain('"alg" is "HS256"');
  });

  it('warns when an unsecured token carries a signature', () => {
    const ctx = createDecodeContext('h.p.sig');
    checkSignaturePresence(ctx, 'none', { text: 'sig', start: 4 }, 2);
    expect(ctx.issues).toEqual([expect.objectContaining({ severity: 'warning', offset: 4, length: 3 })]);
    expect(ctx.issues[0]!.message).toContain('RFC 7518 §3.6');
  });

  it('says nothing more about a signature that is not base64url, or when "alg" is unknown', () => {
    const ctx = createDecodeContext('h.p.s+g');
    checkSignaturePresence(ctx, 'none', { text: 's+g', start: 4 }, null);
    checkSignaturePresence(ctx, undefined, { text: '', start: 4 }, 0);
    expect(ctx.issues).toEqual([]);
  });

  it('accepts an unsecured token with an empty signature and a signed one with a signature', () => {
    const ctx = createDecodeContext('');
    checkSignaturePresence(ctx, 'none', { text: '', start: 4 }, 0);
    checkSignaturePresence(ctx, 'ES256', { text: 'sig', start: 4 }, 2);
    expect(ctx.issues).toEqual([]);
  });
});

describe('checkEncryptedKey', () => {
  it('warns about a key where direct encryption and ECDH-ES carry none', () => {
    for (const alg of ['dir', 'ECDH-ES']) {
      const ctx = createDecodeContext('');
      checkEncryptedKey(ctx, alg, { text: 'key', start: 5 });
      expect(ctx.issues).toEqual([expect.objectContaining({ severity: 'warning', segment: 'encryptedKey', offset: 5, length: 3 })]);
    }
  });

  it('warns about a missing key where the algorithm wraps one, and accepts the expected shapes', () => {
    const ctx = createDecodeContext('h..iv.ct.tag');
    checkEncryptedKey(ctx, 'RSA-OAEP', { text: '', start: 2 });
    expect(ctx.issues).toEqual([expect.objectContaining({ severity: 'warning', offset: 2, length: 1 })]);
    expect(ctx.issues[0]!.message).toContain('cannot be decrypted');
    checkEncryptedKey(ctx, 'ECDH-ES+A128KW', { text: 'key', start: 2 });
    checkEncryptedKey(ctx, 'dir', { text: '', start: 2 });
    expect(ctx.issues).toHaveLength(1);
  });
});

describe('checkJweIvOrTagPresent', () => {
  it('reports an empty IV or tag as an error naming what is missing', () => {
    const ctx = createDecodeContext('h.k..ct.');
    expect(checkJweIvOrTagPresent(ctx, 'iv', 'IV', { text: '', start: 4 })).toBe(false);
    expect(checkJweIvOrTagPresent(ctx, 'tag', 'Tag', { text: '', start: 8 })).toBe(false);
    expect(ctx.issues.map((i) => [i.severity, i.segment, i.offset, i.length, i.segmentOffset])).toEqual([
      ['error', 'iv', 4, 1, 0],
      ['error', 'tag', 8, 0, 0],
    ]);
    expect(ctx.issues[0]!.message).toMatch(/^IV segment is empty: .* needs an initialization vector$/);
    expect(ctx.issues[1]!.message).toMatch(/^Tag segment is empty: .* needs an authentication tag$/);
  });

  it('passes a segment that has characters', () => {
    const ctx = createDecodeContext('');
    expect(checkJweIvOrTagPresent(ctx, 'iv', 'IV', { text: 'AAAA', start: 4 })).toBe(true);
    expect(ctx.issues).toEqual([]);
  });
});
