// The small naming and formatting helpers the decoder's messages are built from.
import { describe, expect, it } from 'vitest';
import { toHex } from './hex';
import { isPlainObject, kindOfJson } from './json-kind';
import { joinWords, nothingToDecodeIssue, strippedInputNote } from './pasted-input-notes';
import { JWE_ROLES, JWS_ROLES, rolesForSegments, segmentLabel } from './segment-roles';

describe('kindOfJson and isPlainObject', () => {
  it('name each kind of JSON value so that "it is …" reads well', () => {
    expect([null, [1], 's', 1, true, false, {}].map(kindOfJson)).toEqual(['null', 'an array', 'a string', 'a number', 'the literal true', 'the literal false', 'not an object']);
  });

  it('count only objects as objects', () => {
    expect([null, [], 'x', 1, {}].map(isPlainObject)).toEqual([false, false, false, false, true]);
  });
});

describe('toHex', () => {
  it('writes two lowercase digits per byte, separated by spaces', () => {
    expect(toHex(new Uint8Array([0, 10, 255]))).toBe('00 0a ff');
    expect(toHex(new Uint8Array([]))).toBe('');
  });
});

describe('pasted input notes', () => {
  it('join the removed parts as a sentence would', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('tell a blank input from one that had only wrapping around it', () => {
    expect(nothingToDecodeIssue(true, [], 3)).toMatchObject({ severity: 'error', message: expect.stringContaining('paste a token'), offset: 3, length: 0 });
    expect(nothingToDecodeIssue(false, ['surrounding quotes'], 1).message).toBe('Nothing is left to decode after removing surrounding quotes');
  });

  it('note what was removed as information, not as a problem', () => {
    expect(strippedInputNote(["the 'Bearer ' prefix"], 7)).toEqual({
      severity: 'info',
      message: "Removed the 'Bearer ' prefix before decoding; the token itself is unchanged",
      informational: true,
      offset: 7,
      length: 0,
    });
  });
});

describe('segment roles', () => {
  it('read 5 segments as a JWE, and a wrong count as a JWE only when the header has "enc"', () => {
    expect(rolesForSegments(3, true)).toBe(JWS_ROLES);
    expect(rolesForSegments(5, false)).toBe(JWE_ROLES);
    expect(rolesForSegments(4, true)).toBe(JWE_ROLES);
    expect(rolesForSegments(4, false)).toBe(JWS_ROLES);
  });

  it('label the header of a JWE its protected header', () => {
    expect(segmentLabel('header')).toBe('Header');
    expect(segmentLabel('header', true)).toBe('Protected header');
    expect(segmentLabel('encryptedKey', true)).toBe('Encrypted key');
  });
});
