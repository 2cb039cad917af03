import { describe, expect, it } from 'vitest';
import { checkClaims, normalizeTyp, summarize, type ClaimCheck } from './validate';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const T = NOW / 1000;
const HOUR = 3600;

function check(result: ReturnType<typeof checkClaims>, claim: ClaimCheck['claim']): ClaimCheck {
  const found = result.checks.find((c) => c.claim === claim);
  if (!found) throw new Error(`no ${claim} check`);
  return found;
}

const header = { alg: 'RS256', typ: 'at+jwt' };

describe('checkClaims: time', () => {
  it('passes a token inside its validity window', () => {
    const r = checkClaims(header, { iat: T - 60, nbf: T - 60, exp: T + 12 * 60 }, { now: NOW });
    expect(check(r, 'exp')).toEqual({ claim: 'exp', status: 'pass', message: 'valid for 12 more minutes (2026-01-15T12:12:00Z)' });
    expect(check(r, 'nbf').status).toBe('pass');
    expect(check(r, 'iat')).toMatchObject({ status: 'pass', message: 'issued 1 minute ago (2026-01-15T11:59:00Z)' });
    expect(r.summary).toEqual({ state: 'ok', message: 'all claim checks pass' });
  });

  it('fails an expired token and says how long ago', () => {
    const r = checkClaims(header, { exp: T - 3 * HOUR }, { now: NOW });
    expect(check(r, 'exp')).toMatchObject({ status: 'fail', message: 'expired 3 hours ago (2026-01-15T09:00:00Z)' });
    expect(r.summary).toEqual({ state: 'expired', message: 'token expired 3 hours ago (2026-01-15T09:00:00Z)' });
  });

  it('treats exp equal to now as expired (on or after exp, RFC 7519 §4.1.4)', () => {
    const r = checkClaims(header, { exp: T }, { now: NOW });
    expect(check(r, 'exp').status).toBe('fail');
  });

  it('accepts an expired token within the clock skew, with a warning', () => {
    const r = checkClaims(header, { exp: T - 20 }, { now: NOW, clockSkewSeconds: 60 });
    expect(check(r, 'exp')).toMatchObject({ status: 'warn' });
    expect(check(r, 'exp').message).toMatch(/expired 20 seconds ago .*accepted within the 60-second clock skew/);
    expect(r.summary.state).toBe('ok-with-warnings');
  });

  it('fails beyond the clock skew and says so', () => {
    const r = checkClaims(header, { exp: T - 120 }, { now: NOW, clockSkewSeconds: 60 });
    expect(check(r, 'exp')).toMatchObject({ status: 'fail' });
    expect(check(r, 'exp').message).toMatch(/beyond the 60-second clock skew/);
  });

  it('ignores a negative or non-finite skew', () => {
    expect(check(checkClaims(header, { exp: T - 20 }, { now: NOW, clockSkewSeconds: -100 }), 'exp').status).toBe('fail');
    expect(check(checkClaims(header, { exp: T - 20 }, { now: NOW, clockSkewSeconds: Number.NaN }), 'exp').status).toBe('fail');
  });

  it('fails a token that is not valid yet, and the skew can rescue it', () => {
    const r = checkClaims(header, { nbf: T + 2 * 86400 }, { now: NOW });
    expect(check(r, 'nbf')).toMatchObject({ status: 'fail', message: 'not valid for another 2 days (2026-01-17T12:00:00Z)' });
    expect(r.summary).toEqual({ state: 'not-yet-valid', message: 'token not valid for another 2 days (2026-01-17T12:00:00Z)' });
    const skewed = checkClaims(header, { nbf: T + 30 }, { now: NOW, clockSkewSeconds: 30 });
    expect(check(skewed, 'nbf').status).toBe('warn');
    expect(check(checkClaims(header, { nbf: T + 31 }, { now: NOW, clockSkewSeconds: 30 }), 'nbf').status).toBe('fail');
  });

  it('passes nbf equal to now', () => {
    expect(check(checkClaims(header, { nbf: T }, { now: NOW }), 'nbf').status).toBe('pass');
  });

  it('warns about an iat in the future beyond the skew only', () => {
    const r = checkClaims(header, { iat: T + 300 }, { now: NOW });
    expect(check(r, 'iat')).toMatchObject({ status: 'warn' });
    expect(check(r, 'iat').message).toMatch(/^issued in the future \(in 5 minutes\)/);
    expect(check(checkClaims(header, { iat: T + 300 }, { now: NOW, clockSkewSeconds: 300 }), 'iat').status).toBe('pass');
  });

  it('warns when there is no exp, and skips absent nbf and iat', () => {
    const r = checkClaims(header, {}, { now: NOW });
    expect(check(r, 'exp')).toMatchObject({ status: 'warn', message: 'no exp claim: the token never expires.' });
    expect(check(r, 'nbf').status).toBe('skip');
    expect(check(r, 'iat').status).toBe('skip');
    expect(r.summary).toEqual({ state: 'ok-with-warnings', message: 'claims accepted with 1 warning: no exp claim: the token never expires' });
  });

  it('fails time claims that are strings', () => {
    const r = checkClaims(header, { exp: String(T + HOUR) }, { now: NOW });
    expect(check(r, 'exp').status).toBe('fail');
    expect(check(r, 'exp').message).toMatch(/^exp is a string; NumericDate is a number of seconds/);
    expect(r.summary.state).toBe('mismatch');
  });

  it('warns about milliseconds, which verifiers would read as a far-future date', () => {
    const r = checkClaims(header, { exp: NOW - 1000 }, { now: NOW });
    expect(check(r, 'exp').status).toBe('warn');
    expect(check(r, 'exp').message).toMatch(/looks like milliseconds/);
  });

  it('skips everything but typ when there is no claims set', () => {
    const r = checkClaims(header, null, { now: NOW, expected: { iss: 'x', typ: 'at+jwt' } });
    expect(r.checks.filter((c) => c.claim !== 'typ').every((c) => c.status === 'skip')).toBe(true);
    expect(check(r, 'typ').status).toBe('pass');
  });
});

