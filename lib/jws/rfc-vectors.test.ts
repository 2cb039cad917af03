/**
 * Published examples: the tokens and keys of RFC 7515 Appendix A, the JOSE
 * cookbook (RFC 7520 §4) and RFC 8037 A.4, composed from the RFCs' values
 * with their display line breaks removed. Each one is also checked with
 * Node's crypto, so a transcription slip cannot hide behind our own code.
 */
import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Jwk } from '@/lib/keys/types';
import { getAlgorithm } from './algorithms';
import { decodeBase64Url, utf8 } from './base64url';
import { verifyBytes } from './primitives';
import { signJws } from './sign';
import { nodeVerify, parsedKey, splitToken } from './test-keys';
import { verifyJws } from './verify';

/** Checks the token with Node's crypto and the key as Node reads it. */
function nodeAccepts(token: string, jwk: Jwk): boolean {
  const [header, payload, signature] = splitToken(token);
  const alg = String(JSON.parse(Buffer.from(header, 'base64url').toString()).alg);
  const key = jwk.kty === 'oct' ? Buffer.from(String(jwk.k), 'base64url') : createPublicKey({ key: jwk as never, format: 'jwk' });
  const nodeAlg = alg === 'EdDSA' ? 'Ed25519' : alg;
  return nodeVerify(nodeAlg, `${header}.${payload}`, Buffer.from(signature, 'base64url'), key);
}

// RFC 7515 Appendix A.1–A.3 share this payload: {"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}
const A_PAYLOAD = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';

