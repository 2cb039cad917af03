/**
 * Edit and re-sign, against tokens signed by pyca/cryptography over header
 * and payload text with odd spacing, member order and unknown parameters
 * (lib/jwe/fixtures/make_lab_vectors.py).
 */
import { describe, expect, it } from 'vitest';
import { verifyWithKeyText } from '@/lib/jws';
import vectors from '@/lib/jwe/fixtures/lab-vectors.json';
import { editFromToken } from './from-token';
import { signFromText } from './sign-text';

const segmentText = (token: string, index: number) => Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8');

describe('editFromToken', () => {
  for (const vector of vectors.jws) {
    it(`${vector.alg}: opens the segments' own text and, unchanged, re-signs to ${vector.deterministic ? 'the very same token' : 'a token that verifies'}`, async () => {
      const result = await editFromToken(vector.token, vector.privateKey, 'utf8');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { edit } = result;
      expect(edit.header).toBe(vector.headerText);
      expect(edit.payload).toBe(vector.payloadText);
      expect(edit.alg).toBe(vector.alg);
      expect(edit.key).toBe(vector.privateKey);
      expect(edit.keyNote).toBeNull();

      const signed = await signFromText({ ...edit, asTyped: true });
      expect(signed.ok).toBe(true);
      if (!signed.ok) return;
      if (vector.deterministic) expect(signed.token).toBe(vector.token);
      else expect(signed.token).not.toBe(vector.token);
      // Header and payload bytes are those of the original token, in every case.
      expect(signed.token.split('.').slice(0, 2)).toEqual(vector.token.split('.').slice(0, 2));
      const verified = await verifyWithKeyText(signed.token, vector.publicKey, {});
      expect(verified.state).toBe('valid');
    });
  }

  it('re-signs an edited payload as typed, and the compact form only when not asked to keep it', async () => {
    const vector = vectors.jws.find((entry) => entry.alg === 'HS256')!;
    const result = await editFromToken(vector.token, vector.privateKey, 'utf8');
    if (!result.ok) throw new Error(result.error);
    const payload = result.edit.payload.replace('"user-42"', '"user-43"');
    const asTyped = await signFromText({ ...result.edit, payload, asTyped: true });
    const compact = await signFromText({ ...result.edit, payload, asTyped: false });
    if (!asTyped.ok || !compact.ok) throw new Error('signing failed');
    expect(segmentText(asTyped.token, 1)).toBe(payload);
    expect(segmentText(asTyped.token, 0)).toBe(vector.headerText);
    expect(segmentText(compact.token, 1)).toBe(JSON.stringify(JSON.parse(payload)));
    expect((await verifyWithKeyText(asTyped.token, vector.publicKey, {})).state).toBe('valid');
  });

  it('asks for the private key when the decoder holds only the public one, or none', async () => {
    const vector = vectors.jws.find((entry) => entry.alg === 'RS256')!;
    const withPublic = await editFromToken(vector.token, vector.publicKey, 'utf8');
    expect(withPublic.ok && withPublic.edit.key).toBe('');
    expect(withPublic.ok && withPublic.edit.needs).toBe('private-key');
    expect(withPublic.ok && withPublic.edit.keyNote).toMatch(/public key.*private key.*generate a new pair/);
    const without = await editFromToken(vector.token, '', 'utf8');
    expect(without.ok && without.edit.keyNote).toMatch(/RS256 is signed with a private key/);
    const hs = vectors.jws.find((entry) => entry.alg === 'HS256')!;
    const hsWithPem = await editFromToken(hs.token, vector.publicKey, 'utf8');
    expect(hsWithPem.ok && hsWithPem.edit.needs).toBe('secret');
  });

  it('passes a base64 secret on as base64url, which the encoder reads, and it still signs the same token', async () => {
    const vector = vectors.jws.find((entry) => entry.alg === 'HS256')!;
    const base64 = Buffer.from(vector.privateKey).toString('base64');
    const result = await editFromToken(vector.token, base64, 'base64');
    if (!result.ok) throw new Error(result.error);
    expect(result.edit.secretEncoding).toBe('base64url');
    const signed = await signFromText({ ...result.edit, asTyped: true });
    expect(signed.ok && signed.token).toBe(vector.token);
  });

  it('refuses what cannot be edited, with a reason', async () => {
    const jwe = await editFromToken(vectors.jwe[0]!.token, '', 'utf8');
    expect(jwe).toEqual({ ok: false, error: expect.stringMatching(/encrypted token \(JWE\)/) });
    const unknownAlg = `${Buffer.from('{"alg":"XX1"}').toString('base64url')}.e30.c2ln`;
    expect(await editFromToken(unknownAlg, '', 'utf8')).toEqual({ ok: false, error: 'The header\'s alg "XX1" is not an algorithm this tool can sign with.' });
  });

  it('refuses to sign as typed when the header does not name the algorithm', async () => {
    const signed = await signFromText({ header: '{"typ":"JWT"}', payload: '{}', alg: 'HS256', key: 'k'.repeat(32), secretEncoding: 'utf8', asTyped: true });
    expect(signed).toMatchObject({ ok: false, source: 'header', error: expect.stringMatching(/must name the algorithm/) });
  });
});