describe('checkClaims: expected values', () => {
  const payload = { iss: 'https://issuer.example', sub: 'user-1', aud: ['api', 'web'], exp: T + HOUR };

  it('skips identity checks when nothing is expected, still showing the value', () => {
    const r = checkClaims(header, payload, { now: NOW, expected: { iss: '  ' } });
    expect(check(r, 'iss')).toMatchObject({ status: 'skip', message: 'iss is "https://issuer.example"; enter an expected issuer to check it.' });
    expect(check(r, 'aud').status).toBe('skip');
    expect(check(r, 'sub').status).toBe('skip');
    expect(check(r, 'typ').status).toBe('skip');
  });

  it('passes and fails iss exactly, hinting at near misses', () => {
    expect(check(checkClaims(header, payload, { now: NOW, expected: { iss: 'https://issuer.example' } }), 'iss').status).toBe('pass');
    const slash = check(checkClaims(header, payload, { now: NOW, expected: { iss: 'https://issuer.example/' } }), 'iss');
    expect(slash.status).toBe('fail');
    expect(slash.message).toMatch(/differ only by a trailing slash/);
    const upper = check(checkClaims(header, payload, { now: NOW, expected: { iss: 'https://ISSUER.example' } }), 'iss');
    expect(upper.message).toMatch(/differ only in letter case/);
    const r = checkClaims(header, payload, { now: NOW, expected: { iss: 'https://other.example' } });
    expect(r.summary).toEqual({ state: 'mismatch', message: 'iss is "https://issuer.example", expected "https://other.example"' });
  });

  it('fails a missing or non-string iss or sub', () => {
    expect(check(checkClaims(header, {}, { now: NOW, expected: { iss: 'a' } }), 'iss').message).toBe('the token has no iss claim; expected "a".');
    expect(check(checkClaims(header, { sub: 7 }, { now: NOW, expected: { sub: '7' } }), 'sub').message).toMatch(/not a string/);
  });

  it('checks sub', () => {
    expect(check(checkClaims(header, payload, { now: NOW, expected: { sub: 'user-1' } }), 'sub').status).toBe('pass');
    expect(check(checkClaims(header, payload, { now: NOW, expected: { sub: 'user-2' } }), 'sub').status).toBe('fail');
  });

  it('accepts aud as an array containing the expected audience, or as a single string', () => {
    expect(check(checkClaims(header, payload, { now: NOW, expected: { aud: 'web' } }), 'aud')).toMatchObject({ status: 'pass', message: 'aud includes "web".' });
    expect(check(checkClaims(header, { aud: 'api' }, { now: NOW, expected: { aud: 'api' } }), 'aud').status).toBe('pass');
  });

  it('fails aud that does not contain the expected audience, or has the wrong type', () => {
    expect(check(checkClaims(header, payload, { now: NOW, expected: { aud: 'admin' } }), 'aud').message).toBe('aud ["api","web"] does not include "admin".');
    expect(check(checkClaims(header, { aud: 'api' }, { now: NOW, expected: { aud: 'API' } }), 'aud').message).toMatch(/letter case/);
    expect(check(checkClaims(header, { aud: 5 }, { now: NOW, expected: { aud: '5' } }), 'aud').message).toMatch(/must be a string or an array of strings/);
    expect(check(checkClaims(header, { aud: ['a', 1] }, { now: NOW, expected: { aud: 'a' } }), 'aud').status).toBe('fail');
    expect(check(checkClaims(header, {}, { now: NOW, expected: { aud: 'a' } }), 'aud').status).toBe('fail');
  });

  it('compares typ case-insensitively and with or without "application/" (RFC 8725 §3.11)', () => {
    const typ = (actual: unknown, wanted: string) => check(checkClaims({ alg: 'RS256', typ: actual }, {}, { now: NOW, expected: { typ: wanted } }), 'typ');
    expect(typ('at+jwt', 'at+jwt').status).toBe('pass');
    expect(typ('application/at+jwt', 'at+jwt').status).toBe('pass');
    expect(typ('AT+JWT', 'Application/At+Jwt').message).toMatch(/case-insensitively/);
    expect(typ('JWT', 'at+jwt').status).toBe('fail');
    expect(typ(undefined, 'at+jwt').message).toBe('the header has no typ; expected "at+jwt".');
    expect(typ(1, 'at+jwt').status).toBe('fail');
  });

  it('keeps "application/" when the rest is itself a media type', () => {
    expect(normalizeTyp('application/example/x')).toBe('application/example/x');
    expect(normalizeTyp(' Application/JWT ')).toBe('jwt');
  });
});

describe('summarize', () => {
  it('puts expiry first and counts the other failures', () => {
    const r = checkClaims(header, { exp: T - HOUR, iss: 'a' }, { now: NOW, expected: { iss: 'b', aud: 'c' } });
    expect(r.summary).toEqual({ state: 'expired', message: 'token expired 1 hour ago (2026-01-15T11:00:00Z); 2 other checks failed' });
  });

  it('counts warnings', () => {
    const s = summarize([
      { claim: 'exp', status: 'warn', message: 'one.' },
      { claim: 'iat', status: 'warn', message: 'two.' },
    ]);
    expect(s).toEqual({ state: 'ok-with-warnings', message: 'claims accepted with 2 warnings: one' });
  });

  it('says when nothing was checked', () => {
    expect(summarize([{ claim: 'iss', status: 'skip', message: '' }]).message).toBe('no claims checked');
  });
});