const RFC7515: { name: string; token: string; jwk: Jwk }[] = [
  {
    name: 'A.1 HS256',
    token: `eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.${A_PAYLOAD}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`,
    jwk: { kty: 'oct', k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' },
  },
  {
    name: 'A.2 RS256',
    token:
      `eyJhbGciOiJSUzI1NiJ9.${A_PAYLOAD}.` +
      'cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4' +
      'BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv' +
      'hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw',
    jwk: {
      kty: 'RSA',
      n:
        'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs' +
        'D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdV' +
        'MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
      e: 'AQAB',
    },
  },
  {
    name: 'A.3 ES256',
    token: `eyJhbGciOiJFUzI1NiJ9.${A_PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`,
    jwk: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' },
  },
  {
    name: 'A.4 ES512',
    token:
      'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.' +
      'AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8Kp' +
      'EHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn',
    jwk: {
      kty: 'EC',
      crv: 'P-521',
      x: 'AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk',
      y: 'ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2',
    },
  },
];

// RFC 7520 §4: one payload (figure 8, a quote from The Fellowship of the Ring) and three keys.
const COOKBOOK_TEXT =
  'It\u2019s a dangerous business, Frodo, going out your door. You step onto the road, and if you don\'t keep your feet, there\u2019s no knowing where you might be swept off to.';
const COOKBOOK_PAYLOAD =
  'SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBk' +
  'b24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4';
const BILBO = 'bilbo.baggins@hobbiton.example';
const HMAC_KID = '018c0ae5-4d9b-471b-bfd6-eef314bc7037';

/** Figure 1 (public part): the P-521 key. */
const COOKBOOK_EC: Jwk = {
  kty: 'EC',
  kid: BILBO,
  use: 'sig',
  crv: 'P-521',
  x: 'AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt',
  y: 'AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1',
};
/** Figure 3: the RSA public key. */
const COOKBOOK_RSA: Jwk = {
  kty: 'RSA',
  kid: BILBO,
  use: 'sig',
  n:
    'n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrH' +
    'qkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw',
  e: 'AQAB',
};
/** Figure 5: the HMAC key. */
const COOKBOOK_OCT: Jwk = { kty: 'oct', kid: HMAC_KID, use: 'sig', alg: 'HS256', k: 'hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg' };

const COOKBOOK: { name: string; token: string; jwk: Jwk }[] = [
  {
    name: '§4.1 RSA v1.5 (RS256)',
    token:
      `eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${COOKBOOK_PAYLOAD}.` +
      'MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4J' +
      'IwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluP' +
      'xUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg',
    jwk: COOKBOOK_RSA,
  },
  {
    name: '§4.2 RSA-PSS (PS384)',
    token:
      `eyJhbGciOiJQUzM4NCIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${COOKBOOK_PAYLOAD}.` +
      'cu22eBqkYDKgIlTpzDXGvaFfz6WGoz7fUDcfT0kkOy42miAh2qyBzk1xEsnk2IpN6-tPid6VrklHkqsGqDqHCdP6O8TTB5dDDItllVo6_1OLPpcbUrhiUSMxbbXU' +
      'vdvWXzg-UD8biiReQFlfz28zGWVsdiNAUf8ZnyPEgVFn442ZdNqiVJRmBqrYRXe8P_ijQ7p8Vdz0TTrxUeT3lm8d9shnr2lfJT8ImUjvAA2Xez2Mlp8cBE5awDzT' +
      '0qI0n6uiP1aCN_2_jLAeQTlqRHtfa64QQSUmFAAjVKPbByi7xho0uTOcbH510a6GYmJUAfmWjwZ6oD4ifKo8DYM-X72Eaw',
    jwk: COOKBOOK_RSA,
  },
  {
    name: '§4.3 ECDSA (ES512)',
    token:
      `eyJhbGciOiJFUzUxMiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${COOKBOOK_PAYLOAD}.` +
      'AE_R_YZCChjn4791jSQCrdPZCNYqHXCTZH0-JZGYNlaAjP2kqaluUIIUnC9qvbu9Plon7KRTzoNEuT4Va2cmL1eJAQy3mtPBu_u_sDDyYjnAMDxXPn7XrT0lw-kv' +
      'AD890jl8e2puQens_IEKBpHABlsbEPX6sFY8OcGDqoRuBomu9xQ2',
    jwk: COOKBOOK_EC,
  },
  {
    name: '§4.4 HMAC-SHA2 (HS256)',
    token: `eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9.${COOKBOOK_PAYLOAD}.s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0`,
    jwk: COOKBOOK_OCT,
  },
  {
    // §4.6 protects only {"alg":"HS256"}; its kid sits in an unprotected header, which the compact form cannot carry.
    name: '§4.6 protecting specific header fields, compact form without the unprotected kid',
    token: `eyJhbGciOiJIUzI1NiJ9.${COOKBOOK_PAYLOAD}.bWUSVaxorn7bEF1djytBd0kHv70Ly5pvbomzMWSOr20`,
    jwk: COOKBOOK_OCT,
  },
];

/** RFC 8037 A.1 (the Ed25519 key) and A.4 (the signed example). */
const RFC8037_KEY: Jwk = { kty: 'OKP', crv: 'Ed25519', d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
const RFC8037_TOKEN = 'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg';

describe.each([...RFC7515.map((v) => ({ ...v, name: `RFC 7515 ${v.name}` })), ...COOKBOOK.map((v) => ({ ...v, name: `RFC 7520 ${v.name}` }))])('$name', ({ token, jwk }) => {
  it('is accepted by Node\'s crypto (the transcription is right)', () => {
    expect(nodeAccepts(token, jwk)).toBe(true);
  });

  it('verifies with its key', async () => {
    const result = await verifyJws(token, [parsedKey(jwk)]);
    expect(result.state).toBe('valid');
  });

  it('does not verify once its payload is changed', async () => {
    const [header, , signature] = splitToken(token);
    const result = await verifyJws(`${header}.${Buffer.from('tampered').toString('base64url')}.${signature}`, [parsedKey(jwk)]);
    expect(result.state).toBe('invalid');
  });
});

describe('the RFC 7520 keys as one JWKS', () => {
  const jwks = [parsedKey(COOKBOOK_EC), parsedKey(COOKBOOK_RSA), parsedKey(COOKBOOK_OCT)];

  it.each(COOKBOOK)('$name picks its key by kid and type', async ({ token, jwk }) => {
    const result = await verifyJws(token, jwks);
    expect(result.state).toBe('valid');
    expect(result.usedKey?.index).toBe(jwks.findIndex((key) => key.jwk === jwk));
  });

  it('§4.7 (no protected header at all) verifies through the signature primitive, since a compact form needs "alg" in a protected header', async () => {
    const signature = decodeBase64Url('xuLifqLGiblpv9zBpuZczWhNj1gARaLV3UxvxhJxZuk');
    if (!signature.ok) throw new Error(signature.error);
    const hs256 = getAlgorithm('HS256')!;
    // Signing input: the empty protected header, ".", the payload.
    expect(await verifyBytes(hs256, COOKBOOK_OCT, utf8(`.${COOKBOOK_PAYLOAD}`), signature.bytes)).toBe(true);
    expect(await verifyBytes(hs256, COOKBOOK_OCT, utf8(`.${COOKBOOK_PAYLOAD}x`), signature.bytes)).toBe(false);
    const compact = await verifyJws(`.${COOKBOOK_PAYLOAD}.xuLifqLGiblpv9zBpuZczWhNj1gARaLV3UxvxhJxZuk`, jwks);
    expect(compact.state).toBe('error');
  });

  it('§4.4 is reproduced byte for byte by signJws from its header, payload text and key', async () => {
    const signed = await signJws({ header: { alg: 'HS256', kid: HMAC_KID }, payload: COOKBOOK_TEXT, alg: 'HS256', key: parsedKey(COOKBOOK_OCT) });
    expect(signed).toEqual({ ok: true, token: COOKBOOK[3]!.token, warnings: [] });
  });
});

describe('RFC 8037 A.4 Ed25519', () => {
  it('is accepted by Node\'s crypto', () => {
    expect(nodeAccepts(RFC8037_TOKEN, { kty: 'OKP', crv: 'Ed25519', x: RFC8037_KEY.x })).toBe(true);
  });

  it('verifies with the public key and with the private key', async () => {
    const publicJwk: Jwk = { kty: 'OKP', crv: 'Ed25519', x: RFC8037_KEY.x };
    expect((await verifyJws(RFC8037_TOKEN, [parsedKey(publicJwk)])).state).toBe('valid');
    expect((await verifyJws(RFC8037_TOKEN, [parsedKey(RFC8037_KEY)])).state).toBe('valid');
  });

  it('is reproduced byte for byte by signJws (Ed25519 is deterministic)', async () => {
    const signed = await signJws({ header: {}, payload: 'Example of Ed25519 signing', alg: 'EdDSA', key: parsedKey(RFC8037_KEY) });
    expect(signed).toEqual({ ok: true, token: RFC8037_TOKEN, warnings: [] });
  });
});

describe('RFC 7515 A.5 unsecured JWS', () => {
  it('is invalid: there is no signature to verify', async () => {
    const result = await verifyJws(`eyJhbGciOiJub25lIn0.${A_PAYLOAD}.`, [parsedKey(RFC7515[0]!.jwk)]);
    expect(result.state).toBe('invalid');
    expect(result.message).toContain('unsecured');
  });
});
