import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToRawEcdsa } from './der';

describe('DER ECDSA signatures', () => {
  it.each([
    ['P-256', 32],
    ['P-384', 48],
    ['P-521', 66],
  ] as const)('converts Node\'s DER output on %s to an r‖s signature Node accepts as ieee-p1363', (curve, size) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
    // Twenty signatures: some have r or s with a leading zero byte or a high bit, which DER encodes differently.
    for (let i = 0; i < 20; i++) {
      const message = Buffer.from(`message ${i}`);
      const der = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
      const raw = derToRawEcdsa(der, size);
      expect(raw?.length).toBe(size * 2);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw!)).toBe(true);
    }
  });

  it('rejects bytes that are not a DER sequence of two integers', () => {
    expect(derToRawEcdsa(new Uint8Array(64), 32)).toBeUndefined();
    expect(derToRawEcdsa(Uint8Array.from([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00]), 32)).toBeUndefined(); // trailing byte
    expect(derToRawEcdsa(Uint8Array.from([0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01]), 32)).toBeUndefined(); // negative r
    expect(derToRawEcdsa(Uint8Array.from([0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01]), 32)).toBeUndefined(); // non-minimal r
  });

  it('left-pads short integers', () => {
    const raw = derToRawEcdsa(Uint8Array.from([0x30, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x07]), 4);
    expect(Array.from(raw ?? [])).toEqual([0, 0, 0, 5, 0, 0, 0, 7]);
  });
});
