import { describe, expect, it } from 'vitest';
import { encodeBase64url, encodeBase64urlText as b64 } from './base64url';
import { decodeToken } from './decode';

const H = b64('{"alg":"HS256","typ":"JWT"}');
const P = b64('{"sub":"1234567890","iat":1516239022}');
const S = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const GOOD = `${H}.${P}.${S}`;

function jws(header: string, payload: string, signature = S): string {
  return `${b64(header)}.${b64(payload)}.${signature}`;
}

describe('pasted input', () => {
  const cases: { input: string; stripped: string[] }[] = [
    { input: `  ${GOOD}\n`, stripped: ['surrounding whitespace'] },
    { input: `\r\n\t${GOOD}\r\n\r\n`, stripped: ['surrounding whitespace'] },
    { input: `Bearer ${GOOD}`, stripped: ["the 'Bearer ' prefix"] },
    { input: `bearer ${GOOD}`, stripped: ["the 'Bearer ' prefix"] },
    { input: `BEARER\t${GOOD}`, stripped: ["the 'Bearer ' prefix"] },
    { input: `"${GOOD}"`, stripped: ['surrounding quotes'] },
    { input: `'${GOOD}'`, stripped: ['surrounding quotes'] },
    { input: `\`${GOOD}\``, stripped: ['surrounding quotes'] },
    { input: `Authorization: Bearer ${GOOD}`, stripped: ["the 'Authorization: ' header name", "the 'Bearer ' prefix"] },
    { input: `authorization:bearer ${GOOD}\n`, stripped: ['surrounding whitespace', "the 'Authorization: ' header name", "the 'Bearer ' prefix"] },
    { input: ` "Bearer ${GOOD}" `, stripped: ['surrounding whitespace', 'surrounding quotes', "the 'Bearer ' prefix"] },
    { input: `'  ${GOOD}  '`, stripped: ['surrounding quotes', 'surrounding whitespace'] },
    { input: `\u200b${GOOD}\ufeff`, stripped: ['surrounding whitespace'] },
  ];

  it.each(cases)('strips $stripped from $input', ({ input, stripped }) => {
    const decoded = decodeToken(input);
    expect(decoded.error).toBeNull();
    expect(decoded.token).toBe(GOOD);
    expect(decoded.stripped).toEqual(stripped);
    expect(input.slice(decoded.tokenStart, decoded.tokenStart + decoded.token.length)).toBe(GOOD);
    const note = decoded.issues.find((i) => i.severity === 'info' && i.message.startsWith('Removed'));
    expect(note?.message).toContain(stripped[stripped.length - 1]);
    expect(note?.message).toContain('the token itself is unchanged');
  });

  it('reports nothing stripped for a clean token', () => {
    const decoded = decodeToken(GOOD);
    expect(decoded.stripped).toEqual([]);
    expect(decoded.tokenStart).toBe(0);
    expect(decoded.issues).toEqual([]);
  });

  it('segment offsets point into the raw input, after what was stripped', () => {
    const input = `Authorization: Bearer ${GOOD}`;
    const decoded = decodeToken(input);
    const [header, payload, signature] = decoded.segments;
    expect(input.slice(header!.start, header!.end)).toBe(H);
    expect(input.slice(payload!.start, payload!.end)).toBe(P);
    expect(input.slice(signature!.start, signature!.end)).toBe(S);
    expect(decoded.segments.map((s) => s.label)).toEqual(['Header', 'Payload', 'Signature']);
  });

  it('marks whitespace-only input as empty, but not quotes around nothing', () => {
    expect(decodeToken('   \n').empty).toBe(true);
    expect(decodeToken('').empty).toBe(true);
    expect(decodeToken('""').empty).toBe(false);
    expect(decodeToken(GOOD).empty).toBe(false);
  });

  it('does not strip a Bearer without whitespace after it or a lone quote', () => {
    expect(decodeToken(`Bearer${GOOD}`).stripped).toEqual([]);
    expect(decodeToken(`"${GOOD}`).error?.offset).toBe(0);
  });
});

