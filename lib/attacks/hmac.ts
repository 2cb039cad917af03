/**
 * HMAC-SHA-256 (RFC 2104) on SHA-256 from WebCrypto. WebCrypto refuses an
 * empty HMAC key, which the kid path-traversal variant needs.
 */
const BLOCK = 64;

export async function hmacSha256(key: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const digest = async (bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const block = new Uint8Array(BLOCK);
  block.set(key.length > BLOCK ? await digest(key) : key);
  const inner = new Uint8Array(BLOCK + message.length);
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, BLOCK);
  outer.set(await digest(inner), BLOCK);
  return digest(outer);
}
