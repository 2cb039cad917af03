/** Decrypting a compact JWE with pasted keys or a password, as a result value. */
import { compactDecrypt, type DecryptOptions as JoseDecryptOptions, type JWK } from 'jose';
import type { ParsedKey } from '@/lib/keys/types';
import { jweAlgorithm, jweEncryption, type JweAlgorithmInfo, type JweEncryptionInfo } from './algorithms';
import { utf8Bytes } from './bytes';
import { readCompactJwe, type JweHeader } from './compact';
import { fitKey, keyLabel } from './key-fit';
import { viewPlaintext } from './plaintext';
import type { DecryptionKeys, DecryptOptions, DecryptOutcome, UsedKey } from './types';
import { t } from './messages';

export const DEFAULT_MAX_PBES2_COUNT = 1_000_000;
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 10_000_000;


type Attempt =
  | { kind: 'decrypted'; plaintext: Uint8Array }
  | { kind: 'failed' } // authentication failed: wrong key or altered token
  | { kind: 'token-error'; message: string } // no key could help
  | { kind: 'key-error'; message: string }; // this key could not be used

interface Candidate {
  keyInput: Uint8Array | JWK;
  used: UsedKey;
}

function outcome(state: DecryptOutcome['state'], message: string, header?: JweHeader, warnings: string[] = []): DecryptOutcome {
  return { state, message, ...(header ? { header } : {}), warnings };
}

/** Checks "alg", "enc" and "zip" against what this app can do. */
function checkAlgorithms(header: JweHeader): { alg: JweAlgorithmInfo; enc: JweEncryptionInfo } | string {
  const alg = jweAlgorithm(header.alg);
  if (!alg) return t('jwe.unknownAlg', { alg: header.alg });
  if (!alg.supported) return t('jwe.unsupportedAlg', { alg: alg.name, reason: alg.unsupportedReason ?? t('jwe.noImplementation') });
  const enc = jweEncryption(header.enc);
  if (!enc) return t('jwe.unknownEnc', { enc: header.enc });
  if (!enc.supported) return t('jwe.unsupportedEnc', { enc: enc.name, reason: enc.unsupportedReason ?? t('jwe.noImplementation') });
  if (header.zip !== undefined && header.zip !== 'DEF') {
    return t('jwe.unsupportedZip', { zip: JSON.stringify(header.zip) });
  }
  return { alg, enc };
}

/** PBES2 cost limits, checked before any PBKDF2 work starts. */
function checkPbes2Count(header: JweHeader, max: number, warnings: string[]): string | null {
  const p2c = header.p2c;
  if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < 1) {
    return t('jwe.p2cMissing');
  }
  if (p2c > max) {
    return t('jwe.p2cTooMany', { p2c, max });
  }
  if (p2c < 1000) {
    warnings.push(t('jwe.p2cFew', { p2c, min: 1000 }));
  }
  return null;
}

function joseMessage(error: unknown): { code: string; message: string } {
  if (typeof error === 'object' && error !== null) {
    const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
    return { code: typeof code === 'string' ? code : typeof name === 'string' ? name : '', message: typeof message === 'string' ? message : String(error) };
  }
  return { code: '', message: String(error) };
}

/** One jose call that decrypts the token (compact, or one recipient of a JSON serialization) with one key. */
export type JoseDecrypt = (keyInput: Uint8Array | JWK, options: JoseDecryptOptions) => Promise<{ plaintext: Uint8Array }>;

async function attempt(run: JoseDecrypt, keyInput: Candidate['keyInput'], alg: string, enc: string, options: Required<DecryptOptions>): Promise<Attempt> {
  try {
    const { plaintext } = await run(keyInput, {
      keyManagementAlgorithms: [alg],
      contentEncryptionAlgorithms: [enc],
      maxPBES2Count: options.maxPbes2Count,
      maxDecompressedLength: options.maxDecompressedBytes,
    });
    return { kind: 'decrypted', plaintext };
  } catch (error) {
    const { code, message } = joseMessage(error);
    if (code === 'ERR_JWE_DECRYPTION_FAILED') return { kind: 'failed' };
    if (/Decompressed plaintext exceeded/.test(message)) {
      return {
        kind: 'token-error',
        message: t('jwe.decompressionBomb', { max: options.maxDecompressedBytes }),
      };
    }
    if (/decompress/i.test(message)) {
      return { kind: 'token-error', message: t('jwe.notDeflate') };
    }
    if (code === 'ERR_JWE_INVALID') return { kind: 'token-error', message: t('jwe.malformed', { reason: message }) };
    if (code === 'ERR_JOSE_NOT_SUPPORTED') return { kind: 'token-error', message: t('jwe.cannotDecryptHere', { reason: message }) };
    return { kind: 'key-error', message: t('jwe.keyCannotBeUsed', { reason: message }) };
  }
}

function passwordCandidate(password: string): Candidate {
  return { keyInput: utf8Bytes(password), used: { source: 'password', description: t('jwe.thePassword') } };
}

