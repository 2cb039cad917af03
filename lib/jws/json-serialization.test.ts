/**
 * JSON serializations: RFC 7515 A.6 (general) and A.7 (flattened), composed
 * from the RFC's A.2/A.3 values as the RFC does; RFC 7797 §4 (b64 false,
 * detached); and JWS/JWE made by jwcrypto (fixtures/json/make-json.py).
 */
import { describe, expect, it } from 'vitest';
import { compactToJson } from './json-form';
import { parseJsonSerialization } from './json-serialization';
import { verifyJsonWithKeyText } from './verify-json';
import vectors from './fixtures/json/json-vectors.json';

const A_PAYLOAD = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
const A2_SIGNATURE =
  'cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4' +
  'BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv' +
  'hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw';
const A3_SIGNATURE = 'DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q';
const RSA_JWK = {
  kty: 'RSA',
  kid: '2010-12-29',
  n:
    'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs' +
    'D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdV' +
    'MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
  e: 'AQAB',
};
const EC_JWK = { kty: 'EC', kid: 'e9bc097a-ce51-4036-9562-d2ade882db0d', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };

const A6 = JSON.stringify({
  payload: A_PAYLOAD,
  signatures: [
    { protected: 'eyJhbGciOiJSUzI1NiJ9', header: { kid: '2010-12-29' }, signature: A2_SIGNATURE },
    { protected: 'eyJhbGciOiJFUzI1NiJ9', header: { kid: 'e9bc097a-ce51-4036-9562-d2ade882db0d' }, signature: A3_SIGNATURE },
  ],
});
const A7 = JSON.stringify({ payload: A_PAYLOAD, protected: 'eyJhbGciOiJFUzI1NiJ9', header: { kid: 'e9bc097a-ce51-4036-9562-d2ade882db0d' }, signature: A3_SIGNATURE });

