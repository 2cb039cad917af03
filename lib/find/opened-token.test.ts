import { describe, expect, it } from 'vitest';
import { decodeToken } from '@/lib/token';
import { findTokens } from './index';
import { describeTruncation, foundTokensApply, needsFinding, textBeforeCut, tokenBeingDecoded } from './opened-token';
import { encodeBase64urlText } from '@/lib/token/base64url';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMzItYnl0ZXMtbG9uZw';
const OTHER = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMzItYnl0ZXMtbG9uZw';

describe('tokenBeingDecoded', () => {
  it('is the editor text when nothing was opened', () => {
    expect(tokenBeingDecoded({ token: JWT })).toBe(JWT);
  });
  it('is the opened token while the editor holds the text it was found in', () => {
    const paste = `Authorization: Bearer ${JWT}\nCookie: s=${OTHER}`;
    expect(tokenBeingDecoded({ token: paste, opened: { from: paste, token: OTHER } })).toBe(OTHER);
  });
  it('forgets the opened token once the editor text changes', () => {
    const paste = `Cookie: s=${OTHER}`;
    expect(tokenBeingDecoded({ token: `${paste} `, opened: { from: paste, token: OTHER } })).toBe(`${paste} `);
  });
});

describe('needsFinding and foundTokensApply', () => {
  it('a clean token is decoded as it is', () => {
    expect(needsFinding(decodeToken(JWT))).toBe(false);
  });
  it('an empty editor is not searched', () => {
    expect(needsFinding(decodeToken('  '))).toBe(false);
  });
  it("a 'Bearer' value the decoder reads on its own keeps its own decoding", () => {
    const decoded = decodeToken(`Bearer ${JWT}`);
    expect(needsFinding(decoded)).toBe(true);
    expect(foundTokensApply(decoded, findTokens(`Bearer ${JWT}`))).toBe(false);
  });
  it('a raw request with two tokens lists them', () => {
    const paste = `GET / HTTP/1.1\nHost: example.com\nAuthorization: Bearer ${JWT}\nCookie: s=${OTHER}\n`;
    const decoded = decodeToken(paste);
    expect(needsFinding(decoded)).toBe(true);
    const found = findTokens(paste);
    expect(found.map((f) => f.token)).toEqual([JWT, OTHER]);
    expect(foundTokensApply(decoded, found)).toBe(true);
  });
  it('a token with a bad character keeps the decoder\'s own located error, not a piece of it found as a token cut short', () => {
    const [header, payload, signature] = JWT.split('.');
    const broken = `${header}.${payload!.slice(0, 5)}+${payload!.slice(6)}.${signature}`;
    const decoded = decodeToken(broken);
    expect(decoded.error?.message).toContain("'+'");
    expect(foundTokensApply(decoded, findTokens(broken))).toBe(false);
  });
  it('a token cut short after some text is listed, though the finder finds nothing else', () => {
    const paste = `INFO token=${JWT.slice(0, 30)}`;
    expect(foundTokensApply(decodeToken(paste), findTokens(paste))).toBe(true);
  });
  it('nothing found leaves the decoder with the editor text', () => {
    const decoded = decodeToken('just some words');
    expect(foundTokensApply(decoded, [])).toBe(false);
  });
});

describe('describeTruncation', () => {
  it('names the part and the character where the token was cut', () => {
    expect(describeTruncation({ part: 'signature', offset: 57 })).toBe('cut short in the signature, after character 57');
    expect(describeTruncation({ part: 'disclosure', index: 1, offset: 90 })).toBe('cut short in the disclosure 2, after character 90');
    expect(describeTruncation({ part: 'tag', offset: 12 })).toBe('cut short in the authentication tag, after character 12');
  });
  it('agrees with what the finder reports for a log line cut short', () => {
    const cut = JWT.slice(0, 30);
    const [found] = findTokens(`2026-01-01 INFO token=${cut}`);
    expect(found?.truncated).toBeDefined();
    expect(describeTruncation(found!.truncated!)).toBe(`cut short in the payload, after character ${cut.length}`);
  });
});

describe('textBeforeCut', () => {
  const header = encodeBase64urlText('{"alg":"HS256","typ":"JWT"}');
  const payload = encodeBase64urlText('{"sub":"log-user","name":"Zoë","iat":1700000000}');

  it('reads a payload up to the cut, whatever the cut position', () => {
    const full = '{"sub":"log-user","name":"Zoë","iat":1700000000}';
    for (let keep = 4; keep < payload.length; keep++) {
      const [found] = findTokens(`WARN token=${header}.${payload.slice(0, keep)}`);
      expect(found?.truncated?.part).toBe('payload');
      const text = textBeforeCut(found!);
      expect(text).not.toBeNull();
      expect(full.startsWith(text!)).toBe(true);
      // Nothing more than a base64url quantum (3 bytes) is lost before the cut.
      expect(new TextEncoder().encode(text!).length).toBeGreaterThanOrEqual(Math.floor(keep / 4) * 3 - 1);
    }
  });
  it('has nothing to say of a signature or of a JWE', () => {
    expect(textBeforeCut({ token: `${header}.${payload}.abc`, kind: 'jws', truncated: { part: 'signature', offset: 10 } })).toBeNull();
    expect(textBeforeCut({ token: `${header}.abcd`, kind: 'jwe', truncated: { part: 'encrypted-key', offset: 10 } })).toBeNull();
    expect(textBeforeCut({ token: `${header}.${payload}`, kind: 'jws' })).toBeNull();
  });
});
