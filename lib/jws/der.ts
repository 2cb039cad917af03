/**
 * ECDSA signatures in ASN.1 DER (`SEQUENCE { INTEGER r, INTEGER s }`), the form
 * OpenSSL, Java and Node produce by default. JOSE wants r‖s instead
 * (RFC 7518 §3.4), so a DER signature is a common, recognisable mistake.
 */

function readLength(bytes: Uint8Array, at: number): { length: number; next: number } | undefined {
  const first = bytes[at];
  if (first === undefined) return undefined;
  if (first < 0x80) return { length: first, next: at + 1 };
  if (first === 0x81) {
    const length = bytes[at + 1];
    // DER: the long form only for lengths that need it.
    return length !== undefined && length >= 0x80 ? { length, next: at + 2 } : undefined;
  }
  return undefined;
}

function readInteger(bytes: Uint8Array, at: number, size: number): { value: Uint8Array; next: number } | undefined {
  if (bytes[at] !== 0x02) return undefined;
  const header = readLength(bytes, at + 1);
  if (!header || header.length === 0) return undefined;
  const end = header.next + header.length;
  if (end > bytes.length) return undefined;
  let start = header.next;
  const firstByte = bytes[start] ?? 0;
  if (firstByte & 0x80) return undefined; // negative: not a valid r or s
  if (firstByte === 0 && header.length > 1) {
    if (((bytes[start + 1] ?? 0) & 0x80) === 0) return undefined; // non-minimal
    start++;
  }
  const magnitude = bytes.subarray(start, end);
  if (magnitude.length > size) return undefined;
  const value = new Uint8Array(size);
  value.set(magnitude, size - magnitude.length);
  return { value, next: end };
}

/** The r‖s form of a DER ECDSA signature, or undefined when the bytes are not one. */
export function derToRawEcdsa(bytes: Uint8Array, coordinateBytes: number): Uint8Array<ArrayBuffer> | undefined {
  if (bytes[0] !== 0x30) return undefined;
  const sequence = readLength(bytes, 1);
  if (!sequence || sequence.next + sequence.length !== bytes.length) return undefined;
  const r = readInteger(bytes, sequence.next, coordinateBytes);
  if (!r) return undefined;
  const s = readInteger(bytes, r.next, coordinateBytes);
  if (!s || s.next !== bytes.length) return undefined;
  const raw = new Uint8Array(coordinateBytes * 2);
  raw.set(r.value, 0);
  raw.set(s.value, coordinateBytes);
  return raw;
}