// RFC 7797 §4.2: HS256 over "$.02" with b64 false, key of RFC 7515 A.1.
const HS_KEY = JSON.stringify({ kty: 'oct', k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' });
const RFC7797_FLATTENED_DETACHED = JSON.stringify({ protected: 'eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19', signature: 'A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY' });
// RFC 7797 §4.1: the same payload with b64 true, detached.
const RFC7797_B64_DETACHED = JSON.stringify({ protected: 'eyJhbGciOiJIUzI1NiJ9', signature: '5mvfOroL-g7HyqJoozehmsaqmvTYGEq5jTI1gVvoEoQ' });

const states = (result: Awaited<ReturnType<typeof verifyJsonWithKeyText>>) => (result.ok && result.kind === 'jws' ? result.signatures.map((s) => s.outcome.state) : result);

describe('RFC 7515 A.6 / A.7', () => {
  it('verifies both signatures of the general form with a JWKS holding both keys, each by its kid', async () => {
    const result = await verifyJsonWithKeyText(A6, JSON.stringify({ keys: [RSA_JWK, EC_JWK] }));
    expect(states(result)).toEqual(['valid', 'valid']);
    expect(result.ok && result.kind === 'jws' && result.signatures.map((s) => [s.alg, s.kid])).toEqual([['RS256', '2010-12-29'], ['ES256', 'e9bc097a-ce51-4036-9562-d2ade882db0d']]);
  });

  it('with only the EC key, the RSA signature cannot be checked and the EC one verifies', async () => {
    const result = await verifyJsonWithKeyText(A6, JSON.stringify(EC_JWK));
    expect(states(result)).toEqual(['error', 'valid']);
  });

  it('verifies the flattened form, and not once the payload changes', async () => {
    expect(states(await verifyJsonWithKeyText(A7, JSON.stringify(EC_JWK)))).toEqual(['valid']);
    const tampered = A7.replace(A_PAYLOAD, A_PAYLOAD.replace('eyJpc3MiOiJqb2Ui', 'eyJpc3MiOiJqb2Uh'));
    expect(states(await verifyJsonWithKeyText(tampered, JSON.stringify(EC_JWK)))).toEqual(['invalid']);
  });
});

describe('RFC 7797 and detached payloads', () => {
  it('verifies b64 false over the detached content, and asks for it while it is missing', async () => {
    expect(states(await verifyJsonWithKeyText(RFC7797_FLATTENED_DETACHED, HS_KEY))).toEqual(['unverified']);
    expect(states(await verifyJsonWithKeyText(RFC7797_FLATTENED_DETACHED, HS_KEY, { detachedPayload: '$.02' }))).toEqual(['valid']);
    expect(states(await verifyJsonWithKeyText(RFC7797_FLATTENED_DETACHED, HS_KEY, { detachedPayload: '$.03' }))).toEqual(['invalid']);
  });

  it('encodes detached content when b64 is true', async () => {
    expect(states(await verifyJsonWithKeyText(RFC7797_B64_DETACHED, HS_KEY, { detachedPayload: '$.02' }))).toEqual(['valid']);
  });
});

describe('jwcrypto vectors', () => {
  const jwks = JSON.stringify(vectors.jwks);

  it('general JWS with an RSA and an EC signature: both verify with the JWKS; a foreign key verifies neither', async () => {
    expect(states(await verifyJsonWithKeyText(JSON.stringify(vectors.general), jwks))).toEqual(['valid', 'valid']);
    const other = await verifyJsonWithKeyText(JSON.stringify(vectors.general), JSON.stringify(vectors.otherJwk));
    expect(states(other)).toEqual(['error', 'invalid']);
  });

  it('flattened, unencoded (b64 false) and detached forms', async () => {
    expect(states(await verifyJsonWithKeyText(JSON.stringify(vectors.flattened), jwks))).toEqual(['valid']);
    expect(states(await verifyJsonWithKeyText(JSON.stringify(vectors.unencoded), jwks))).toEqual(['valid']);
    expect(states(await verifyJsonWithKeyText(JSON.stringify(vectors.detachedUnencoded), jwks, { detachedPayload: vectors.unencodedPayload }))).toEqual(['valid']);
    expect(states(await verifyJsonWithKeyText(JSON.stringify(vectors.detached), jwks, { detachedPayload: vectors.detachedPayload }))).toEqual(['valid', 'valid']);
  });

  it('decodes each recipient of a general JWE', () => {
    const parsed = parseJsonSerialization(JSON.stringify(vectors.jweGeneral));
    expect(parsed.ok && parsed.value.kind === 'jwe' && parsed.value.recipients.map((r) => [r.joseHeader.alg, r.joseHeader.enc, r.joseHeader.kid])).toEqual([
      ['RSA-OAEP-256', 'A256GCM', 'rsa-1'],
      ['A256KW', 'A256GCM', 'kek-1'],
    ]);
  });
});

describe('located errors', () => {
  const error = (text: string) => {
    const parsed = parseJsonSerialization(text);
    return parsed.ok ? 'parsed' : parsed.error;
  };

  it('names the member that is wrong', () => {
    expect(error(JSON.stringify({ payload: 'e30', signatures: [{ protected: 'eyJhbGciOiJIUzI1NiJ9', signature: 'AA' }, { protected: 'e30*', signature: 'AA' }] }))).toMatchObject({
      path: 'signatures[1].protected',
      message: expect.stringMatching(/^signatures\[1\]\.protected: is not valid base64url/) as unknown,
    });
    expect(error(JSON.stringify({ payload: 'e30', signatures: [{ protected: 'eyJhbGciOiJIUzI1NiJ9' }] }))).toMatchObject({ path: 'signatures[0].signature' });
    expect(error(JSON.stringify({ payload: 'e30', protected: 'eyJhbGciOiJIUzI1NiJ9', header: { alg: 'HS256' }, signature: 'AA' }))).toMatchObject({
      message: expect.stringMatching(/"alg" is also in protected/) as unknown,
    });
    expect(error(JSON.stringify({ payload: 'e30', protected: 'eyJhbGciOiJIUzI1NiJ9', header: { b64: false }, signature: 'AA' }))).toMatchObject({ path: 'header' });
    expect(error(JSON.stringify({ signatures: [], signature: 'AA' }))).toMatchObject({ message: expect.stringMatching(/mixes the general form/) as unknown });
  });

  it('locates a JSON syntax error by line and column', () => {
    expect(error('{\n  "payload": "e30",\n  "signature" "AA"\n}')).toMatchObject({ message: expect.stringMatching(/not valid at line 3, column 15/) as unknown });
  });

  it('says when the JSON is neither a JWS nor a JWE', () => {
    expect(error('{"kty":"EC"}')).toMatchObject({ message: expect.stringMatching(/neither "signatures"/) as unknown });
  });
});

describe('compactToJson', () => {
  it('rewrites a compact token as flattened and general JSON that verify like it', async () => {
    const compact = `eyJhbGciOiJFUzI1NiJ9.${A_PAYLOAD}.${A3_SIGNATURE}`;
    for (const form of ['flattened', 'general'] as const) {
      const json = compactToJson(compact, form)!;
      expect(states(await verifyJsonWithKeyText(json, JSON.stringify(EC_JWK)))).toEqual(['valid']);
    }
    expect(JSON.parse(compactToJson(compact, 'general')!)).toHaveProperty('signatures.0.protected', 'eyJhbGciOiJFUzI1NiJ9');
  });
});
