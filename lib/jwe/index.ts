export { decryptJwe, DEFAULT_MAX_PBES2_COUNT, DEFAULT_MAX_DECOMPRESSED_BYTES } from './decrypt';
export { encryptJwe, DEFAULT_PBES2_COUNT } from './encrypt';
export {
  JWE_ALGORITHMS,
  JWE_ENCRYPTIONS,
  jweAlgorithm,
  jweEncryption,
  isPasswordAlgorithm,
  type JweAlgorithmInfo,
  type JweEncryptionInfo,
  type JweKeyManagementMode,
  type JweKeyType,
} from './algorithms';
export { readCompactJwe, type CompactJweParse } from './compact';
export { isCompactJws } from './plaintext';
export type {
  DecryptOutcome,
  DecryptOptions,
  DecryptState,
  DecryptionKeys,
  EncryptInput,
  EncryptResult,
  EncryptionKey,
  JweHeader,
  PasswordInput,
  UsedKey,
} from './types';
export { decryptWithKeyText, type KeyTextOptions } from './with-key-text';
