import { describe, expect, it } from 'vitest';
import { encodeBase64urlText as b64 } from './base64url';
import { createDecodeContext } from './decode-context';
import { MAX_JSON_DEPTH } from './json-scan';
import { decodePayloadSegment } from './payload';

describe('decodePayloadSegment', () => {
  it('counts the UTF-8 bytes of an unencoded payload, which are what is signed', () => {
    const text = '{"name":"Zoë"}';
    const result = decodePayloadSegment(createDecodeContext(''), { text, start: 4 }, { alg: 'HS256', b64: false });
    expect(result.view).toMatchObject({ kind: 'text', text });
    expect(result.byteLength).toBe(15);
  });

  it('reads cty "jwt" in any case as a nested token', () => {
    const ctx = createDecodeContext('');
    const result = decodePayloadSegment(ctx, { text: b64('{"a":1}'), start: 0 }, { cty: 'jwt' });
    expect(result.view).toMatchObject({ kind: 'text', note: expect.stringContaining('nested token') });
    expect(ctx.issues).toEqual([expect.objectContaining({ severity: 'info', informational: true })]);
  });

  it('says a payload nested too deeply is shown as text, not that it is not JSON', () => {
    const deep = '{"a":' + '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1) + '}';
    const result = decodePayloadSegment(createDecodeContext(''), { text: b64(deep), start: 0 }, null);
    expect(result.view).toMatchObject({ kind: 'text', note: 'Not read as a JWT claims set: the payload nests too deeply, so it is shown as text.' });
  });

  it('notes text that does not look like JSON, but warns about text that does', () => {
    const plain = createDecodeContext('');
    decodePayloadSegment(plain, { text: b64('hello'), start: 0 }, null);
    expect(plain.issues.map((i) => i.severity)).toEqual(['info']);
    const broken = createDecodeContext('');
    decodePayloadSegment(broken, { text: b64(' {"a":'), start: 0 }, null);
    expect(broken.issues.map((i) => i.severity)).toEqual(['warning']);
  });

  it('has neither view nor length when the segment is not base64url', () => {
    const ctx = createDecodeContext('');
    expect(decodePayloadSegment(ctx, { text: 'a+b', start: 0 }, null)).toEqual({ view: null, byteLength: null });
    expect(ctx.issues[0]!.severity).toBe('error');
  });
});
