import { describe, expect, it } from 'vitest';
import { encodeBase64url, encodeBase64urlText as b64 } from './base64url';
import { decodeToken } from './decode';
import type { SegmentRole } from './types';

// Every malformed input people actually paste, with what the error must say and where.
// The list is the inventory the decoder's closing note refers to: keep one case per row.

const H = b64('{"alg":"HS256","typ":"JWT"}');
const P = b64('{"sub":"1234567890","name":"John Doe","iat":1516239022}');
const S = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const GOOD = `${H}.${P}.${S}`;
const JWE_HEADER = b64('{"alg":"dir","enc":"A128GCM"}');
const IV = b64('twelve bytes');
const CT = b64('ciphertext bytes');
const TAG = b64('sixteen byte tag');

/** Replaces the character at `index` of `text`. */
function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

/** The n-th (0-based) index of `needle` in `text`. */
function nthIndex(text: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(needle, at + 1);
  return at;
}

interface Expectation {
  /** Substrings the error message must contain. */
  message: string[];
  segment?: SegmentRole;
  offset?: number;
  length?: number;
  /** Which parts still decoded despite the error. */
  headerDecoded?: boolean;
}

interface Case {
  name: string;
  input: string;
  expect: Expectation;
}

const payloadPlus = `${H}.${replaceAt(P, 10, '+')}.${S}`;
const signatureSlash = `${H}.${P}.${replaceAt(S, 5, '/')}`;
const bearerWithLineBreak = `Bearer ${H}.${P.slice(0, 20)}\n${P.slice(20)}.${S}`;

