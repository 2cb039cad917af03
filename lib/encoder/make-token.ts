/**
 * What the encoder makes: a signed token (JWS), an encrypted one (JWE) whose
 * plaintext is the payload, or a nested JWT: signed, then encrypted with
 * "cty": "JWT" (RFC 7519 §5.2).
 */
import { encryptFromText } from './encrypt-text';
import { isJsonObject, parseJsonText } from './json-text';
import { signFromText, type SignTextInput, type SignTextResult } from './sign-text';
import type { SecretEncoding } from '@/lib/keys';
import { t } from './messages';

export type EncoderOutput = 'jws' | 'jwe' | 'nested';

export interface EncryptionChoice {
  alg: string;
  enc: string;
  /** The recipient's key (public key, JWK, secret) or the PBES2 password. */
  key: string;
  secretEncoding: SecretEncoding;
  p2c?: number;
}

export interface MakeTokenInput extends SignTextInput {
  output: EncoderOutput;
  encryption: EncryptionChoice;
}

/** As signing's result; `inner` is the signed token inside a nested one. */
export type MakeTokenResult = SignTextResult & { inner?: string };

export async function makeToken(input: MakeTokenInput): Promise<MakeTokenResult> {
  if (input.output === 'jws') return signFromText(input);
  const { encryption } = input;

  if (input.output === 'nested') {
    const signed = await signFromText(input);
    if (!signed.ok) return signed;
    const outer = await encryptFromText({ ...encryption, plaintext: signed.token, header: { cty: 'JWT' } });
    if (!outer.ok) return { ok: false, source: 'encryption', error: outer.error };
    return { ok: true, token: outer.token, warnings: signed.warnings, keyDescription: signed.keyDescription, inner: signed.token };
  }

  // A JWE alone: the header editor's members are the protected header, with alg and enc as chosen.
  const header = parseJsonText(input.header);
  if (!header.ok) return { ok: false, source: 'header', error: t('encoder.headerNotJson', { problem: header.error.message }), offset: header.error.offset };
  if (!isJsonObject(header.value)) return { ok: false, source: 'header', error: t('encoder.jweHeaderNotObject') };
  const payload = parseJsonText(input.payload);
  if (!payload.ok) return { ok: false, source: 'payload', error: t('encoder.payloadNotJson', { problem: payload.error.message }), offset: payload.error.offset };
  const plaintext = input.asTyped ? input.payload : JSON.stringify(payload.value);
  const encrypted = await encryptFromText({ ...encryption, plaintext, header: header.value });
  if (!encrypted.ok) return { ok: false, source: 'encryption', error: encrypted.error };
  return { ok: true, token: encrypted.token, warnings: [], keyDescription: encrypted.keyDescription };
}
