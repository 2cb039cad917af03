// What the encoder makes, and its encryption choices: apart from the view, so
// the page can hold them while the encoder itself loads only when opened.
import type { SecretEncoding } from '@/lib/keys/types';

/** How the encoder reads a secret it is given: the signing secret, or a recipient's. */
export type EncoderSecretEncoding = Extract<SecretEncoding, 'utf8' | 'base64url' | 'hex'>;

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
