import { describe, expect, it } from 'vitest';
import { decodeToken } from '@/lib/token';
import { analyseSdJwt, decodeDisclosure, sdDigest, splitSdJwt, verifyKeyBinding } from '.';
import vectors from './vectors/sdjwt-vectors.json';

// Facts from RFC 9901 §4.2.1-§4.2.3 (the family_name and nationalities examples).
const RFC_FAMILY_NAME = 'WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0';
const RFC_FAMILY_NAME_DIGEST = 'X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0';
const RFC_FAMILY_NAME_ESCAPED = 'WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNXHUwMGY2Yml1cyJd';
const RFC_FR = 'WyJsa2x4RjVqTVlsR1RQVW92TU5JdkNBIiwgIkZSIl0';

function payloadOf(jwt: string): unknown {
  const decoded = decodeToken(jwt);
  return decoded.payload?.kind === 'json' ? decoded.payload.value : null;
}

async function analyse(sdJwt: string) {
  const layout = splitSdJwt(sdJwt)!;
  const decoded = decodeToken(layout.issuerJwt.text);
  return { layout, analysis: await analyseSdJwt(layout, payloadOf(layout.issuerJwt.text), { header: decoded.header?.value }) };
}

describe('disclosures (RFC 9901 examples)', () => {
  it('decodes an object-property disclosure and computes its digest over the base64url text', async () => {
    expect(decodeDisclosure(RFC_FAMILY_NAME)).toEqual({ ok: true, kind: 'property', salt: '_26bc4LT-ac6q2KI6cBW5es', name: 'family_name', value: 'Möbius' });
    expect(await sdDigest('sha-256', RFC_FAMILY_NAME)).toBe(RFC_FAMILY_NAME_DIGEST);
  });

  it('decodes the same claim written differently, with a different digest', async () => {
    const decoded = decodeDisclosure(RFC_FAMILY_NAME_ESCAPED);
    expect(decoded).toMatchObject({ ok: true, name: 'family_name', value: 'Möbius' });
    expect(await sdDigest('sha-256', RFC_FAMILY_NAME_ESCAPED)).not.toBe(RFC_FAMILY_NAME_DIGEST);
  });

  it('decodes an array-element disclosure', () => {
    expect(decodeDisclosure(RFC_FR)).toEqual({ ok: true, kind: 'element', salt: 'lklxF5jMYlGTPUovMNIvCA', value: 'FR' });
  });

  it('explains malformed disclosures', () => {
    expect(decodeDisclosure('')).toMatchObject({ ok: false, error: expect.stringContaining('empty') });
    expect(decodeDisclosure('a+b')).toMatchObject({ ok: false, error: expect.stringContaining('base64url') });
    expect(decodeDisclosure('bm90IGpzb24')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    expect(decodeDisclosure('WzEsMiwzLDRd')).toMatchObject({ ok: false, error: expect.stringContaining('4 elements') });
    expect(decodeDisclosure('WzEsImEiLDJd')).toMatchObject({ ok: false, error: expect.stringContaining('salt') });
  });
});

describe('splitting', () => {
  it('splits an issuance (no key binding) and a presentation', () => {
    const layout = splitSdJwt('a.b.c~d1~d2~')!;
    expect(layout.disclosures.map((d) => d.text)).toEqual(['d1', 'd2']);
    expect(layout.keyBinding).toBeNull();
    expect(layout.presentation).toBe('a.b.c~d1~d2~');
    const withKb = splitSdJwt('a.b.c~d1~x.y.z')!;
    expect(withKb.keyBinding).toEqual({ text: 'x.y.z', start: 9 });
    expect(withKb.presentation).toBe('a.b.c~d1~');
    expect(splitSdJwt('a.b.c~')!.disclosures).toEqual([]);
    expect(splitSdJwt('a.b.c')).toBeNull();
  });
});

describe('processing vectors made by jwcrypto and hashlib (vectors/generate.py)', () => {
  for (const [name, vector] of Object.entries(vectors.cases)) {
    it(`${name}: every disclosure matches, and the verifier's claims equal the reference`, async () => {
      const { analysis } = await analyse(vector.sdJwt);
      expect(analysis.problems).toEqual([]);
      expect(analysis.disclosures.map((d) => d.digest)).toEqual(vector.disclosures.map((d) => d.digest));
      expect(analysis.disclosures.every((d) => d.state === 'matched')).toBe(true);
      expect(analysis.claims).toEqual(vector.expectedClaims);
      expect(analysis.undisclosedDigests).toBe(vector.undisclosedDigests);
    });
  }

  it('marks the paths of disclosed claims, nested and recursive ones included', async () => {
    const { analysis } = await analyse(vectors.cases['full-sha256-kb'].sdJwt);
    expect(analysis.disclosedPaths).toEqual(
      expect.arrayContaining(['$.given_name', '$.address.locality', '$.nationalities[0]', '$.nationalities[1]', '$.place_of_birth', '$.place_of_birth.country']),
    );
    expect(analysis.disclosedPaths).toHaveLength(9);
  });

  it('verifies key binding JWTs and rejects the wrong key, typ and sd_hash', async () => {
    const check = async (sdJwt: string) => {
      const { layout, analysis } = await analyse(sdJwt);
      return verifyKeyBinding(layout, analysis.claims, analysis.sdAlg);
    };
    const good = await check(vectors.cases['full-sha256-kb'].sdJwt);
    expect(good.state).toBe('valid');
    expect(good.claims).toMatchObject({ aud: 'https://verifier.example.org', nonce: 'n-0S6_WzA2Mj', iat: 1767225900 });
    expect(good.expectedSdHash).toBe(vectors.cases['full-sha256-kb'].sdHash);
    expect((await check(vectors.cases['subset-sha512-kb'].sdJwt)).state).toBe('valid');

    const wrongKey = await check(vectors.cases['kb-wrong-key'].sdJwt);
    expect(wrongKey.state).toBe('invalid');
    expect(wrongKey.checks.find((c) => c.label.startsWith('signature'))?.ok).toBe(false);
    const wrongTyp = await check(vectors.cases['kb-wrong-typ'].sdJwt);
    expect(wrongTyp.state).toBe('invalid');
    expect(wrongTyp.message).toContain('typ is "JWT"');
    const wrongHash = await check(vectors.cases['kb-wrong-sd-hash'].sdJwt);
    expect(wrongHash.state).toBe('invalid');
    expect(wrongHash.message).toContain(vectors.cases['kb-wrong-sd-hash'].sdHash);

    const issuance = await check(vectors.cases['issuance-sha384-rsa'].sdJwt);
    expect(issuance.state).toBe('unverified');
  });

  it('a presentation with one disclosure dropped no longer matches the key binding JWT', async () => {
    const sdJwt = vectors.cases['subset-sha256-kb'].sdJwt;
    const parts = sdJwt.split('~');
    parts.splice(1, 1);
    const { layout, analysis } = await analyse(parts.join('~'));
    expect(analysis.problems).toEqual([]);
    const kb = await verifyKeyBinding(layout, analysis.claims, analysis.sdAlg);
    expect(kb.state).toBe('invalid');
    expect(kb.checks.find((c) => c.label.startsWith('sd_hash matches'))?.ok).toBe(false);
  });
});

describe('problems', () => {
  it('locates an unreferenced disclosure, a repeated digest, reserved names and malformed disclosures', async () => {
    const { analysis } = await analyse(vectors.problems.sdJwt);
    const messages = analysis.problems.map((p) => p.message);
    const states = analysis.disclosures.map((d) => d.state);
    expect(states).toEqual(['matched', 'unmatched', 'unmatched', 'unmatched', 'unmatched', 'unmatched']);
    expect(messages.some((m) => m.includes(vectors.problems.duplicateDigest) && m.includes('appears twice'))).toBe(true);
    expect(messages.filter((m) => m.includes('reserved name'))).toHaveLength(2);
    expect(messages.some((m) => m.startsWith('Disclosure 4 ("b")') && m.includes('appears nowhere'))).toBe(true);
    expect(messages.some((m) => m.startsWith('Disclosure 5 is malformed') && m.includes('4 elements'))).toBe(true);
    expect(messages.some((m) => m.startsWith('Disclosure 6 is malformed') && m.includes('not JSON'))).toBe(true);
    const unref = analysis.problems.find((p) => p.message.startsWith('Disclosure 4 ('))!;
    expect(vectors.problems.sdJwt.slice(unref.offset, unref.offset! + unref.length!)).toBe(vectors.problems.unreferencedDisclosure);
    expect(analysis.claims).toEqual({ iss: 'https://issuer.example.com', a: 1 });
  });

  it('reports an unsupported _sd_alg and matches nothing', async () => {
    const { analysis } = await analyse(vectors.unsupportedAlg.sdJwt);
    expect(analysis.algSupported).toBe(false);
    expect(analysis.problems[0]).toMatchObject({ severity: 'error', path: '$._sd_alg', message: expect.stringContaining('"md5" is not supported') });
    expect(analysis.disclosures[0]!.state).toBe('unmatched');
  });

  it('rejects a disclosed name the object already has, and an element digest in _sd', async () => {
    const disclosure = 'WyJzYWx0IiwiaXNzIiwieCJd'; // ["salt","iss","x"]
    const element = 'WyJzYWx0IiwieCJd'; // ["salt","x"]
    const payload = { iss: 'a', _sd: [await sdDigest('sha-256', disclosure), await sdDigest('sha-256', element)] };
    const layout = splitSdJwt(`h.p.s~${disclosure}~${element}~`)!;
    const analysis = await analyseSdJwt(layout, payload);
    expect(analysis.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('discloses "iss", which $ already has'),
      expect.stringContaining('is an array element but its digest is in $._sd'),
    ]);
    expect(analysis.claims).toEqual({ iss: 'a' });
  });

  it('keeps a disclosed "__proto__" as an ordinary claim', async () => {
    const disclosure = 'WyJzYWx0IiwiX19wcm90b19fIix7ImEiOjF9XQ'; // ["salt","__proto__",{"a":1}]
    expect(decodeDisclosure(disclosure)).toMatchObject({ ok: true, name: '__proto__' });
    const analysis = await analyseSdJwt(splitSdJwt(`h.p.s~${disclosure}~`)!, { _sd: [await sdDigest('sha-256', disclosure)] });
    expect(Object.hasOwn(analysis.claims!, '__proto__')).toBe(true);
    expect(JSON.stringify(analysis.claims)).toBe('{"__proto__":{"a":1}}');
  });
});

describe('the token decoder hands an SD-JWT over', () => {
  it('decodes the issuer JWT and adds disclosure and key binding segments', () => {
    const vector = vectors.cases['subset-sha256-kb'];
    const decoded = decodeToken(`  ${vector.sdJwt}\n`);
    expect(decoded.error).toBeNull();
    expect(decoded.kind).toBe('jws');
    expect(decoded.token).toBe(vector.issuerJwt);
    expect(decoded.sdJwt).toBe(vector.sdJwt);
    const roles = decoded.segments.map((s) => s.role);
    expect(roles).toEqual(['header', 'payload', 'signature', 'disclosure', 'disclosure', 'disclosure', 'disclosure', 'keyBinding']);
    const first = decoded.segments[3]!;
    expect(decoded.raw.slice(first.start, first.end)).toBe(vector.disclosures[0]!.text);
  });

  it('leaves an ordinary JWT alone', () => {
    const decoded = decodeToken(vectors.cases['full-sha256-kb'].issuerJwt);
    expect(decoded.sdJwt).toBeUndefined();
    expect(decoded.segments).toHaveLength(3);
  });
});
