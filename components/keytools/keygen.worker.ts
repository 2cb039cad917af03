// Key generation off the main thread, so a 4096-bit RSA key never freezes the page.
import { generateKey, type GeneratedKeyKind } from '@/lib/keys/generate';

export interface KeygenRequest {
  id: number;
  kind: GeneratedKeyKind;
}

self.onmessage = async (event: MessageEvent<KeygenRequest>) => {
  const { id, kind } = event.data;
  try {
    const key = await generateKey(kind);
    self.postMessage({ id, ok: true, key });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
