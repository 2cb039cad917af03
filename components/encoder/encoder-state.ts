// The encoder's state and its small helpers, apart from the view so the page
// can hold the state while the encoder itself loads only when opened.
import { SAMPLE_SECRET } from '@/components/decoder/sample';
import type { EncoderOutput, EncoderSecretEncoding, EncryptionState } from './encrypt-state';

export type { EncoderSecretEncoding } from './encrypt-state';

export interface EncoderState {
  header: string;
  payload: string;
  alg: string;
  key: string;
  secretEncoding: EncoderSecretEncoding;
  /** Sign the header and payload text byte for byte (set when a decoded token is opened for editing). */
  asTyped?: boolean;
  /** Set when a token was opened for editing: what is missing to re-sign it. */
  edit?: EditNote;
  /** What is made: a signed token (default), an encrypted one, or signed then encrypted. */
  output?: EncoderOutput;
  encryption?: EncryptionState;
}

export interface EditNote {
  note: string | null;
  needs: 'secret' | 'private-key' | null;
}

export const INITIAL_ENCODER: EncoderState = {
  header: '{\n  "alg": "HS256",\n  "typ": "JWT"\n}',
  payload: '{\n  "sub": "1234567890",\n  "name": "Ada Lovelace",\n  "iat": 1764201600\n}',
  alg: 'HS256',
  key: SAMPLE_SECRET,
  secretEncoding: 'utf8',
};
