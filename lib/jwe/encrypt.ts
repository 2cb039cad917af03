/** Making a compact JWE for the encoder, as a result value. */
import { CompactEncrypt, type JWEKeyManagementHeaderParameters, type JWK } from 'jose';
import { jweAlgorithm, jweEncryption } from './algorithms';
import { base64UrlToBytes, utf8Bytes } from './bytes';
import { fitKey } from './key-fit';
import type { EncryptInput, EncryptResult } from './types';
import { t } from './messages';

/**
 * PBES2 iterations when the header sets none. jose's decrypt refuses more than
 * 10,000 by default, so a higher default would make tokens other apps reject.
 */
export const DEFAULT_PBES2_COUNT = 10_000;

/** Header members that jose computes itself or takes as key management inputs. */
const COMPUTED = ['epk', 'iv', 'tag', 'p2c', 'p2s', 'apu', 'apv'];

function keyManagementParameters(
  header: Record<string, unknown>,
  mode: string,
): JWEKeyManagementHeaderParameters | string {
  const parameters: JWEKeyManagementHeaderParameters = {};
  for (const name of ['apu', 'apv', 'p2s'] as const) {
    const value = header[name];
    if (value === undefined) continue;
    const bytes = typeof value === 'string' ? base64UrlToBytes(value) : null;
    if (!bytes) return t('jwe.paramNotBase64url', { name });
    parameters[name] = bytes;
  }
  if (mode === 'password') {
    const p2c = header.p2c ?? DEFAULT_PBES2_COUNT;
    if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < 1) {
      return t('jwe.p2cNotPositive');
    }
    parameters.p2c = p2c;
    if (parameters.p2s && parameters.p2s.length < 8) return t('jwe.p2sTooShort');
  }
  return parameters;
}

export async function encryptJwe(input: EncryptInput): Promise<EncryptResult> {
  const { protectedHeader, plaintext, key } = input;
  const alg = jweAlgorithm(protectedHeader.alg);
  if (!alg) return { ok: false, error: t('jwe.encryptUnknownAlg', { alg: protectedHeader.alg }) };
  if (!alg.supported) return { ok: false, error: t('jwe.encryptUnsupported', { name: alg.name, reason: alg.unsupportedReason ?? t('jwe.noImplementation') }) };
  const enc = jweEncryption(protectedHeader.enc);
  if (!enc) return { ok: false, error: t('jwe.encryptUnknownEnc', { enc: protectedHeader.enc }) };
  if (!enc.supported) return { ok: false, error: t('jwe.encryptUnsupported', { name: enc.name, reason: enc.unsupportedReason ?? t('jwe.noImplementation') }) };
  if (protectedHeader.zip !== undefined && protectedHeader.zip !== 'DEF') {
    return { ok: false, error: t('jwe.onlyDef') };
  }

  let keyInput: Uint8Array | JWK;
  if ('password' in key) {
    if (alg.mode !== 'password') return { ok: false, error: t('jwe.needsNotPassword', { alg: alg.name, needed: alg.keyNeeded }) };
    if (key.password === '') return { ok: false, error: t('jwe.enterPasswordToEncrypt') };
    keyInput = utf8Bytes(key.password);
  } else {
    const fit = fitKey(key, alg, enc, null, 'encrypt');
    if (!fit.ok) return { ok: false, error: fit.reason };
    keyInput = fit.keyInput;
  }

  const parameters = keyManagementParameters(protectedHeader, alg.mode);
  if (typeof parameters === 'string') return { ok: false, error: parameters };
  const header = Object.fromEntries(Object.entries(protectedHeader).filter(([name]) => !COMPUTED.includes(name)));

  try {
    const encryptor = new CompactEncrypt(utf8Bytes(plaintext)).setProtectedHeader(header as typeof protectedHeader);
    if (Object.keys(parameters).length > 0) encryptor.setKeyManagementParameters(parameters);
    return { ok: true, token: await encryptor.encrypt(keyInput) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: t('jwe.encryptionFailed', { reason: message }) };
  }
}
