/**
 * Encrypting from the encoder's inputs: a plaintext, a JWE "alg" and "enc",
 * key text (a public key, a JWK, a secret, or a PBES2 password) and the
 * header members the user typed. Every failure is a sentence naming the input.
 */
import { encryptJwe, jweAlgorithm, jweEncryption, DEFAULT_PBES2_COUNT } from '@/lib/jwe';
import { fitKey } from '@/lib/jwe/key-fit';
import { readKeyText, type ParsedKey, type SecretEncoding } from '@/lib/keys';
import { t } from './messages';

export interface EncryptTextInput {
  plaintext: string;
  alg: string;
  enc: string;
  /** Key text as pasted, or the password for PBES2. */
  key: string;
  secretEncoding: SecretEncoding;
  /** PBES2 iteration count; default 10,000. */
  p2c?: number;
  /** More protected header members (typ, kid, cty…); alg and enc are set from the choices, in place. */
  header?: Record<string, unknown>;
}

export type EncryptTextResult = { ok: true; token: string; keyDescription?: string } | { ok: false; error: string };

/** Highest PBES2 count offered: verifiers refuse more (jose by default above 10,000; this app above 1,000,000). */
export const MAX_P2C = 1_000_000;

/** The header with alg and enc set: in place when present, else first (alg, enc). */
export function jweHeaderOf(header: Record<string, unknown>, alg: string, enc: string): Record<string, unknown> {
  const withAlg = Object.hasOwn(header, 'alg') ? { ...header, alg } : { alg, ...header };
  if (Object.hasOwn(withAlg, 'enc')) return { ...withAlg, enc };
  const entries = Object.entries(withAlg);
  const at = entries.findIndex(([name]) => name === 'alg') + 1;
  entries.splice(at, 0, ['enc', enc]);
  return Object.fromEntries(entries);
}

export async function encryptFromText(input: EncryptTextInput): Promise<EncryptTextResult> {
  const alg = jweAlgorithm(input.alg);
  if (!alg) return { ok: false, error: t('encoder.notJweAlg', { alg: input.alg }) };
  if (!alg.supported) return { ok: false, error: t('encoder.cannotBeUsed', { name: alg.name, reason: alg.unsupportedReason ?? t('encoder.noImplementation') }) };
  const enc = jweEncryption(input.enc);
  if (!enc) return { ok: false, error: t('encoder.notJweEnc', { enc: input.enc }) };
  if (!enc.supported) return { ok: false, error: t('encoder.cannotBeUsed', { name: enc.name, reason: enc.unsupportedReason ?? t('encoder.noImplementation') }) };

  const header = { ...jweHeaderOf(input.header ?? {}, alg.name, enc.name), alg: alg.name, enc: enc.name };
  if (alg.mode === 'password') {
    const p2c = input.p2c ?? DEFAULT_PBES2_COUNT;
    if (!Number.isSafeInteger(p2c) || p2c < 1000 || p2c > MAX_P2C) {
      return { ok: false, error: t('encoder.p2cRange', { min: 1000, max: MAX_P2C }) };
    }
    if (input.key === '') return { ok: false, error: t('encoder.needsPassword', { alg: alg.name }) };
    const result = await encryptJwe({ protectedHeader: { ...header, p2c }, plaintext: input.plaintext, key: { password: input.key } });
    return result.ok ? { ...result, keyDescription: t('encoder.thePassword') } : result;
  }

  if (input.key.trim() === '') return { ok: false, error: encryptionKeyNeeded(alg.name) };
  const parsed = await readKeyText(input.key, { secretEncoding: input.secretEncoding });
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  // Of several keys (a JWKS), the first that fits.
  let chosen: ParsedKey | undefined;
  let reason = t('encoder.noUsableKey');
  for (const key of parsed.keys) {
    const fit = fitKey(key, alg, enc, null, 'encrypt');
    if (fit.ok) {
      chosen = key;
      break;
    }
    reason = fit.reason;
  }
  if (!chosen) return { ok: false, error: reason };
  const result = await encryptJwe({ protectedHeader: header, plaintext: input.plaintext, key: chosen });
  return result.ok ? { ...result, keyDescription: chosen.description } : result;
}

/** "<alg> needs <what to paste>": the recipient's public key, not the private key that decrypts. One sentence, for word order. */
export function encryptionKeyNeeded(algName: string): string {
  const alg = jweAlgorithm(algName);
  const kind = !alg
    ? 'other'
    : alg.mode === 'key-encryption'
      ? 'rsa'
      : alg.mode === 'key-agreement' || alg.mode === 'key-agreement-wrap'
        ? 'ecdh'
        : alg.mode === 'password'
          ? 'password'
          : alg.mode === 'direct'
            ? 'direct'
            : 'wrap';
  return t('encoder.needsKey', { alg: alg?.name ?? algName, kind, bits: String(alg?.secretBits ?? '') });
}
