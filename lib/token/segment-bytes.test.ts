import { describe, expect, it } from 'vitest';
import { createDecodeContext } from './decode-context';
import { binarySegmentLength, decodeSegmentBytes, describeSegmentPosition } from './segment-bytes';

describe('describeSegmentPosition', () => {
  it('counts from 1 and adds the place in the input when the segment does not start it', () => {
    const ctx = createDecodeContext('');
    expect(describeSegmentPosition(ctx, 'header', { text: 'abc', start: 0 }, 2)).toBe('Header segment, character 3');
    expect(describeSegmentPosition(ctx, 'payload', { text: 'abc', start: 10 }, 0)).toBe('Payload segment, character 1 (character 11 of the input)');
    expect(describeSegmentPosition(ctx, 'extra', { text: 'abc', start: 10 }, 1)).toBe('Extra segment, character 2 (character 12 of the input)');
  });

  it('calls the header of a JWE its protected header', () => {
    expect(describeSegmentPosition(createDecodeContext('', true), 'header', { text: 'x', start: 0 }, 0)).toBe('Protected header segment, character 1');
  });
});

describe('decodeSegmentBytes', () => {
  it('returns the bytes of a valid segment without an issue', () => {
    const ctx = createDecodeContext('');
    expect(Array.from(decodeSegmentBytes(ctx, 'signature', { text: 'AQID', start: 4 }) ?? [])).toEqual([1, 2, 3]);
    expect(ctx.issues).toEqual([]);
  });

  it('locates a bad character both in the segment and in the input', () => {
    const ctx = createDecodeContext('');
    expect(decodeSegmentBytes(ctx, 'signature', { text: 'AQ+D', start: 4 })).toBeNull();
    expect(ctx.issues).toEqual([expect.objectContaining({ severity: 'error', segment: 'signature', offset: 6, length: 1, segmentOffset: 2 })]);
    expect(ctx.issues[0]!.message).toMatch(/^Signature segment, character 3 \(character 7 of the input\): '\+' is not base64url/);
  });

  it('hints that a header pasted as JSON must be base64url-encoded', () => {
    const ctx = createDecodeContext('');
    decodeSegmentBytes(ctx, 'header', { text: '{"alg":"none"}', start: 0 });
    expect(ctx.issues[0]!.message).toContain('this looks like plain JSON');
  });
});

describe('binarySegmentLength', () => {
  it('is the decoded length, 0 for an empty segment, null when the segment is not base64url', () => {
    const ctx = createDecodeContext('');
    expect(binarySegmentLength(ctx, 'tag', { text: 'AQIDBA', start: 0 })).toBe(4);
    expect(binarySegmentLength(ctx, 'tag', { text: '', start: 0 })).toBe(0);
    expect(ctx.issues).toEqual([]);
    expect(binarySegmentLength(ctx, 'tag', { text: 'A', start: 0 })).toBeNull();
    expect(ctx.issues).toHaveLength(1);
  });
});
