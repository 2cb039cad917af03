import { describe, expect, it } from 'vitest';
import { growth } from './linear-time';
import { trimEndChar } from './trim';
import { jsonLines } from './json-lines';
import { findings } from '../findings';
import { looksLikeEmail } from '../findings/rules/privacy';
import { findPemBlocks } from '../keys/pem';
import { parseKeyText } from '../keys/parse';
import { checkClaims } from '../claims';
import { discoveryUrls } from '../jwks/urls';
import { withHeaderAlg } from '../encoder/header-alg';
import { decodeToken, stripPastedInput } from '../token';
import { classify } from '../keys/detect';
import { keyTextVisibility } from '../keys/visibility';
import { readLink } from '../links/read-link';
import { parseSpan } from '../encoder/time-span';
import { parseJsonText } from '../encoder/json-text';
import { checkSignedJson } from '../encoder/signed-json';
import { isLikelyTimeClaim, lookupClaim } from '../claims';

const fill = (prefix: string, unit: string, suffix = '') => (size: number) => prefix + unit.repeat(Math.ceil(size / unit.length)) + suffix;

// Each case: an input shape that makes a backtracking pattern or a naive scan quadratic, and the function that reads it.
const CASES: [name: string, make: (size: number) => string, run: (input: string) => unknown][] = [
  ['email check on "a@" + dots + space', fill('a@', '.', ' '), (s) => findings({ header: { alg: 'HS256' }, payload: { e: s }, kind: 'jws' })],
  ['email check on "a@" + dots', fill('a@', '.'), looksLikeEmail],
  ['kid traps on "or a" + spaces', fill('or a', ' '), (s) => findings({ header: { alg: 'HS256', kid: s }, payload: {}, kind: 'jws' })],
  ['kid traps on "or " repeated', fill('', 'or ', '='), (s) => findings({ header: { alg: 'HS256', kid: s }, payload: {}, kind: 'jws' })],
  ['PEM header line with a long run of spaces', fill('-----BEGIN PUBLIC KEY-----\nProc-Type: a', ' ', 'b\nMIIB\n-----END PUBLIC KEY-----'), findPemBlocks],
  ['key text: PEM header value of spaces', fill('-----BEGIN PUBLIC KEY-----\nA:', ' ', '\n-----END PUBLIC KEY-----'), parseKeyText],
  ['key text: unterminated BEGIN label', fill('-----BEGIN ', 'A'), parseKeyText],
  ['key text: many BEGIN lines', fill('', '-----BEGIN '), parseKeyText],
  ['issuer compare: "a" + slashes', fill('a', '/'), (s) => checkClaims(null, { iss: s }, { now: 0, expected: { iss: 'b' } })],
  ['issuer compare: slashes + "a"', fill('', '/', 'a'), (s) => checkClaims(null, { iss: s, aud: [s] }, { now: 0, expected: { iss: 'b', aud: 'b' } })],
  ['trimEndChar: slashes + "a"', fill('', '/', 'a'), (s) => trimEndChar(s, '/')],
  ['discovery URLs: slashes in the path', fill('https://a/', '/', 'a'), (s) => discoveryUrls(new URL(s))],
  ['JSON colouring: unterminated escaped quotes', fill('', '"\\'), jsonLines],
  ['JSON colouring: \\" runs', fill('', '"\\"'), jsonLines],
  ['header alg rewrite: repeated "alg":"', fill('', '"alg":"'), (s) => withHeaderAlg(s, 'HS256')],
  ['header alg rewrite: "alg" + spaces', fill('"alg"', ' '), (s) => withHeaderAlg(s, 'HS256')],
  ['paste stripping: Authorization + spaces', fill('Authorization:', ' '), stripPastedInput],
  ['paste stripping: repeated "bearer "', fill('', 'bearer '), stripPastedInput],
  ['decoding: thousands of segments', fill('', 'a.'), decodeToken],
  ['decoding: dots only', fill('', '.'), decodeToken],
  ['key shape: ssh-rsa + base64 + junk', fill('ssh-rsa ', 'A', '!'), classify],
  ['key shape: eyJ + segments', fill('eyJ', '.a'), classify],
  ['link key kind: BEGIN + "A " runs', fill('-----BEGIN ', 'A '), keyTextVisibility],
  ['link key kind: many BEGIN lines', fill('', '-----BEGIN A'), keyTextVisibility],
  ['link reading: bare token of many segments', fill('https://x/#', 'a.'), readLink],
  ['link reading: many credentials in a share link', fill('https://x/#mode=decode', '&code=1'), readLink],
  ['link reading: a nested name and a dotted value', fill('https://x/?a', '[.', '=e30.'), readLink],
  ['time span: "1m" repeated + junk', fill('', '1m', '!'), parseSpan],
  ['encoder JSON: unterminated escapes', fill('{"a":', '"\\"'), parseJsonText],
  ['signed JSON: 1., zeros, 1', fill('[1.', '0', '1]'), checkSignedJson],
  ['signed JSON: 1, zeros, 1, and an exponent', fill('[1', '0', '1e-999999]'), checkSignedJson],
  ['claim name patterns', fill('', 'a_'), (s) => [isLikelyTimeClaim(s, 1), lookupClaim(s, 'payload'), lookupClaim(`https://${s}`, 'payload')]],
];

describe('every scan of user text takes linear time on 1 MB of adversarial input', () => {
  it.each(CASES)('%s', (_name, make, run) => {
    const measured = growth(make, run);
    expect(measured.large, JSON.stringify(measured)).toBeLessThan(measured.bound);
  }, 60_000);
});

describe('the hand-written checks keep the meaning of the patterns they replace', () => {
  it('looksLikeEmail', () => {
    const pattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    for (const value of ['a@b.c', 'a@b.', 'a@.c', '@b.c', 'a@b', 'a@@b.c', 'a b@c.d', 'a@b..c', 'a@b.c.', 'x.y@host.example', 'a@.b.c', 'a@b@c.d']) {
      expect(looksLikeEmail(value), value).toBe(pattern.test(value));
    }
  });

  it('trimEndChar', () => {
    for (const value of ['', '/', 'a/', 'a//', '/a', 'a/b/', 'a']) expect(trimEndChar(value, '/')).toBe(value.replace(/\/+$/, ''));
  });

  it('jsonLines colours an unterminated string as a string', () => {
    const pieces = jsonLines('"abc').flatMap((line) => line.pieces);
    expect(pieces.map((piece) => piece.text).join('')).toBe('"abc');
  });
});
