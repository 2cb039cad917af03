import { describe, expect, it } from 'vitest';
import { decodeToken, parseClaimsSet, scanJson, MAX_JSON_DEPTH } from './index';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const jws = (header: string, payload: string) => `${b64(header)}.${b64(payload)}.c2ln`;
const deepObject = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe('JSON nested too deeply to walk', () => {
  it('scanJson measures the depth', () => {
    expect(scanJson('1').maxDepth).toBe(0);
    expect(scanJson('{}').maxDepth).toBe(1);
    expect(scanJson('{"a":[[], {"b": []}]}').maxDepth).toBe(4);
    expect(scanJson(deepObject(20_000)).maxDepth).toBe(20_001);
  });

  it('a JWS payload nested 20,000 deep decodes, shown as text with a warning', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', deepObject(20_000)));
    expect(decoded.error).toBeNull();
    expect(decoded.payload?.kind).toBe('text');
    expect(decoded.issues.some((issue) => issue.severity === 'warning' && issue.message.includes('20001 levels deep'))).toBe(true);
  });

  it('a payload just within the limit is still a claims set', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', deepObject(MAX_JSON_DEPTH - 1)));
    expect(decoded.payload?.kind).toBe('json');
  });

  it('parseClaimsSet (JWE plaintext) applies the same limit and never throws', () => {
    expect(parseClaimsSet(deepObject(20_000))).toBeNull();
    expect(parseClaimsSet('{"sub":"x"}')).toEqual({ sub: 'x' });
    expect(parseClaimsSet('[1]')).toBeNull();
    expect(parseClaimsSet('{"a":')).toBeNull();
    expect(parseClaimsSet(deepObject(MAX_JSON_DEPTH - 1))).not.toBeNull();
  });
});

describe('numbers JSON.parse changes', () => {
  it('warns about 1e400 (Infinity, shown as null) and -0 (shown as 0)', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '{"exp":1e400,"nbf":-0,"iat":-1E+999,"x":-0.0e1,"ok":-1,"ok2":1e3}'));
    const messages = decoded.issues.filter((issue) => issue.severity === 'warning').map((issue) => issue.message);
    expect(messages.filter((m) => m.includes('too large'))).toHaveLength(2);
    expect(messages.filter((m) => m.includes('negative zero'))).toHaveLength(2);
    expect(messages.join('\n')).toContain('The number 1e400 in the payload');
    expect(decoded.payload?.kind).toBe('json');
  });
});

describe('which notes are broken rules (the token-warning hook) and which are information', () => {
  const problems = (token: string) => decodeToken(token).issues.filter((issue) => issue.severity !== 'error' && !issue.informational).map((issue) => issue.message);
  it('marks each broken rule', () => {
    expect(problems(jws('{"typ":"JWT"}', '{}'))).toHaveLength(1); // no alg
    expect(problems(jws('{"alg":5}', '{}'))).toHaveLength(1);
    expect(problems(`${b64('\ufeff{"alg":"HS256"}')}.${b64('{}')}.c2ln`)).toHaveLength(1);
    expect(problems(jws('{"alg":"HS256"}', '[1]'))).toHaveLength(1);
    expect(problems(jws('{"alg":"HS256"}', 'hello'))).toHaveLength(1);
    expect(problems(`${b64('{"alg":"HS256"}')}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.c2ln`)).toHaveLength(1);
    expect(problems(`${b64('{"alg":"HS256"}')}..c2ln`)).toHaveLength(1);
  });
  it('leaves allowed things unmarked', () => {
    expect(problems(`Bearer ${jws('{"alg":"HS256"}', '{"sub":"x"}')}`)).toEqual([]);
    expect(problems(jws('{"alg":"HS256","cty":"JWT"}', 'a.b.c'))).toEqual([]);
  });
});
