import { describe, expect, it } from 'vitest';
import { decodeBase64url } from './base64url';
import { decodeToken } from './decode';

// Tokens copied from RFC 7519 §3.1 and RFC 7515 Appendix A. Each signature is also verified
// with the RFC's own key, which proves the strings were copied exactly.

const CLAIMS = { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true };
const CLAIMS_SEGMENT = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';

const RFC7519_3_1 = `eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.${CLAIMS_SEGMENT}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`;
const A1_HS256 = RFC7519_3_1;
const A2_RS256 =
  `eyJhbGciOiJSUzI1NiJ9.${CLAIMS_SEGMENT}.` +
  'cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw';
const A3_ES256 = `eyJhbGciOiJFUzI1NiJ9.${CLAIMS_SEGMENT}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`;
const A4_ES512 =
  'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.' +
  'AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn';
const A5_NONE = `eyJhbGciOiJub25lIn0.${CLAIMS_SEGMENT}.`;

const A1_KEY = { kty: 'oct', k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' };
const A2_KEY = {
  kty: 'RSA',
  n: 'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
  e: 'AQAB',
};
const A3_KEY = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };
const A4_KEY = {
  kty: 'EC',
  crv: 'P-521',
  x: 'AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk',
  y: 'ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2',
};

type Algorithm = Parameters<SubtleCrypto['importKey']>[2];

async function verifies(token: string, jwk: JsonWebKey, importAlg: Algorithm, verifyAlg: Algorithm | string): Promise<boolean> {
  const [h, p, s] = token.split('.') as [string, string, string];
  const signature = decodeBase64url(s);
  if (!signature.ok) return false;
  const key = await crypto.subtle.importKey('jwk', jwk, importAlg, false, ['verify']);
  return crypto.subtle.verify(verifyAlg, key, signature.bytes as Uint8Array<ArrayBuffer>, new TextEncoder().encode(`${h}.${p}`));
}

describe('RFC example tokens', () => {
  it('RFC 7519 §3.1: the example JWT decodes to its header and claims, CRLFs included', () => {
    const decoded = decodeToken(RFC7519_3_1);
    expect(decoded.error).toBeNull();
    expect(decoded.issues).toEqual([]);
    expect(decoded.kind).toBe('jws');
    expect(decoded.header?.value).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(decoded.payload).toMatchObject({ kind: 'json', value: CLAIMS });
    expect(decoded.segments.map((s) => [s.role, s.byteLength])).toEqual([
      ['header', 30], // {"typ":"JWT",\r\n "alg":"HS256"}
      ['payload', 70],
      ['signature', 32], // HMAC-SHA-256
    ]);
  });

  it('A.1 HS256 verifies with the RFC key', async () => {
    const decoded = decodeToken(A1_HS256);
    expect(decoded.header?.value).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(await verifies(A1_HS256, A1_KEY, { name: 'HMAC', hash: 'SHA-256' }, 'HMAC')).toBe(true);
  });

  it('A.2 RS256 decodes and verifies with the RFC key', async () => {
    const decoded = decodeToken(A2_RS256);
    expect(decoded.error).toBeNull();
    expect(decoded.header?.value).toEqual({ alg: 'RS256' });
    expect(decoded.payload).toMatchObject({ kind: 'json', value: CLAIMS });
    expect(decoded.segments[2]?.byteLength).toBe(256);
    expect(await verifies(A2_RS256, A2_KEY, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, 'RSASSA-PKCS1-v1_5')).toBe(true);
  });

  it('A.3 ES256 decodes and verifies with the RFC key', async () => {
    const decoded = decodeToken(A3_ES256);
    expect(decoded.error).toBeNull();
    expect(decoded.header?.value).toEqual({ alg: 'ES256' });
    expect(decoded.payload).toMatchObject({ kind: 'json', value: CLAIMS });
    expect(decoded.segments[2]?.byteLength).toBe(64);
    expect(await verifies(A3_ES256, A3_KEY, { name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' })).toBe(true);
  });

  it('A.4 ES512: the payload "Payload" is text, not a claims set, and the signature verifies', async () => {
    const decoded = decodeToken(A4_ES512);
    expect(decoded.error).toBeNull();
    expect(decoded.header?.value).toEqual({ alg: 'ES512' });
    expect(decoded.payload).toEqual({ kind: 'text', text: 'Payload', note: expect.stringContaining('Not a JWT claims set') });
    expect(decoded.issues).toEqual([expect.objectContaining({ severity: 'info', segment: 'payload' })]);
    expect(decoded.segments[2]?.byteLength).toBe(132);
    expect(await verifies(A4_ES512, A4_KEY, { name: 'ECDSA', namedCurve: 'P-521' }, { name: 'ECDSA', hash: 'SHA-512' })).toBe(true);
  });

  it('A.5 unsecured JWS: empty signature is legal with alg none', () => {
    const decoded = decodeToken(A5_NONE);
    expect(decoded.error).toBeNull();
    expect(decoded.issues).toEqual([]);
    expect(decoded.header?.value).toEqual({ alg: 'none' });
    expect(decoded.payload).toMatchObject({ kind: 'json', value: CLAIMS });
    expect(decoded.segments[2]).toMatchObject({ role: 'signature', byteLength: 0, start: A5_NONE.length, end: A5_NONE.length });
  });

  it('a tampered RFC signature no longer verifies (the check above can fail)', async () => {
    const tampered = A3_ES256.slice(0, -2) + (A3_ES256.endsWith('1Q') ? '2Q' : '1Q');
    expect(decodeToken(tampered).error).toBeNull();
    expect(await verifies(tampered, A3_KEY, { name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' })).toBe(false);
  });
});
