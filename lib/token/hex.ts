// Bytes as spaced lowercase hex ("0a ff"), for payloads that are not text.

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  // One array join rather than string concatenation: payloads can be megabytes.
  const parts: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes[i]!]!;
  return parts.join(' ');
}
