import type { ParsedKey } from '@/lib/keys/types';
import type { JweHeader } from './compact';

export type { JweHeader };

/** Same states as the page's `signature-status`; 'valid' means decrypted. */
export type DecryptState = 'valid' | 'invalid' | 'unverified' | 'error';

/** Which key (or the password) decrypted the token. */
export interface UsedKey {
  source: 'key' | 'password';
  /** Position in the key list that was given (for a JWKS: which key of the set). */
  index?: number;
  kid?: string;
  /** e.g. "RSA 2048-bit private key", "the password". */
  description: string;
}

export interface DecryptOutcome {
  state: DecryptState;
  /** One sentence a developer understands. */
  message: string;
  /** The protected header, once it could be read. */
  header?: JweHeader;
  /** The plaintext as UTF-8 text, or as hex when it is not valid UTF-8. */
  plaintext?: string;
  plaintextEncoding?: 'utf8' | 'hex';
  /** The plaintext is a JSON object or array (a JWT claims set, a JWKS…). */
  plaintextIsJson?: boolean;
  /** The plaintext is itself a compact JWS: a nested JWT (RFC 7519 §5.2, "cty": "JWT"). */
  nestedJws?: boolean;
  usedKey?: UsedKey;
  warnings: string[];
}

export interface DecryptOptions {
  /**
   * Highest PBES2 iteration count ("p2c") that is attempted. A hostile token can
   * ask for billions of PBKDF2 rounds and freeze the tab; default 1,000,000.
   */
  maxPbes2Count?: number;
  /** Largest plaintext a "zip": "DEF" token may inflate to, in bytes; default 10 MB. */
  maxDecompressedBytes?: number;
}

/** A password for the PBES2 algorithms, read as UTF-8. */
export interface PasswordInput {
  password: string;
}

export type DecryptionKeys = ParsedKey[] | PasswordInput;

export type EncryptionKey = ParsedKey | PasswordInput;

export interface EncryptInput {
  protectedHeader: { alg: string; enc: string; [parameter: string]: unknown };
  plaintext: string;
  key: EncryptionKey;
}

export type EncryptResult = { ok: true; token: string } | { ok: false; error: string };
