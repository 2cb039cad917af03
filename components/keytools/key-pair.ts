/** A key ready for both views: the private key (or secret) for the encoder, the public key for the decoder. */
export interface KeyPair {
  privateKey: string;
  publicKey: string;
  /** An algorithm that fits the key. */
  alg: string;
  secretEncoding: 'utf8' | 'base64url';
}
