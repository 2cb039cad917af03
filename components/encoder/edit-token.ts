// The decoder's token and key as the encoder's state, for "Edit and re-sign"; loaded when the button is used.
import { editFromToken } from '@/lib/encoder/from-token';
import type { SecretEncoding } from '@/lib/keys/types';
import type { EncoderState } from './encoder-state';

export async function encoderForToken(decoder: { token: string; key: string; secretEncoding: SecretEncoding }): Promise<{ ok: true; state: Partial<EncoderState> } | { ok: false; error: string }> {
  const result = await editFromToken(decoder.token, decoder.key, decoder.secretEncoding);
  if (!result.ok) return result;
  const { edit } = result;
  return {
    ok: true,
    state: {
      header: edit.header,
      payload: edit.payload,
      alg: edit.alg,
      key: edit.key,
      secretEncoding: edit.secretEncoding,
      asTyped: true,
      edit: { note: edit.keyNote, needs: edit.needs },
    },
  };
}
