/**
 * JWE in JSON serialization, decrypted per recipient: vectors made by jwcrypto
 * (fixtures/make_json_vectors.py), wrong keys, altered members, malformed JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptJweJsonWithKeyText } from './json-serialization';
import fixtures from './fixtures/json/jwe-json-vectors.json';

type Vector = (typeof fixtures.vectors)[number];

const byName = (name: string): Vector => {
  const vector = fixtures.vectors.find((candidate) => candidate.name === name);
  if (!vector) throw new Error(`no vector ${name}`);
  return vector;
};
const keyText = (key: unknown): string => (typeof key === 'string' ? key : JSON.stringify(key));
const text = (value: unknown): string => JSON.stringify(value, null, 2);
const general = byName('general-three');
const withAad = byName('general-aad-pbes2');
const flattened = byName('flattened-aad');

async function decrypt(token: unknown, key: string) {
  const result = await decryptJweJsonWithKeyText(typeof token === 'string' ? token : text(token), key);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result;
}

describe('jwcrypto vectors: each recipient decrypts with its own key', () => {
  for (const vector of fixtures.vectors) {
    vector.keys.forEach((key, index) => {
      it(`${vector.name}, recipient ${index + 1} (${vector.description})`, async () => {
        const result = await decrypt(vector.jwe, keyText(key));
        expect(result.value.form).toBe('recipients' in vector.jwe ? 'general' : 'flattened');
        expect(result.recipients).toHaveLength(vector.keys.length);
        expect(result.recipients[index]?.outcome.state).toBe('valid');
        expect(result.recipients[index]?.outcome.plaintext).toBe(vector.plaintext);
        expect(result.outcome.state).toBe('valid');
        expect(result.outcome.recipient).toBe(index);
        expect(result.outcome.plaintext).toBe(vector.plaintext);
        // The other recipients' algorithms cannot use this key; any text may be a password, a wrong one.
        result.recipients.forEach((recipient, other) => {
          if (other !== index) expect(recipient.outcome.state).toBe(recipient.alg.startsWith('PBES2') ? 'invalid' : 'error');
        });
      });
    });
  }

  it('a JWKS with every key: each recipient picks its key by kid and decrypts', async () => {
    const result = await decrypt(general.jwe, JSON.stringify({ keys: general.keys }));
    expect(result.recipients.map((recipient) => recipient.outcome.state)).toEqual(['valid', 'valid', 'valid']);
    expect(result.recipients.map((recipient) => recipient.kid)).toEqual(['rsa-1', 'ec-1', 'aes-1']);
    expect(result.recipients[1]?.outcome.plaintextIsJson).toBe(true);
  });

  it('the JOSE header of a recipient merges protected, shared unprotected and per-recipient headers', async () => {
    const result = await decrypt(general.jwe, '');
    expect(result.recipients[1]?.joseHeader).toMatchObject({ enc: 'A256GCM', jku: 'https://issuer.example/jwks.json', alg: 'ECDH-ES+A256KW', kid: 'ec-1' });
    expect(result.recipients[1]?.joseHeader.epk).toBeDefined();
  });
});

describe('keys that do not decrypt', () => {
  it('no key yet: every recipient and the token are unverified', async () => {
    const result = await decrypt(general.jwe, '');
    expect(result.recipients.map((recipient) => recipient.outcome.state)).toEqual(['unverified', 'unverified', 'unverified']);
    expect(result.outcome.state).toBe('unverified');
    expect(result.outcome.message).toContain('any of the 3 recipients');
    expect(result.outcome.plaintext).toBeUndefined();
  });

  it('another RSA key: the RSA recipient does not decrypt, the others cannot use it', async () => {
    const result = await decrypt(general.jwe, keyText(fixtures.wrong.rsa));
    expect(result.recipients.map((recipient) => recipient.outcome.state)).toEqual(['invalid', 'error', 'error']);
    expect(result.recipients[0]?.outcome.message).toMatch(/Decryption failed/);
    expect(result.recipients[2]?.outcome.message).toMatch(/A256KW needs a 256-bit shared secret/);
    expect(result.outcome.state).toBe('invalid');
    expect(result.outcome.message).toContain('recipient 1 (RSA-OAEP-256, kid "rsa-1")');
    expect(result.outcome.plaintext).toBeUndefined();
  });

  it('a wrong password for the PBES2 recipient', async () => {
    const result = await decrypt(withAad.jwe, fixtures.wrong.password);
    expect(result.recipients[0]?.outcome.state).toBe('invalid');
    expect(result.recipients[0]?.outcome.message).toMatch(/password is wrong/);
    expect(result.outcome.state).toBe('invalid');
  });

  it('a key no recipient can use: error, with each recipient\u2019s reason', async () => {
    const result = await decrypt(general.jwe, '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----');
    expect(result.recipients.every((recipient) => recipient.outcome.state === 'error')).toBe(true);
    expect(result.outcome.state).toBe('error');
    expect(result.outcome.message).toContain('recipient 3 (A256KW, kid "aes-1")');
  });

  it('"aad" is authenticated: changed, no recipient decrypts with its right key', async () => {
    const altered = { ...withAad.jwe, aad: Buffer.from('other data').toString('base64url') };
    const result = await decrypt(altered, withAad.keys[0] as string);
    expect(result.recipients[0]?.outcome.state).toBe('invalid');
    const dropped: Record<string, unknown> = { ...flattened.jwe };
    delete dropped.aad;
    expect((await decrypt(dropped, keyText(flattened.keys[0]))).outcome.state).toBe('invalid');
  });

  it('the shared unprotected header is not integrity-protected: changing it still decrypts', async () => {
    const altered = { ...flattened.jwe, unprotected: { 'x-note': 'changed' } };
    expect((await decrypt(altered, keyText(flattened.keys[0]))).outcome.state).toBe('valid');
  });
});

describe('malformed JSON: located errors as values', () => {
  const parseError = async (token: unknown) => {
    const result = await decryptJweJsonWithKeyText(typeof token === 'string' ? token : text(token), keyText(general.keys[0]));
    if (result.ok) throw new Error('expected an error');
    return result.error;
  };
  const recipients = (general.jwe as { recipients: Record<string, unknown>[] }).recipients;
  const without = (value: object, member: string): Record<string, unknown> => {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    delete copy[member];
    return copy;
  };

  it('names the member that is missing or of the wrong type', async () => {
    expect(await parseError(without(general.jwe, 'ciphertext'))).toMatchObject({ path: 'ciphertext' });
    expect(await parseError(without(general.jwe, 'iv'))).toMatchObject({ path: 'iv' });
    expect(await parseError(without(general.jwe, 'tag'))).toMatchObject({ path: 'tag' });
    expect(await parseError({ ...general.jwe, recipients: [recipients[0], { ...recipients[1], encrypted_key: 42 }] })).toMatchObject({ path: 'recipients[1].encrypted_key' });
    expect(await parseError({ ...general.jwe, recipients: [] })).toMatchObject({ path: 'recipients' });
    expect(await parseError({ ...general.jwe, iv: 'a*b' })).toMatchObject({ path: 'iv' });
    expect(await parseError({ ...general.jwe, protected: 'bm90IGpzb24' })).toMatchObject({ path: 'protected' });
  });

  it('a header parameter in two of the headers is refused where it repeats (RFC 7516 §7.2.1)', async () => {
    const error = await parseError({ ...general.jwe, unprotected: { kid: 'shared' } });
    expect(error.path).toBe('recipients[0].header');
    expect(error.message).toContain('"kid"');
  });

  it('JSON syntax errors give the position', async () => {
    const error = await parseError(text(general.jwe).slice(0, 200));
    expect(error.message).toMatch(/line \d+, column \d+/);
    expect(error.offset).toBeGreaterThan(0);
  });

  it('a recipient without its encrypted key is an error for that recipient only', async () => {
    const result = await decrypt({ ...general.jwe, recipients: [recipients[0], recipients[1], without(recipients[2]!, 'encrypted_key')] }, keyText(general.keys[0]));
    expect(result.recipients[2]?.outcome.state).toBe('error');
    expect(result.recipients[2]?.outcome.message).toContain('recipients[2].encrypted_key is missing');
    expect(result.recipients[0]?.outcome.state).toBe('valid');
  });

  it('a JWS in JSON serialization is not taken for a JWE', async () => {
    expect((await parseError({ payload: 'e30', signatures: [{ protected: 'eyJhbGciOiJIUzI1NiJ9', signature: 'AA' }] })).message).toMatch(/JWS/);
  });
});

describe('fuzz', () => {
  const members = ['protected', 'unprotected', 'recipients', 'iv', 'ciphertext', 'tag', 'aad', 'header', 'encrypted_key'];
  const anyJson = fc.jsonValue({ maxDepth: 2 });

  it('replacing, removing or adding members never throws and always gives a state', async () => {
    const key = JSON.stringify({ keys: [...general.keys, ...withAad.keys.filter((key) => typeof key !== 'string')] });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(general.jwe as Record<string, unknown>, withAad.jwe as Record<string, unknown>, flattened.jwe as Record<string, unknown>),
        fc.array(fc.record({ member: fc.constantFrom(...members), value: fc.option(anyJson, { nil: undefined }), inRecipient: fc.boolean() }), { maxLength: 3 }),
        async (base, changes) => {
          const token: Record<string, unknown> = structuredClone(base);
          for (const { member, value, inRecipient } of changes) {
            const list = token.recipients;
            const target = inRecipient && Array.isArray(list) && typeof list[0] === 'object' && list[0] !== null ? (list[0] as Record<string, unknown>) : token;
            if (value === undefined) delete target[member];
            else target[member] = value;
          }
          const result = await decryptJweJsonWithKeyText(JSON.stringify(token), key);
          if (result.ok) {
            expect(['valid', 'invalid', 'unverified', 'error']).toContain(result.outcome.state);
            for (const recipient of result.recipients) expect(typeof recipient.outcome.message).toBe('string');
          } else {
            expect(result.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('cutting or changing characters of the text never throws', async () => {
    const source = JSON.stringify(general.jwe);
    await fc.assert(
      fc.asyncProperty(fc.nat(source.length - 1), fc.nat(source.length), fc.string({ maxLength: 3 }), async (start, length, insert) => {
        const mutated = source.slice(0, start) + insert + source.slice(start + (length % 8));
        const result = await decryptJweJsonWithKeyText(mutated, keyText(general.keys[2]));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });
});