describe('payload views', () => {
  it('shows a JSON object payload as pretty JSON', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '{"sub":"a","n":[1,2]}'));
    expect(decoded.payload).toEqual({ kind: 'json', value: { sub: 'a', n: [1, 2] }, pretty: '{\n  "sub": "a",\n  "n": [\n    1,\n    2\n  ]\n}' });
  });

  it('shows a UTF-8 text payload as text marked "not a JWT claims set", with an info note', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', 'hello, wörld'));
    expect(decoded.error).toBeNull();
    expect(decoded.payload).toMatchObject({ kind: 'text', text: 'hello, wörld', note: expect.stringContaining('Not a JWT claims set') });
    expect(decoded.issues.map((i) => i.severity)).toEqual(['info']);
  });

  it('warns (not errors) when the payload looks like broken JSON, and says where', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '{"sub":"a",}'));
    expect(decoded.error).toBeNull();
    expect(decoded.payload?.kind).toBe('text');
    const warning = decoded.issues.find((i) => i.severity === 'warning');
    expect(warning?.message).toContain('Payload is valid base64url but not JSON');
    expect(warning?.message).toContain('trailing comma');
    expect(warning?.segment).toBe('payload');
  });

  it('shows JSON that is not an object as text, not a claims set', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '[1,2,3]'));
    expect(decoded.payload).toMatchObject({ kind: 'text', text: '[1,2,3]', note: expect.stringContaining('JSON but an array') });
  });

  it('shows a payload that is not UTF-8 as hex, with its byte length', () => {
    const token = `${b64('{"alg":"HS256"}')}.${encodeBase64url(new Uint8Array([0x00, 0xff, 0x10, 0xab]))}.${S}`;
    const decoded = decodeToken(token);
    expect(decoded.error).toBeNull();
    expect(decoded.payload).toEqual({ kind: 'hex', hex: '00 ff 10 ab', byteLength: 4, note: expect.stringContaining('not UTF-8') });
    expect(decoded.segments[1]?.byteLength).toBe(4);
  });

  it('an empty payload is legal (detached content) and noted', () => {
    const decoded = decodeToken(`${H}..${S}`);
    expect(decoded.error).toBeNull();
    expect(decoded.payload).toMatchObject({ kind: 'text', text: '' });
    expect(decoded.issues[0]?.message).toContain('detached');
    expect(decoded.segments[1]?.byteLength).toBe(0);
  });

  it('a nested token (cty JWT) is shown as text with a note', () => {
    const inner = GOOD;
    const decoded = decodeToken(jws('{"alg":"HS256","cty":"JWT"}', inner));
    expect(decoded.payload).toMatchObject({ kind: 'text', text: inner, note: expect.stringContaining('nested token') });
  });
});

describe('b64: false (RFC 7797)', () => {
  it('an unencoded payload cannot contain a dot in compact form (RFC 7797 §5.2): 4 segments', () => {
    const token = `${b64('{"alg":"HS256","b64":false,"crit":["b64"]}')}.$.02.${S}`;
    const decoded = decodeToken(token);
    expect(decoded.error?.message).toContain('4 segments');
    expect(decoded.kind).toBe('unknown');
    expect(decoded.payload).toMatchObject({ kind: 'text', text: '$' });
  });

  it('does not treat the payload as base64url', () => {
    const token = `${b64('{"alg":"HS256","b64":false,"crit":["b64"]}')}.$a+b/c=!.${S}`;
    const decoded = decodeToken(token);
    expect(decoded.error).toBeNull();
    expect(decoded.payload).toMatchObject({ kind: 'text', text: '$a+b/c=!', note: expect.stringContaining('b64: false') });
    expect(decoded.segments[1]?.byteLength).toBe(8);
    expect(decoded.issues).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('RFC 7797') })]);
  });

  it('warns when b64 is not listed in crit', () => {
    const decoded = decodeToken(`${b64('{"alg":"HS256","b64":false}')}.text.${S}`);
    expect(decoded.issues.some((i) => i.severity === 'warning' && i.message.includes('"crit"'))).toBe(true);
  });

  it('warns when b64 is not a boolean and reads the payload as base64url', () => {
    const decoded = decodeToken(jws('{"alg":"HS256","b64":"false"}', '{"a":1}'));
    expect(decoded.payload?.kind).toBe('json');
    expect(decoded.issues.some((i) => i.message.includes('"b64" must be true or false'))).toBe(true);
  });
});

