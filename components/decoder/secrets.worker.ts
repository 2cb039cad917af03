// Tries the well-known secrets against an HMAC token off the main thread.
import { findWellKnownSecret } from '@/lib/secrets/try-secrets';

export interface SecretTrialRequest {
  id: number;
  token: string;
}

self.onmessage = async (event: MessageEvent<SecretTrialRequest>) => {
  const { id, token } = event.data;
  try {
    self.postMessage({ id, result: await findWellKnownSecret(token) });
  } catch (error) {
    self.postMessage({ id, result: { ok: false, error: error instanceof Error ? error.message : String(error) } });
  }
};
