import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { jwkThumbprint } from './thumbprint';
import { fixtures } from './test-keys';

describe('jwkThumbprint', () => {
  it('matches the RFC 7638 §3.1 example', async () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await jwkThumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('agrees with jose for every key type, and ignores private members', async () => {
    for (const f of fixtures()) {
      const expected = await calculateJwkThumbprint(f.publicJwk as Parameters<typeof calculateJwkThumbprint>[0]);
      expect(await jwkThumbprint(f.publicJwk)).toBe(expected);
      expect(await jwkThumbprint(f.privateJwk)).toBe(expected);
    }
    const secret = { kty: 'oct', k: 'c2VjcmV0' };
    expect(await jwkThumbprint(secret)).toBe(await calculateJwkThumbprint(secret));
  });
});