/** Picks the keys to try: those with the token's kid, else all; then those that fit. */
function keyCandidates(
  keys: ParsedKey[],
  header: JweHeader,
  alg: JweAlgorithmInfo,
  enc: JweEncryptionInfo,
  warnings: string[],
): Candidate[] | string {
  let pool = keys.map((key, index) => ({ key, index }));
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (kid !== undefined) {
    const byKid = pool.filter(({ key }) => (key.kid ?? key.jwk.kid) === kid);
    if (byKid.length > 0) pool = byKid;
    else if (keys.length > 1) warnings.push(t('jwe.noKeyWithKid', { kid, alg: alg.name }));
  }
  const candidates: Candidate[] = [];
  const reasons: string[] = [];
  for (const { key, index } of pool) {
    const fit = fitKey(key, alg, enc, header, 'decrypt');
    if (!fit.ok) {
      reasons.push(fit.reason);
      continue;
    }
    const keyKid = key.kid ?? key.jwk.kid;
    const used: UsedKey =
      alg.mode === 'password'
        ? { source: 'password', index, description: t('jwe.thePassword') }
        : { source: 'key', index, ...(keyKid !== undefined ? { kid: keyKid } : {}), description: keyLabel(key) };
    candidates.push({ keyInput: fit.keyInput, used });
  }
  if (candidates.length > 0) return candidates;
  if (reasons.length === 1) return reasons[0] ?? '';
  return t('jwe.noneOfKeys', { count: reasons.length, alg: alg.name, reason: reasons[0] ?? '' });
}

function decryptedWith(used: UsedKey): string {
  if (used.source === 'password') return t('jwe.decryptedWithPassword');
  return used.kid !== undefined ? t('jwe.decryptedWithKeyKid', { key: used.description, kid: used.kid }) : t('jwe.decryptedWithKey', { key: used.description });
}

/**
 * Decrypts a compact JWE. Never throws: every outcome is a state with a sentence.
 * `keys` is what the key editor parsed (a JWKS gives several), or a PBES2 password.
 */
export async function decryptJwe(token: string, keys: DecryptionKeys, options: DecryptOptions = {}): Promise<DecryptOutcome> {
  const compact = token.trim();
  const parsed = readCompactJwe(compact);
  if (!parsed.ok) return outcome('error', parsed.error);
  return decryptWithHeader(parsed.header, keys, (keyInput, joseOptions) => compactDecrypt(compact, keyInput, joseOptions), options, parsed.warnings);
}

/**
 * Decrypts with the given keys once the JOSE header is known: `run` is the jose
 * call for the serialization at hand. Never throws, like decryptJwe.
 */
export async function decryptWithHeader(header: JweHeader, keys: DecryptionKeys, run: JoseDecrypt, options: DecryptOptions = {}, notes: string[] = []): Promise<DecryptOutcome> {
  const limits: Required<DecryptOptions> = {
    maxPbes2Count: options.maxPbes2Count ?? DEFAULT_MAX_PBES2_COUNT,
    maxDecompressedBytes: options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES,
  };
  const algorithms = checkAlgorithms(header);
  if (typeof algorithms === 'string') return outcome('error', algorithms, header);
  const { alg, enc } = algorithms;
  const warnings: string[] = [...notes];

  let candidates: Candidate[];
  if (!Array.isArray(keys)) {
    if (keys.password === '') return outcome('unverified', t('jwe.enterPassword', { alg: alg.name }), header);
    if (alg.mode !== 'password') {
      return outcome('error', t('jwe.notPassword', { alg: alg.name, needed: alg.keyNeeded }), header);
    }
    candidates = [passwordCandidate(keys.password)];
  } else {
    if (keys.length === 0) return outcome('unverified', t('jwe.pasteKey', { needed: alg.keyNeeded, alg: alg.name }), header);
    const picked = keyCandidates(keys, header, alg, enc, warnings);
    if (typeof picked === 'string') return outcome('error', picked, header, warnings);
    candidates = picked;
  }

  if (alg.mode === 'password') {
    const problem = checkPbes2Count(header, limits.maxPbes2Count, warnings);
    if (problem) return outcome('error', problem, header, warnings);
  }
  if (header.zip === 'DEF') {
    warnings.push(t('jwe.zipWarning'));
  }

  let failures = 0;
  let keyError: string | null = null;
  for (const candidate of candidates) {
    const result = await attempt(run, candidate.keyInput, alg.name, enc.name, limits);
    if (result.kind === 'decrypted') {
      const view = viewPlaintext(result.plaintext, header);
      return {
        state: 'valid',
        message: decryptedWith(candidate.used),
        header,
        plaintext: view.plaintext,
        plaintextEncoding: view.plaintextEncoding,
        plaintextIsJson: view.plaintextIsJson,
        nestedJws: view.nestedJws,
        usedKey: candidate.used,
        warnings: [...warnings, ...view.warnings],
      };
    }
    if (result.kind === 'token-error') return outcome('error', result.message, header, warnings);
    if (result.kind === 'failed') failures++;
    else keyError ??= result.message;
  }
  if (failures === 0) return outcome('error', keyError ?? t('jwe.noKeyUsable'), header, warnings);
  const isPassword = candidates[0]?.used.source === 'password';
  const message = isPassword
    ? t('jwe.failedPassword')
    : candidates.length > 1
      ? t('jwe.failedEachKey', { count: candidates.length })
      : t('jwe.failedKey');
  return outcome('invalid', message, header, warnings);
}