describe('duplicate member names', () => {
  it('warns about a duplicate claim, names it and says the last value is used', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '{"sub":"first","sub":"second"}'));
    expect(decoded.error).toBeNull();
    expect(decoded.payload).toMatchObject({ kind: 'json', value: { sub: 'second' } });
    const warning = decoded.issues.find((i) => i.severity === 'warning');
    expect(warning?.message).toContain('Duplicate member "sub" in the payload');
    expect(warning?.message).toContain('the last value is used');
    expect(warning?.message).toContain('RFC 7519 §4');
    expect(warning?.segment).toBe('payload');
  });

  it('warns about a duplicate header parameter citing RFC 7515', () => {
    const decoded = decodeToken(jws('{"alg":"none","alg":"HS256"}', '{}'));
    expect(decoded.header?.value).toEqual({ alg: 'HS256' });
    const warning = decoded.issues.find((i) => i.message.includes('Duplicate'));
    expect(warning?.message).toContain('Duplicate member "alg" in the header');
    expect(warning?.message).toContain('RFC 7515 §4');
    expect(warning?.segment).toBe('header');
  });

  it('finds duplicates in nested objects and names the path', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '{"address":{"city":"A","city":"B"},"list":[{"x":1},{"y":1,"y":2}]}'));
    const messages = decoded.issues.filter((i) => i.message.includes('Duplicate')).map((i) => i.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('"city"');
    expect(messages[0]).toContain('inside "address"');
    expect(messages[1]).toContain('"y"');
    expect(messages[1]).toContain('inside "list[1]"');
  });

  it('treats escaped and plain spellings of a name as the same member', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '{"sub":"a","\\u0073ub":"b"}'));
    expect(decoded.issues.some((i) => i.message.includes('Duplicate member "sub"'))).toBe(true);
  });

  it('does not flag the same name in different objects', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '{"a":{"id":1},"b":{"id":2},"id":3}'));
    expect(decoded.issues).toEqual([]);
  });

  it('locates the repeated name in the raw token', () => {
    const token = jws('{"alg":"HS256"}', '{"aaa":1,"aaa":2}');
    const warning = decodeToken(token).issues.find((i) => i.message.includes('Duplicate'));
    // The second "aaa" starts at byte 9 of the payload: base64url characters 12 and 13.
    const payloadStart = token.indexOf('.') + 1;
    expect(warning?.offset).toBe(payloadStart + 12);
    expect(warning?.length).toBe(2);
  });

  it('caps the list of duplicate warnings and counts the rest', () => {
    const members = Array.from({ length: 30 }, (_, i) => `"k":${i}`).join(',');
    const decoded = decodeToken(jws('{"alg":"HS256"}', `{${members}}`));
    const warnings = decoded.issues.filter((i) => i.severity === 'warning');
    expect(warnings).toHaveLength(21);
    expect(warnings[20]?.message).toContain('and 9 more duplicate member names');
  });
});

