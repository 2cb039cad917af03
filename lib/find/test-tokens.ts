// Test support: random valid tokens of every compact kind, and text around them that
// cannot glue onto them.

import fc from 'fast-check';
import { encodeBase64url, encodeBase64urlText } from '@/lib/token/base64url';

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map(encodeBase64url);
const fixedBytes = (length: number) => bytes(length, length);

const claims = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean()), { maxKeys: 4 });

const SIGNATURE_BYTES: Record<string, number> = { HS256: 32, ES256: 64, EdDSA: 64, RS256: 256, PS384: 384, none: 0 };

export const jwsArb: fc.Arbitrary<string> = fc
  .record({
    alg: fc.constantFrom(...Object.keys(SIGNATURE_BYTES)),
    extra: claims,
    payload: fc.oneof(claims.map((c) => encodeBase64urlText(JSON.stringify(c))), bytes(0, 40)),
  })
  .chain(({ alg, extra, payload }) =>
    fixedBytes(SIGNATURE_BYTES[alg]!).map((signature) => `${encodeBase64urlText(JSON.stringify({ ...extra, alg }))}.${payload}.${signature}`),
  );

export const jweArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('dir', 'RSA-OAEP-256', 'ECDH-ES'),
    fc.constantFrom('A256GCM', 'A128CBC-HS256'),
    claims,
    bytes(0, 64),
    fixedBytes(12),
    bytes(0, 80),
    bytes(16, 32),
  )
  .map(([alg, enc, extra, key, iv, ciphertext, tag]) => [encodeBase64urlText(JSON.stringify({ ...extra, alg, enc })), key, iv, ciphertext, tag].join('.'));

const disclosureArb = fc
  .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer()))
  .map((d) => encodeBase64urlText(JSON.stringify(d)));

export const sdJwtArb: fc.Arbitrary<string> = fc
  .tuple(jwsArb, fc.array(disclosureArb, { maxLength: 3 }), fc.option(jwsArb))
  .map(([jws, disclosures, kb]) => [jws, ...disclosures, kb ?? ''].join('~'));

export const tokenArb: fc.Arbitrary<string> = fc.oneof(jwsArb, jweArb, sdJwtArb);

/** Never part of a token: base64url, '.' and '~' are. */
export const SEPARATORS = [' ', '\n', '\t', '"', "'", '=', ',', ':', ';', '(', ')', '<', '>', '&', '?', '#', '/', '!', '*', '[', ']', '{', '}', '|', '@'];

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Text around the tokens: letters, punctuation, whitespace, quotes, '=', '.', '~', and base64url
 * noise, including the start of a real header (never a whole one: no strict prefix of a JSON
 * object's base64url is one). No '%' or '+': inside a URL those would be decoded into the
 * characters next to a token.
 */
export const noiseArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.string({ unit: fc.constantFrom(...SEPARATORS, '.', '~', '-', '_', 'a', 'Z', '0', '\\', '`', '$', '^') }),
      fc.string({ unit: fc.constantFrom(...B64URL.split('')), maxLength: 30 }),
      fc.tuple(jwsArb, fc.nat()).map(([token, n]) => token.slice(0, n % token.indexOf('.'))),
      fc.constantFrom('eyJ', 'eyJhbGciOiJIUzI1NiJ', '...', '~~', '==', 'Bearer ', 'a.b.c', '1.2.3', 'v1.0.0~beta'),
    ),
    { maxLength: 6 },
  )
  .map((pieces) => pieces.join(''));

/** Tokens with noise between them, each token bounded by a separator on both sides. */
export const pasteArb: fc.Arbitrary<{ text: string; tokens: string[] }> = fc
  .array(fc.tuple(noiseArb, fc.constantFrom(...SEPARATORS), tokenArb, fc.constantFrom(...SEPARATORS)), { maxLength: 5 })
  .chain((parts) =>
    noiseArb.map((tail) => ({
      text: parts.map(([noise, before, token, after]) => noise + before + token + after).join('') + tail,
      tokens: parts.map(([, , token]) => token),
    })),
  );