export const MALFORMED_CASES: Case[] = [
  { name: 'empty input', input: '', expect: { message: ['Nothing to decode'], offset: 0, length: 0 } },
  { name: 'only whitespace and newlines', input: ' \n\t \r\n', expect: { message: ['Nothing to decode'], offset: 6 } },
  { name: 'only a pair of quotes', input: '""', expect: { message: ['Nothing is left to decode', 'surrounding quotes'] } },
  { name: 'the word Bearer alone', input: 'Bearer', expect: { message: ['1 segment', 'not a compact token'], offset: 0, length: 6 } },
  { name: 'one segment, no dots', input: H, expect: { message: ["1 segment (no '.' at all)", 'a JWS has 3', 'a JWE has 5'], offset: 0, length: H.length } },
  {
    name: 'two segments: signature missing',
    input: `${H}.${P}`,
    expect: { message: ['2 segments', 'signature segment is missing', 'cut short'], offset: H.length + 1 + P.length, length: 0, headerDecoded: true },
  },
  {
    name: 'four segments',
    input: `${GOOD}.${S}`,
    expect: { message: ['4 segments: a JWS has 3, a JWE has 5'], offset: GOOD.length, length: 1, headerDecoded: true },
  },
  {
    name: 'trailing dot makes four segments',
    input: `${GOOD}.`,
    expect: { message: ['4 segments: a JWS has 3, a JWE has 5'], offset: GOOD.length, length: 1 },
  },
  {
    name: 'double dot between payload and signature',
    input: `${H}.${P}..${S}`,
    expect: { message: ['4 segments'], offset: H.length + 1 + P.length + 1, length: 1 },
  },
  {
    name: 'six segments',
    input: `${JWE_HEADER}..${IV}.${CT}.${TAG}.${S}`,
    expect: { message: ['6 segments: a JWS has 3, a JWE has 5'], offset: nthIndex(`${JWE_HEADER}..${IV}.${CT}.${TAG}.${S}`, '.', 4), length: 1 },
  },
  {
    name: 'four segments with a JWE header',
    input: `${JWE_HEADER}..${IV}.${CT}`,
    expect: { message: ['4 segments', 'One is missing', 'meant to be a JWE'], headerDecoded: true },
  },
  {
    name: "'+' in the payload (standard base64)",
    input: payloadPlus,
    expect: {
      message: ['Payload segment, character 11', `(character ${H.length + 1 + 11} of the input)`, "'+' is not base64url (use '-' instead"],
      segment: 'payload',
      offset: H.length + 1 + 10,
      length: 1,
      headerDecoded: true,
    },
  },
  {
    name: "'/' in the signature (standard base64)",
    input: signatureSlash,
    expect: { message: ['Signature segment, character 6', "'/' is not base64url (use '_' instead"], segment: 'signature', offset: signatureSlash.lastIndexOf('/'), length: 1 },
  },
  {
    name: "'+' in the header",
    input: `${replaceAt(H, 3, '+')}.${P}.${S}`,
    expect: { message: ['Header segment, character 4:', "'+' is not base64url"], segment: 'header', offset: 3, length: 1 },
  },
  {
    name: "padding '=' after the header",
    input: `eyJhbGciOiJub25lIn0=.${P}.`,
    expect: { message: ['Header segment, character 20', "padding '=' is not allowed in base64url (RFC 7515 §2)"], segment: 'header', offset: 19, length: 1 },
  },
  {
    name: "double padding '==' after the payload",
    input: `${H}.${b64('{"a":1}')}==.${S}`,
    expect: { message: ['Payload segment', "padding '='"], segment: 'payload', offset: H.length + 1 + b64('{"a":1}').length, length: 2 },
  },
  {
    name: "padding '=' after the signature",
    input: `${GOOD}=`,
    expect: { message: ['Signature segment, character 44', "padding '='"], segment: 'signature', offset: GOOD.length, length: 1 },
  },
  {
    name: 'a space inside the payload',
    input: `${H}.${P.slice(0, 8)} ${P.slice(8)}.${S}`,
    expect: { message: ['Payload segment, character 9', 'a space inside the token is not base64url'], segment: 'payload', offset: H.length + 1 + 8, length: 1 },
  },
  {
    name: 'a space right after a dot',
    input: `${H}. ${P}.${S}`,
    expect: { message: ['Payload segment, character 1', 'a space'], segment: 'payload', offset: H.length + 1 },
  },
  {
    name: 'a line break inside the signature (wrapped when copied)',
    input: `${H}.${P}.${S.slice(0, 30)}\n${S.slice(30)}`,
    expect: { message: ['Signature segment, character 31', 'a line break inside the token', 'wrapped'], segment: 'signature', offset: H.length + P.length + 2 + 30 },
  },
  {
    name: 'a CRLF line break inside the header',
    input: `${H.slice(0, 10)}\r\n${H.slice(10)}.${P}.${S}`,
    expect: { message: ['Header segment, character 11', 'a carriage return'], segment: 'header', offset: 10 },
  },
  {
    name: 'a tab inside the header',
    input: `${H.slice(0, 4)}\t${H.slice(4)}.${P}.${S}`,
    expect: { message: ['Header segment, character 5', 'a tab'], segment: 'header', offset: 4 },
  },
  {
    name: 'a line break inside a token that had a Bearer prefix',
    input: bearerWithLineBreak,
    expect: {
      message: ['Payload segment, character 21', `(character ${bearerWithLineBreak.indexOf('\n') + 1} of the input)`, 'a line break'],
      segment: 'payload',
      offset: bearerWithLineBreak.indexOf('\n'),
    },
  },
  {
    name: "a percent-encoded '=' (%3D) from a URL",
    input: `${GOOD}%3D`,
    expect: { message: ['Signature segment', "'%' is not base64url"], segment: 'signature', offset: GOOD.length },
  },
  {
    name: 'percent-encoded dots (%2E): the whole token is one segment',
    input: GOOD.replaceAll('.', '%2E'),
    expect: { message: ['1 segment'] },
  },
  {
    name: 'an accented letter in the payload',
    input: `${H}.${replaceAt(P, 2, 'é')}.${S}`,
    expect: { message: ['Payload segment, character 3', "'é' (U+00E9) is not base64url"], segment: 'payload', offset: H.length + 3, length: 1 },
  },
  {
    name: 'an emoji (two UTF-16 units) in the payload',
    input: `${H}.${P.slice(0, 4)}😀${P.slice(4)}.${S}`,
    expect: { message: ["'😀' (U+1F600) is not base64url"], segment: 'payload', offset: H.length + 5, length: 2 },
  },
  {
    name: 'a zero-width space inside the header',
    input: `${H.slice(0, 6)}\u200b${H.slice(6)}.${P}.${S}`,
    expect: { message: ['Header segment, character 7', 'a zero-width space (U+200B)'], segment: 'header', offset: 6 },
  },
  {
    name: "an ellipsis '…' from a shortened display",
    input: `${H}.${P.slice(0, 12)}…${P.slice(-6)}.${S}`,
    expect: { message: ["an ellipsis '…'"], segment: 'payload', offset: H.length + 13 },
  },
  {
    name: 'a NUL control character',
    input: `${H}.${P}.${S.slice(0, 3)}\u0000${S.slice(3)}`,
    expect: { message: ['the control character U+0000'], segment: 'signature' },
  },
  {
    name: 'a lone surrogate',
    input: `${H.slice(0, 2)}\ud800${H.slice(2)}.${P}.${S}`,
    expect: { message: ['a lone surrogate U+D800'], segment: 'header', offset: 2, length: 1 },
  },
  {
    name: 'quotes that do not match are not stripped',
    input: `"${GOOD}'`,
    expect: { message: ['Header segment, character 1', "'\"' is not base64url"], segment: 'header', offset: 0 },
  },
  {
    name: 'a trailing comma after a quoted token copied from JSON',
    input: `"${GOOD}",`,
    expect: { message: ['Header segment, character 1'], segment: 'header', offset: 0 },
  },
  {
    name: 'a payload of impossible length 4k+1 (truncated)',
    // 12 bytes encode to 16 characters; one more makes 17, which no byte count encodes to.
    input: `${H}.${b64('{"sub":"12"}')}x.${S}`,
    expect: { message: ['Payload segment, character 17', 'cannot be base64url (a length of 4k+1 is impossible)', 'cut short'], segment: 'payload', offset: H.length + 1 + 16 },
  },
  {
    name: 'a one-character signature',
    input: `${H}.${P}.A`,
    expect: { message: ['Signature segment', '1 character cannot be base64url'], segment: 'signature', offset: H.length + P.length + 2 },
  },
  {
    name: 'non-canonical trailing bits (3-character group)',
    input: `e31.${P}.${S}`,
    expect: { message: ['Header segment, character 3', "the canonical ending is '0'", 'RFC 4648 §3.5'], segment: 'header', offset: 2, length: 1 },
  },
  {
    name: 'non-canonical trailing bits (2-character group)',
    input: `${H}.${b64('{"a":"b"}')}.${S.slice(0, -2)}R`,
    expect: { message: ['Signature segment', "the canonical ending is 'Q'"], segment: 'signature' },
  },
  {
    name: 'empty header segment',
    input: `.${P}.${S}`,
    expect: { message: ['Header segment is empty'], segment: 'header', offset: 0, length: 1, headerDecoded: false },
  },
  {
    name: 'the header pasted as plain JSON',
    input: `{"alg":"HS256"}.${P}.${S}`,
    expect: { message: ["Header segment, character 1: '{' is not base64url", 'looks like plain JSON'], segment: 'header', offset: 0 },
  },
  {
    name: 'header bytes that are not UTF-8',
    input: `${encodeBase64url(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))}.${P}.${S}`,
    expect: { message: ['Header is valid base64url but not UTF-8', 'byte 2 (0xFF)'], segment: 'header', offset: 1, length: 2 },
  },
  {
    name: 'header with a truncated UTF-8 sequence',
    input: `${encodeBase64url(new Uint8Array([0x7b, 0x22, 0xe2, 0x82]))}.${P}.${S}`,
    expect: { message: ['not UTF-8', 'byte 3 (0xE2)'], segment: 'header' },
  },
  {
    name: 'header JSON missing a value',
    input: `${b64('{"alg":}')}.${P}.${S}`,
    // '}' is byte 7 of the header, which base64url encodes in characters 9 and 10.
    expect: { message: ["Header is valid base64url but not JSON: unexpected '}', expected a value (at character 8 of the decoded header)"], segment: 'header', offset: 9, length: 2 },
  },
  {
    name: 'header JSON with a trailing comma',
    input: `${b64('{"alg":"HS256",}')}.${P}.${S}`,
    expect: { message: ['not JSON', 'trailing comma', 'character 16'], segment: 'header' },
  },
  {
    name: 'header JSON with single quotes',
    input: `${b64("{'alg':'HS256'}")}.${P}.${S}`,
    expect: { message: ['not JSON', 'expected a member name in double quotes', 'character 2'], segment: 'header' },
  },
  {
    name: 'header JSON with an unterminated string',
    input: `${b64('{"alg":"HS256}')}.${P}.${S}`,
    expect: { message: ['not JSON', 'unterminated string', 'character 8'], segment: 'header' },
  },
  {
    name: 'header JSON cut off before the closing brace',
    input: `${b64('{"alg":"HS256"')}.${P}.${S}`,
    expect: { message: ['not JSON', 'unexpected end of input', "expected ',' or '}'"], segment: 'header' },
  },
  {
    name: 'header JSON followed by garbage',
    input: `${b64('{"alg":"HS256"}x')}.${P}.${S}`,
    expect: { message: ['not JSON', "unexpected 'x', expected the end of the JSON text", 'character 16'], segment: 'header' },
  },
  {
    name: 'header JSON with a raw line break inside a string',
    input: `${b64('{"alg":"HS\n256"}')}.${P}.${S}`,
    expect: { message: ['not JSON', 'a line break must be escaped inside a string'], segment: 'header' },
  },
  {
    name: 'header JSON with a bad escape',
    input: `${b64('{"kid":"a\\x"}')}.${P}.${S}`,
    expect: { message: ['not JSON', "bad escape '\\x'"], segment: 'header' },
  },
  {
    name: 'header JSON with a short \\u escape',
    input: `${b64('{"kid":"\\u12"}')}.${P}.${S}`,
    expect: { message: ['not JSON', 'bad \\u escape'], segment: 'header' },
  },
  {
    name: 'header JSON with a leading zero',
    input: `${b64('{"v":01}')}.${P}.${S}`,
    expect: { message: ['not JSON', 'leading zero', 'character 7'], segment: 'header' },
  },
  {
    name: 'header JSON with NaN',
    input: `${b64('{"v":NaN}')}.${P}.${S}`,
    expect: { message: ['not JSON', "unexpected 'N', expected a value"], segment: 'header' },
  },
  {
    name: 'header JSON on several lines, error on line 3',
    input: `${b64('{\n  "alg": "HS256",\n  "typ" "JWT"\n}')}.${P}.${S}`,
    expect: { message: ['not JSON', "expected ':' after a member name", 'line 3, column 9'], segment: 'header' },
  },
  { name: 'header is a JSON array', input: `${b64('["HS256"]')}.${P}.${S}`, expect: { message: ['Header is JSON but not an object: it is an array'], segment: 'header' } },
  { name: 'header is a JSON string', input: `${b64('"HS256"')}.${P}.${S}`, expect: { message: ['Header is JSON but not an object: it is a string'], segment: 'header' } },
  { name: 'header is a JSON number', input: `${b64('42')}.${P}.${S}`, expect: { message: ['Header is JSON but not an object: it is a number'], segment: 'header' } },
  { name: 'header is JSON null', input: `${b64('null')}.${P}.${S}`, expect: { message: ['Header is JSON but not an object: it is null'], segment: 'header' } },
  {
    name: 'JWE protected header that is not JSON',
    input: `${b64('{"alg":"dir",')}..${IV}.${CT}.${TAG}`,
    expect: { message: ['Protected header is valid base64url but not JSON'], segment: 'header' },
  },
  {
    name: 'JWE with an empty IV',
    input: `${JWE_HEADER}...${CT}.${TAG}`,
    expect: { message: ['IV segment is empty'], segment: 'iv', offset: JWE_HEADER.length + 2, length: 1, headerDecoded: true },
  },
  {
    name: 'JWE with an empty tag',
    input: `${JWE_HEADER}..${IV}.${CT}.`,
    expect: { message: ['Tag segment is empty', 'authentication tag'], segment: 'tag', headerDecoded: true },
  },
  {
    name: "JWE with '+' in the ciphertext",
    input: `${JWE_HEADER}..${IV}.${replaceAt(CT, 4, '+')}.${TAG}`,
    expect: { message: ['Ciphertext segment, character 5', "'+' is not base64url"], segment: 'ciphertext', headerDecoded: true },
  },
  {
    name: 'JWE with a bad character in the encrypted key',
    input: `${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.ab*d.${IV}.${CT}.${TAG}`,
    expect: { message: ['Encrypted key segment, character 3', "'*' is not base64url"], segment: 'encryptedKey' },
  },
];