describe('header checks', () => {
  it('warns about integers JavaScript cannot hold exactly', () => {
    const decoded = decodeToken(jws('{"alg":"HS256"}', '{"id":12345678901234567890,"ok":9007199254740991}'));
    const warnings = decoded.issues.filter((i) => i.severity === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('12345678901234567890');
    expect(warnings[0]?.message).toContain('12345678901234567000');
  });

  it('warns about a byte order mark before the header JSON but still decodes it', () => {
    const decoded = decodeToken(`${b64('\ufeff{"alg":"HS256"}')}.${P}.${S}`);
    expect(decoded.error).toBeNull();
    expect(decoded.header?.value).toEqual({ alg: 'HS256' });
    expect(decoded.issues[0]?.message).toContain('byte order mark');
  });

  it('warns when alg is missing', () => {
    const decoded = decodeToken(jws('{"typ":"JWT"}', '{}'));
    expect(decoded.error).toBeNull();
    expect(decoded.issues[0]?.message).toContain('no "alg"');
  });

  it('warns when a signature is empty but alg needs one', () => {
    const decoded = decodeToken(`${H}.${P}.`);
    expect(decoded.error).toBeNull();
    const warning = decoded.issues.find((i) => i.segment === 'signature');
    expect(warning?.message).toContain('signature segment is empty although "alg" is "HS256"');
  });

  it('warns when alg is none but a signature is present', () => {
    const decoded = decodeToken(`${b64('{"alg":"none"}')}.${P}.${S}`);
    expect(decoded.issues.some((i) => i.message.includes('"alg" is "none" but the signature segment is not empty'))).toBe(true);
  });

  it('warns when a 3-segment token has a JWE header', () => {
    const decoded = decodeToken(jws('{"alg":"dir","enc":"A128GCM"}', '{}'));
    expect(decoded.issues.some((i) => i.message.includes('"enc", which belongs to a JWE'))).toBe(true);
  });

  it('keeps the header visible when the payload is broken, and the payload when the header is broken', () => {
    const brokenPayload = decodeToken(`${H}.${P.slice(0, 5)}+${P.slice(6)}.${S}`);
    expect(brokenPayload.header?.value).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(brokenPayload.payload).toBeNull();
    const brokenHeader = decodeToken(`${H.slice(0, 5)}+${H.slice(6)}.${P}.${S}`);
    expect(brokenHeader.header).toBeNull();
    expect(brokenHeader.payload?.kind).toBe('json');
    expect(brokenHeader.error?.segment).toBe('header');
  });
});

describe('JWE', () => {
  const protectedHeader = b64('{"alg":"RSA-OAEP","enc":"A256GCM"}');
  const key = encodeBase64url(new Uint8Array(256).fill(7));
  const iv = encodeBase64url(new Uint8Array(12).fill(1));
  const ciphertext = encodeBase64url(new Uint8Array(100).fill(2));
  const tag = encodeBase64url(new Uint8Array(16).fill(3));

  it('decodes the protected header and gives the other segments their roles and byte lengths', () => {
    const token = `${protectedHeader}.${key}.${iv}.${ciphertext}.${tag}`;
    const decoded = decodeToken(token);
    expect(decoded.error).toBeNull();
    expect(decoded.kind).toBe('jwe');
    expect(decoded.header?.value).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' });
    expect(decoded.payload).toBeNull();
    expect(decoded.segments.map((s) => [s.role, s.label, s.byteLength])).toEqual([
      ['header', 'Protected header', 34],
      ['encryptedKey', 'Encrypted key', 256],
      ['iv', 'IV', 12],
      ['ciphertext', 'Ciphertext', 100],
      ['tag', 'Tag', 16],
    ]);
    for (const segment of decoded.segments) expect(token.slice(segment.start, segment.end).length).toBe(segment.end - segment.start);
    expect(token.slice(decoded.segments[3]!.start, decoded.segments[3]!.end)).toBe(ciphertext);
  });

  it('accepts an empty encrypted key with alg dir', () => {
    const decoded = decodeToken(`${b64('{"alg":"dir","enc":"A128GCM"}')}..${iv}.${ciphertext}.${tag}`);
    expect(decoded.error).toBeNull();
    expect(decoded.issues).toEqual([]);
    expect(decoded.segments[1]).toMatchObject({ role: 'encryptedKey', byteLength: 0 });
  });

  it('warns about an empty encrypted key when alg wraps a key', () => {
    const decoded = decodeToken(`${protectedHeader}..${iv}.${ciphertext}.${tag}`);
    expect(decoded.error).toBeNull();
    expect(decoded.issues[0]?.message).toContain('encrypted key segment is empty although "alg" is "RSA-OAEP"');
  });

  it('warns about an encrypted key with alg dir', () => {
    const decoded = decodeToken(`${b64('{"alg":"dir","enc":"A128GCM"}')}.${key}.${iv}.${ciphertext}.${tag}`);
    expect(decoded.issues[0]?.message).toContain('should be empty when "alg" is "dir"');
  });

  it('warns when the protected header has no enc', () => {
    const decoded = decodeToken(`${b64('{"alg":"dir"}')}..${iv}.${ciphertext}.${tag}`);
    expect(decoded.issues[0]?.message).toContain('no "enc"');
  });

  it('names the protected header in errors', () => {
    const decoded = decodeToken(`${protectedHeader.slice(0, 3)}*${protectedHeader.slice(4)}.${key}.${iv}.${ciphertext}.${tag}`);
    expect(decoded.error?.message).toContain('Protected header segment, character 4');
  });
});

describe('robustness', () => {
  it('handles deeply nested JSON without a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const decoded = decodeToken(jws('{"alg":"HS256"}', deep));
    expect(decoded.error).toBeNull();
    expect(decoded.header).not.toBeNull();
  });

  it('never throws on non-string input passed from untyped code', () => {
    expect(() => decodeToken(undefined as unknown as string)).not.toThrow();
    expect(() => decodeToken(12 as unknown as string)).not.toThrow();
  });
});
