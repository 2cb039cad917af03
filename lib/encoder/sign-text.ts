/**
 * Signing what the user typed into the encoder: header and payload JSON text,
 * an algorithm and key text. Every failure comes back as a sentence that says
 * which input is wrong and where, so the view can show it beside the output.
 */
import { checkKeyFits, getAlgorithm, JWS_ALGORITHM_NAMES, signJws } from '@/lib/jws';
import { readKeyText, type ParsedKey, type SecretEncoding } from '@/lib/keys';
import { isJsonObject, parseJsonText } from './json-text';
import { t } from './messages';

export interface SignTextInput {
  header: string;
  payload: string;
  alg: string;
  key: string;
  secretEncoding: SecretEncoding;
  /** Sign the header and payload text exactly as typed (base64url of these bytes), not re-serialised. */
  asTyped?: boolean;
}

/** Which input stops signing. */
export type SignProblemSource = 'header' | 'payload' | 'alg' | 'key' | 'encryption';

export type SignTextResult =
  | { ok: true; token: string; warnings: string[]; keyDescription?: string }
  | { ok: false; source: SignProblemSource; error: string; offset?: number };

/** Picks the key to sign with: of several (a JWKS), the first that fits the algorithm. */
function pickKey(keys: readonly ParsedKey[], fits: (key: ParsedKey) => boolean): ParsedKey | undefined {
  return keys.find(fits) ?? keys[0];
}

export async function signFromText(input: SignTextInput): Promise<SignTextResult> {
  const header = parseJsonText(input.header);
  if (!header.ok) return { ok: false, source: 'header', error: t('encoder.headerNotJson', { problem: header.error.message }), offset: header.error.offset };
  if (!isJsonObject(header.value)) return { ok: false, source: 'header', error: t('encoder.jwsHeaderNotObject') };

  const payload = parseJsonText(input.payload);
  if (!payload.ok) return { ok: false, source: 'payload', error: t('encoder.payloadNotJson', { problem: payload.error.message }), offset: payload.error.offset };

  const alg = getAlgorithm(input.alg);
  if (!alg) return { ok: false, source: 'alg', error: t('encoder.algUnknown', { alg: input.alg, names: JWS_ALGORITHM_NAMES.join(', ') }) };
  const headerAlg = header.value.alg;
  if (headerAlg !== undefined && headerAlg !== alg.name) {
    return {
      ok: false,
      source: 'header',
      error: typeof headerAlg === 'string' ? t('encoder.headerAlgUnknown', { alg: headerAlg }) : t('encoder.headerAlgNotString'),
    };
  }

  if (input.asTyped && headerAlg === undefined) {
    return { ok: false, source: 'header', error: t('encoder.headerMustNameAlg', { alg: alg.name }) };
  }

  const warnings: string[] = [];
  if (!isJsonObject(payload.value)) warnings.push(t('encoder.payloadNotObject'));

  let key: ParsedKey | undefined;
  if (alg.family !== 'none') {
    if (input.key.trim() === '') return { ok: false, source: 'key', error: t('encoder.needsSigningKey', { alg: alg.name, family: alg.family === 'HMAC' ? 'HMAC' : 'other' }) };
    const parsed = await readKeyText(input.key, { secretEncoding: input.secretEncoding });
    if (!parsed.ok) return { ok: false, source: 'key', error: parsed.error.message, offset: parsed.error.offset };
    key = pickKey(parsed.keys, (candidate) => checkKeyFits(alg, candidate, 'sign') === undefined);
    if (!key) return { ok: false, source: 'key', error: t('encoder.noUsableKey') };
    const problem = checkKeyFits(alg, key, 'sign');
    if (problem) return { ok: false, source: 'key', error: problem.message };
  }

  // The payload is signed as compact JSON (what most libraries emit), or exactly as typed when asked.
  const result = await signJws({
    header: header.value,
    payload: input.asTyped ? input.payload : JSON.stringify(payload.value),
    alg: alg.name,
    key: key ?? NO_KEY,
    ...(input.asTyped ? { headerText: input.header } : {}),
  });
  if (!result.ok) return { ok: false, source: 'key', error: result.error };
  return { ok: true, token: result.token, warnings: [...warnings, ...result.warnings], keyDescription: key?.description };
}

// alg "none" signs with nothing; signJws still takes a key argument.
const NO_KEY: ParsedKey = { jwk: { kty: 'oct', k: '' }, publicJwk: { kty: 'oct', k: '' }, visibility: 'secret', description: 'no key', bits: 0 };
