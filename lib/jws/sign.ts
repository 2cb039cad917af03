/**
 * Signing a payload into a compact JWS with any algorithm of the table.
 * The payload text is signed exactly as given; formatting is the caller's
 * choice (usually minified JSON).
 */
import type { ParsedKey } from '@/lib/keys/types';
import { getAlgorithm, JWS_ALGORITHM_NAMES } from './algorithms';
import { encodeBase64Url, utf8 } from './base64url';
import { checkKeyFits, keySizeWarnings } from './key-fit';
import { KeyUseError, signBytes } from './primitives';
import { t } from './messages';

export interface SignInput {
  /** The protected header; its key order is kept. */
  header: Record<string, unknown>;
  /** The exact payload text, usually JSON. */
  payload: string;
  alg: string;
  key: ParsedKey;
  /**
   * The header's exact JSON text, signed byte for byte instead of `header`
   * serialised again (spacing and member order kept). It must parse to `header`.
   */
  headerText?: string;
}

export type SignResult = { ok: true; token: string; warnings: string[] } | { ok: false; error: string };

/** Sets header.alg in place when present (keeping the user's order), else puts it first. */
function headerWithAlg(header: Record<string, unknown>, alg: string): Record<string, unknown> {
  return Object.hasOwn(header, 'alg') ? { ...header, alg } : { alg, ...header };
}

export async function signJws(input: SignInput): Promise<SignResult> {
  try {
    return await signCompact(input);
  } catch (error) {
    if (error instanceof KeyUseError) return { ok: false, error: error.message };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: t('jws.signingFailed', { reason }) };
  }
}

async function signCompact({ header, payload, alg: algName, key, headerText }: SignInput): Promise<SignResult> {
  const alg = getAlgorithm(algName);
  if (!alg) {
    return { ok: false, error: t('jws.cannotSignWith', { alg: algName, supported: JWS_ALGORITHM_NAMES.join(', ') }) };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return { ok: false, error: t('jws.signHeaderNotObject') };
  }
  const fullHeader = headerWithAlg(header, alg.name);
  const warnings: string[] = [];

  // RFC 7797: with "b64": false the payload goes into the token unencoded.
  const unencoded = fullHeader.b64 === false;
  if (unencoded) {
    if (payload.includes('.')) {
      return { ok: false, error: t('jws.signB64PayloadDot') };
    }
    const crit = fullHeader.crit;
    if (!(Array.isArray(crit) && crit.includes('b64'))) {
      warnings.push(t('jws.signB64NotInCrit'));
    }
  }

  if (headerText !== undefined && header.alg !== alg.name) {
    return { ok: false, error: t('jws.signHeaderMustNameAlg', { alg: alg.name }) };
  }
  const headerSegment = encodeBase64Url(utf8(headerText ?? JSON.stringify(fullHeader)));
  const payloadSegment = unencoded ? payload : encodeBase64Url(utf8(payload));
  const signingInput = `${headerSegment}.${payloadSegment}`;

  if (alg.family === 'none') {
    warnings.push(t('jws.signUnsecured'));
    return { ok: true, token: `${signingInput}.`, warnings };
  }

  const problem = checkKeyFits(alg, key, 'sign');
  if (problem) return { ok: false, error: problem.message };
  warnings.push(...keySizeWarnings(alg, key));

  const signature = await signBytes(alg, key.jwk, utf8(signingInput));
  return { ok: true, token: `${signingInput}.${encodeBase64Url(signature)}`, warnings };
}
