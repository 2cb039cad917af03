// Loaded when the key tools hand a new pair to the encoder, not with the page:
// the header helpers it needs are encoder code.
import { withHeaderAlg } from '@/lib/encoder/header-alg';
import type { EncoderSecretEncoding, EncoderState } from './encoder-state';

/** The state with a new signing key and an algorithm that fits it, the header's alg kept in step. */
export function encoderWithKey(previous: EncoderState, key: string, alg: string, secretEncoding: EncoderSecretEncoding = 'utf8'): EncoderState {
  return { ...previous, key, alg, secretEncoding, header: withHeaderAlg(previous.header, alg) };
}
