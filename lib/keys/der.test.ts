import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, base64urlDecode, base64urlEncode, hexDecode, hexEncode } from './base64';
import { TAG, encode, encodeOid, encodeSequence, encodeUnsigned, readNode, readOid, readUnsigned, readWhole, sequence } from './der';

describe('DER reader and writer', () => {
  it('round-trips OIDs, including large arcs', () => {
    for (const oid of ['1.2.840.113549.1.1.1', '1.3.101.112', '2.5.4.3', '1.2.840.10045.3.1.7', '2.999.3']) {
      expect(readOid(readWhole(encodeOid(oid)), 'OID')).toBe(oid);
    }
    expect(Buffer.from(encodeOid('1.2.840.10045.2.1')).toString('hex')).toBe('06072a8648ce3d0201');
  });

  it('writes unsigned integers minimally, with a sign byte when the top bit is set', () => {
    expect(Buffer.from(encodeUnsigned(Uint8Array.of(0, 0, 0x7f))).toString('hex')).toBe('02017f');
    expect(Buffer.from(encodeUnsigned(Uint8Array.of(0x80))).toString('hex')).toBe('02020080');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        const read = readUnsigned(readWhole(encodeUnsigned(bytes)), 'n');
        let i = 0;
        while (i < bytes.length - 1 && bytes[i] === 0) i++;
        expect(Buffer.from(read).equals(Buffer.from(bytes.subarray(i)))).toBe(true);
      }),
    );
  });

  it('uses long-form lengths beyond 127 bytes', () => {
    const content = new Uint8Array(300);
    const der = encode(TAG.OCTET_STRING, content);
    expect(Buffer.from(der.subarray(0, 4)).toString('hex')).toBe('0482012c');
    expect(readWhole(der).content).toHaveLength(300);
  });

  it('reads nested sequences', () => {
    const der = encodeSequence(encodeOid('1.3.101.112'), encodeSequence(encodeUnsigned(Uint8Array.of(5))));
    const [oid, inner] = sequence(readWhole(der), 'outer');
    expect(readOid(oid, 'OID')).toBe('1.3.101.112');
    expect(readUnsigned(sequence(inner, 'inner')[0], 'n')).toEqual(Uint8Array.of(5));
  });

  it('says when data is cut off, has trailing bytes, or uses indefinite lengths', () => {
    expect(() => readWhole(Uint8Array.of(0x30, 0x05, 0x02, 0x01))).toThrow(/cut off/);
    expect(() => readWhole(Uint8Array.of(0x05, 0x00, 0x00))).toThrow(/1 unexpected bytes after its end/);
    expect(() => readNode(Uint8Array.of(0x30, 0x80, 0x00, 0x00))).toThrow(/indefinite length/);
    expect(() => sequence(readWhole(Uint8Array.of(0x05, 0x00)), 'public key info')).toThrow('Expected the public key info (SEQUENCE) but found NULL.');
  });
});

describe('base64, base64url and hex', () => {
  it('agree with Node for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const buf = Buffer.from(bytes);
        expect(base64urlEncode(bytes)).toBe(buf.toString('base64url'));
        expect(base64Encode(bytes)).toBe(buf.toString('base64'));
        expect(hexEncode(bytes)).toBe(buf.toString('hex'));
        const u = base64urlDecode(buf.toString('base64url'));
        const b = base64Decode(buf.toString('base64'));
        const h = hexDecode(buf.toString('hex'));
        expect(u.ok && Buffer.from(u.bytes).equals(buf)).toBe(true);
        expect(b.ok && Buffer.from(b.bytes).equals(buf)).toBe(true);
        expect(h.ok && Buffer.from(h.bytes).equals(buf)).toBe(true);
      }),
    );
  });

  it('refuse impossible lengths and misplaced padding', () => {
    expect(base64urlDecode('abcde')).toMatchObject({ ok: false, offset: 5 });
    expect(base64Decode('ab=c')).toMatchObject({ ok: false, offset: 3 });
  });
});
