// What the encoder makes, and its encryption choices: apart from the view, so
// the page can hold them while the encoder itself loads only when opened.
import type { EncoderSecretEncoding } from './encoder-state';

export type EncoderOutput = 'jws' | 'jwe' | 'nested';

export interface EncryptionState {
  /** JWE key management algorithm. */
  alg: string;
  /** JWE content encryption. */
  enc: string;
  /** The recipient's key (public key, JWK, secret) or the PBES2 password. */
  key: string;
  secretEncoding: EncoderSecretEncoding;
  /** PBES2 iteration count. */
  p2c: number;
}

export const INITIAL_ENCRYPTION: EncryptionState = {
  alg: 'RSA-OAEP-256',
  enc: 'A256GCM',
  key: '',
  secretEncoding: 'utf8',
  p2c: 10_000,
};
