import { describe, expect, it } from 'vitest';
import { analyseSdJwt, makeSelectivelyDisclosable, presentSdJwt, splitSdJwt } from '.';

describe('issuing', () => {
  it('replaces chosen claims by digests that our verifier side matches back', async () => {
    const payload = { iss: 'https://issuer.example', given_name: 'Erika', address: { locality: 'Köln' }, age: 42 };
    const issued = await makeSelectivelyDisclosable(payload, ['given_name', 'address'], { decoys: 2 });
    if (!issued.ok) throw new Error(issued.error);
    expect(issued.payload).not.toHaveProperty('given_name');
    expect(issued.payload).toMatchObject({ iss: 'https://issuer.example', age: 42, _sd_alg: 'sha-256' });
    expect(issued.payload._sd).toHaveLength(4);
    expect([...(issued.payload._sd as string[])].sort()).toEqual(issued.payload._sd);

    const all = presentSdJwt('h.p.s', issued.disclosures.map((d) => d.text));
    const full = await analyseSdJwt(splitSdJwt(all)!, issued.payload);
    expect(full.problems).toEqual([]);
    expect(full.claims).toEqual(payload);
    expect(full.undisclosedDigests).toBe(2);

    const some = await analyseSdJwt(splitSdJwt(presentSdJwt('h.p.s', [issued.disclosures[1]!.text]))!, issued.payload);
    expect(some.claims).toEqual({ iss: 'https://issuer.example', address: { locality: 'Köln' }, age: 42 });
    expect(some.undisclosedDigests).toBe(3);
  });

  it('uses the chosen hash and refuses claims that must stay in the clear', async () => {
    const issued = await makeSelectivelyDisclosable({ a: 1 }, ['a'], { sdAlg: 'sha-512', salt: () => 'salt' });
    expect(issued).toMatchObject({ ok: true, payload: { _sd_alg: 'sha-512' }, disclosures: [{ name: 'a', text: 'WyJzYWx0IiwiYSIsMV0' }] });
    if (issued.ok) expect(issued.disclosures[0]!.digest).toHaveLength(86);
    expect(await makeSelectivelyDisclosable({ iss: 'x' }, ['iss'])).toMatchObject({ ok: false, error: expect.stringContaining('"iss"') });
    expect(await makeSelectivelyDisclosable({}, ['b'])).toMatchObject({ ok: false, error: expect.stringContaining('no "b"') });
  });
});

describe('key binding by the holder', () => {
  it('signs a KB-JWT that the verifier side accepts, and that breaks when a disclosure is dropped', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const holderJwk = JSON.stringify(holder.privateKey.export({ format: 'jwk' }));
    const { readHolderKey, addKeyBinding, verifyKeyBinding } = await import('.');
    const key = await readHolderKey(holderJwk);
    if (!key.ok) throw new Error(key.error);
    expect(key.alg).toBe('ES256');
    expect(key.publicJwk).not.toHaveProperty('d');

    const issued = await makeSelectivelyDisclosable({ a: 1, b: 2, cnf: { jwk: key.publicJwk } as never }, ['a', 'b']);
    if (!issued.ok) throw new Error(issued.error);
    const presentation = presentSdJwt('h.p.s', [issued.disclosures[0]!.text]);
    const bound = await addKeyBinding({ presentation, holderKeyText: holderJwk, aud: 'https://v.example', nonce: 'n1', iat: 1767225600, sdAlg: 'sha-256' });
    if (!bound.ok) throw new Error(bound.error);
    const layout = splitSdJwt(bound.sdJwt)!;
    const analysis = await analyseSdJwt(layout, issued.payload);
    const result = await verifyKeyBinding(layout, analysis.claims, analysis.sdAlg);
    expect(result.state).toBe('valid');
    expect(result.claims).toMatchObject({ aud: 'https://v.example', nonce: 'n1', iat: 1767225600 });

    const tampered = splitSdJwt(bound.sdJwt.replace(`${issued.disclosures[0]!.text}~`, `${issued.disclosures[1]!.text}~`))!;
    expect((await verifyKeyBinding(tampered, analysis.claims, 'sha-256')).state).toBe('invalid');
    expect(await readHolderKey(JSON.stringify(holder.publicKey.export({ format: 'jwk' })))).toMatchObject({ ok: false, error: expect.stringContaining('private key') });
  });
});