describe('malformed tokens: each error says what and where', () => {
  it('covers at least 40 distinct inputs', () => {
    expect(MALFORMED_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(MALFORMED_CASES.map((c) => c.input)).size).toBe(MALFORMED_CASES.length);
    expect(new Set(MALFORMED_CASES.map((c) => c.name)).size).toBe(MALFORMED_CASES.length);
  });

  it.each(MALFORMED_CASES)('$name', ({ input, expect: want }) => {
    const decoded = decodeToken(input);
    const error = decoded.error;
    expect(error, 'an error is reported').not.toBeNull();
    if (!error) return;
    expect(error.severity).toBe('error');
    for (const part of want.message) expect(error.message).toContain(part);
    expect(error.segment !== undefined || error.offset !== undefined, 'the error has a location').toBe(true);
    if (want.segment !== undefined) expect(error.segment).toBe(want.segment);
    if (want.offset !== undefined) expect(error.offset).toBe(want.offset);
    if (want.length !== undefined) expect(error.length).toBe(want.length);
    if (want.headerDecoded !== undefined) expect(decoded.header !== null).toBe(want.headerDecoded);
    // The error is also among the issues, and it is the first error there.
    expect(decoded.issues.find((i) => i.severity === 'error')).toBe(error);
    // A located spot lies inside the input.
    if (error.offset !== undefined) {
      expect(error.offset).toBeGreaterThanOrEqual(0);
      expect(error.offset + (error.length ?? 0)).toBeLessThanOrEqual(input.length);
    }
  });

  it('the located character is the bad one, for every character-level error', () => {
    for (const { input } of MALFORMED_CASES) {
      const { error } = decodeToken(input);
      if (!error || error.segmentOffset === undefined || error.offset === undefined || !/is not base64url|padding/.test(error.message)) continue;
      const bad = input.slice(error.offset, error.offset + (error.length ?? 1));
      expect(bad.length).toBeGreaterThan(0);
      expect(/^[A-Za-z0-9_-]+$/.test(bad), `${JSON.stringify(bad)} from ${error.message}`).toBe(false);
    }
  });
});
