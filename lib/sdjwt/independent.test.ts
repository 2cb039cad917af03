// The encoder's SD-JWT issuance and key binding, checked by Node's own crypto and not by
// lib/sdjwt: digests with createHash, signatures with verify, sd_hash recomputed.
import { createHash, createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signFromText } from '@/lib/encoder/sign-text';
import { addKeyBinding, makeSelectivelyDisclosable, presentSdJwt, readHolderKey, type JsonValue, type SdAlg } from '.';

const NODE_HASH: Record<SdAlg, string> = { 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };
const jsonOf = (segment: string): Record<string, unknown> => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;

/** Verifies a compact JWS with Node's crypto (ES256 raw r||s, or RS256). */
function nodeVerifies(jws: string, key: KeyObject): boolean {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const alg = jsonOf(header).alg;
  const data = Buffer.from(`${header}.${payload}`, 'ascii');
  const sig = Buffer.from(signature, 'base64url');
  if (alg === 'ES256') return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
  if (alg === 'RS256') return verify('sha256', data, key, sig);
  throw new Error(`unexpected alg ${String(alg)}`);
}

const cases = [
  { sdAlg: 'sha-256', issuer: generateKeyPairSync('ec', { namedCurve: 'P-256' }), alg: 'ES256' },
  { sdAlg: 'sha-384', issuer: generateKeyPairSync('rsa', { modulusLength: 2048 }), alg: 'RS256' },
  { sdAlg: 'sha-512', issuer: generateKeyPairSync('ec', { namedCurve: 'P-256' }), alg: 'ES256' },
] as const;

describe('an SD-JWT issued and bound by the encoder code, checked independently with Node crypto', () => {
  for (const { sdAlg, issuer, alg } of cases) {
    it(`${sdAlg}, issuer ${alg}: digests, issuer signature and the key binding's sd_hash all hold`, async () => {
      const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const holderJwkText = JSON.stringify(holder.privateKey.export({ format: 'jwk' }));
      const holderKey = await readHolderKey(holderJwkText);
      if (!holderKey.ok) throw new Error(holderKey.error);
      const claims: Record<string, JsonValue> = { iss: 'https://issuer.example', given_name: 'Erika', address: { locality: 'Köln' }, age: 42, cnf: { jwk: holderKey.publicJwk as Record<string, JsonValue> } };

      // As SdJwtIssuer does it: digests in, then the payload signed by the encoder's signer.
      const made = await makeSelectivelyDisclosable(claims, ['given_name', 'address', 'age'], { sdAlg, decoys: 2 });
      if (!made.ok) throw new Error(made.error);
      const issuerPem = issuer.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      const signed = await signFromText({ header: JSON.stringify({ alg, typ: 'dc+sd-jwt' }), payload: JSON.stringify(made.payload), alg, key: issuerPem, secretEncoding: 'utf8' });
      if (!signed.ok) throw new Error(signed.error);
      const presented = made.disclosures.filter((d) => d.name !== 'age').map((d) => d.text);
      const presentation = presentSdJwt(signed.token, presented);
      const bound = await addKeyBinding({ presentation, holderKeyText: holderJwkText, aud: 'https://verifier.example', nonce: 'n-42', iat: 1767225600, sdAlg });
      if (!bound.ok) throw new Error(bound.error);

      const parts = bound.sdJwt.split('~');
      const issuerJwt = parts[0]!;
      const kbJwt = parts.at(-1)!;
      const disclosures = parts.slice(1, -1);
      expect(disclosures).toEqual(presented);

      // The issuer signature, with the issuer's public key.
      expect(nodeVerifies(issuerJwt, issuer.publicKey)).toBe(true);
      const payload = jsonOf(issuerJwt.split('.')[1]!);
      expect(payload._sd_alg).toBe(sdAlg);
      expect(payload).not.toHaveProperty('given_name');
      const sd = payload._sd as string[];
      expect(sd).toHaveLength(3 + 2);
      expect([...sd].sort()).toEqual(sd);

      // Each disclosure: its digest (hash of its ASCII text) is in _sd, and it holds the original claim.
      for (const text of made.disclosures.map((d) => d.text)) {
        expect(sd).toContain(createHash(NODE_HASH[sdAlg]).update(text, 'ascii').digest('base64url'));
        const [salt, name, value] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [string, string, unknown];
        expect(Buffer.from(salt, 'base64url').length).toBeGreaterThanOrEqual(16);
        expect(value).toEqual(claims[name]);
      }

      // The key binding JWT: typ, the holder's signature (key from cnf.jwk), and sd_hash over the presentation.
      const kbHeader = jsonOf(kbJwt.split('.')[0]!);
      const kbClaims = jsonOf(kbJwt.split('.')[1]!);
      expect(kbHeader).toMatchObject({ typ: 'kb+jwt', alg: 'ES256' });
      const cnfKey = createPublicKey({ key: (payload.cnf as { jwk: Record<string, string> }).jwk, format: 'jwk' });
      expect(nodeVerifies(kbJwt, cnfKey)).toBe(true);
      expect(nodeVerifies(kbJwt, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)).toBe(false);
      expect(kbClaims).toEqual({
        iat: 1767225600,
        aud: 'https://verifier.example',
        nonce: 'n-42',
        sd_hash: createHash(NODE_HASH[sdAlg]).update(`${issuerJwt}~${disclosures.map((d) => `${d}~`).join('')}`, 'ascii').digest('base64url'),
      });
    });
  }
});
