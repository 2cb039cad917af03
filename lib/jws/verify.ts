/**
 * Verifying a compact JWS against the keys the user gave. The outcome is
 * only about the signature (claims are checked elsewhere) and is always a
 * value with a sentence a person understands; nothing is thrown.
 */
import type { Jwk, KeyFormat, ParsedKey } from '@/lib/keys/types';
import { CURVES, getAlgorithm, isJwsCurve, JWS_ALGORITHM_NAMES, type JwsAlgorithm } from './algorithms';
import { parseCompactJws, type CompactJws } from './compact';
import { checkCritical } from './crit';
import { derToRawEcdsa } from './der';
import { embeddedJwkKey } from './embedded-key';
import { checkKeyFits, declaredUseWarnings, keyKid, keySizeBits, keySizeWarnings, requiredKey, withArticle, type KeyFitProblem } from './key-fit';
import { KeyUseError, verifyBytes } from './primitives';
import { t } from './messages';
import { activeLocale } from '@/lib/i18n/translate';

export type SignatureState = 'valid' | 'invalid' | 'unverified' | 'error';

export interface VerifyOutcome {
  state: SignatureState;
  /** One or two sentences a person understands. */
  message: string;
  /** The key that verified (or the one key that did not); index is 0-based into the keys given. */
  usedKey?: { index: number; kid?: string; description: string };
  /** How many keys the signature was checked against. */
  triedKeys?: number;
  warnings: string[];
  /** An HMAC token was checked against an asymmetric key (RFC 8725 §2.1). */
  keyConfusion?: boolean;
}

export interface VerifyOptions {
  /** The format the keys were pasted in; it sharpens the messages. */
  keyFormat?: KeyFormat;
  /** With no keys given, verify with a "jwk" embedded in the header (with a warning that it proves nothing). */
  allowEmbeddedJwk?: boolean;
}

interface Candidate {
  key: ParsedKey;
  index: number;
}

/** Algorithms a JWE header would carry; in a three-part token they mean a mix-up, not a JWS. */
const JWE_ALGORITHMS = new Set(['RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512', 'A128KW', 'A192KW', 'A256KW', 'dir', 'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW', 'A128GCMKW', 'A192GCMKW', 'A256GCMKW', 'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW']);

export async function verifyJws(token: string, keys: ParsedKey[], options: VerifyOptions = {}): Promise<VerifyOutcome> {
  try {
    return await verifyCompact(token, keys, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { state: 'error', message: t('jws.verificationFailedUnexpectedly', { reason }), warnings: [] };
  }
}

function outcome(state: SignatureState, message: string, extra: Partial<VerifyOutcome> = {}): VerifyOutcome {
  return { state, message, warnings: [], ...extra };
}

/** Verifies a JWS already split into header, signing input and signature (one signature of a JSON serialization, for example). */
export async function verifyParsedJws(jws: CompactJws, keys: ParsedKey[], options: VerifyOptions = {}): Promise<VerifyOutcome> {
  try {
    return await verifyParsed(jws, keys, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { state: 'error', message: t('jws.verificationFailedUnexpectedly', { reason }), warnings: [] };
  }
}

async function verifyCompact(token: string, keys: ParsedKey[], options: VerifyOptions): Promise<VerifyOutcome> {
  const parsed = parseCompactJws(token);
  if (!parsed.ok) return outcome('error', parsed.error);
  return verifyParsed(parsed.jws, keys, options);
}

async function verifyParsed(jws: CompactJws, keys: ParsedKey[], options: VerifyOptions): Promise<VerifyOutcome> {
  const algName = jws.header.alg;

  if (algName === undefined) {
    return outcome('error', t('jws.noAlg'));
  }
  if (typeof algName !== 'string') {
    return outcome('error', t('jws.algNotString', { value: JSON.stringify(algName) }));
  }
  if (algName === 'none') return unsecuredOutcome(jws);
  const alg = getAlgorithm(algName);
  if (!alg) return outcome('error', unsupportedAlgMessage(algName));

  const critical = checkCritical(jws.header);
  if (critical) return outcome('invalid', critical);
  if (!jws.b64 && jws.payloadSegment === '') {
    return outcome('error', t('jws.detachedB64False'));
  }

  let given = keys;
  const warnings: string[] = [];
  if (given.length === 0) {
    const embedded = options.allowEmbeddedJwk ? embeddedJwkKey(jws.header.jwk) : undefined;
    if (!embedded) return outcome('unverified', unverifiedMessage(alg, jws.header));
    given = [embedded];
    warnings.push(t('jws.embeddedJwkWarning'));
  }

  return verifyWithCandidates(alg, jws, given, warnings, options.keyFormat);
}

function unsecuredOutcome(jws: CompactJws): VerifyOutcome {
  const message = jws.signature.length > 0 ? t('jws.unsecuredWithSignature', { bytes: String(jws.signature.length) }) : t('jws.unsecured');
  return outcome('invalid', message);
}

function unsupportedAlgMessage(algName: string): string {
  if (algName.toLowerCase() === 'none') {
    return t('jws.noneMisspelled', { alg: algName });
  }
  if (JWE_ALGORITHMS.has(algName)) {
    return t('jws.jweAlgInJws', { alg: algName });
  }
  return t('jws.unsupportedAlg', { alg: algName, supported: JWS_ALGORITHM_NAMES.filter((name) => name !== 'none').join(', ') });
}

function unverifiedMessage(alg: JwsAlgorithm, header: Record<string, unknown>): string {
  const values = { needs: requiredKey(alg, 'verify'), alg: alg.name };
  if (header.jwk !== undefined) return t('jws.noKeyYetEmbeddedJwk', values);
  if (header.x5c !== undefined) return t('jws.noKeyYetEmbeddedX5c', values);
  return t('jws.noKeyYet', values);
}

function keyLabel(candidate: Candidate, total: number): string {
  const kid = keyKid(candidate.key);
  if (total === 1) return kid !== undefined ? t('jws.keyLabelOnlyWithKid', { description: candidate.key.description, kid }) : t('jws.keyLabelOnly', { description: candidate.key.description });
  // Number keys as the user sees them in their JWKS, which may hold keys lib/keys skipped.
  const position = candidate.key.index ?? candidate.index;
  const values = { position: String(position + 1), total: String(total), kid };
  if (position !== candidate.index) return kid !== undefined ? t('jws.keyLabelInSetWithKid', values) : t('jws.keyLabelInSet', values);
  return kid !== undefined ? t('jws.keyLabelOfTotalWithKid', values) : t('jws.keyLabelOfTotal', values);
}

function usedKey(candidate: Candidate): VerifyOutcome['usedKey'] {
  return { index: candidate.index, kid: keyKid(candidate.key), description: candidate.key.description };
}

function verificationJwk(key: ParsedKey): Jwk {
  return key.jwk.kty === 'oct' ? key.jwk : key.publicJwk;
}

/** The signature size this algorithm makes with this key, when it is fixed. */
function expectedSignatureBytes(alg: JwsAlgorithm, jwk: Jwk): number | undefined {
  if (alg.signatureBytes !== undefined) return alg.signatureBytes;
  if (alg.family === 'EdDSA' && isJwsCurve(jwk.crv)) return CURVES[jwk.crv].signatureBytes;
  if (alg.family === 'RSA' || alg.family === 'RSA-PSS') return Math.ceil(keySizeBits(jwk, 0) / 8) || undefined;
  return undefined;
}

async function verifyWithCandidates(alg: JwsAlgorithm, jws: CompactJws, keys: ParsedKey[], warnings: string[], keyFormat?: KeyFormat): Promise<VerifyOutcome> {
  const total = keys.length;
  const all: Candidate[] = keys.map((key, index) => ({ key, index }));

  // The token's kid picks the key; without a match, every key that fits gets a try.
  const kid = typeof jws.header.kid === 'string' ? jws.header.kid : undefined;
  let pool = all;
  let kidMatched = false;
  if (kid !== undefined) {
    const matching = all.filter((candidate) => keyKid(candidate.key) === kid);
    if (matching.length > 0) {
      pool = matching;
      kidMatched = true;
    } else if (all.some((candidate) => keyKid(candidate.key) !== undefined)) {
      warnings.push(t('jws.kidNotFound', { kid, alg: alg.name }));
    }
  }

  const checked = pool.map((candidate) => ({ candidate, problem: checkKeyFits(alg, candidate.key, 'verify', keyFormat) }));
  const fitting = checked.filter((entry) => entry.problem === undefined).map((entry) => entry.candidate);
  if (fitting.length === 0) {
    return noFittingKey(alg, checked as { candidate: Candidate; problem: KeyFitProblem }[], total, kidMatched ? kid : undefined, warnings);
  }

  // Keys whose own alg/use agree with the token go first.
  const agrees = (candidate: Candidate) => declaredUseWarnings(alg, candidate.key.jwk).length === 0;
  const ordered = [...fitting.filter(agrees), ...fitting.filter((candidate) => !agrees(candidate))];

  if (alg.family === 'ECDSA' && jws.signature.length !== alg.signatureBytes) {
    const der = await derOutcome(alg, jws, ordered, warnings);
    if (der) return der;
  }

  const failures: { candidate: Candidate; message: string }[] = [];
  const tried: Candidate[] = [];
  for (const candidate of ordered) {
    let valid: boolean;
    try {
      valid = await verifyBytes(alg, verificationJwk(candidate.key), jws.signingInput, jws.signature);
    } catch (error) {
      if (!(error instanceof KeyUseError)) throw error;
      failures.push({ candidate, message: error.message });
      continue;
    }
    tried.push(candidate);
    if (valid) {
      return {
        state: 'valid',
        message:
          total === 1
            ? t('jws.verifiedWith', { key: keyLabel(candidate, total), alg: alg.name })
            : t('jws.verifiedWithDescribed', { key: keyLabel(candidate, total), description: candidate.key.description, alg: alg.name }),
        usedKey: usedKey(candidate),
        triedKeys: tried.length,
        warnings: [...warnings, ...keySizeWarnings(alg, candidate.key), ...declaredUseWarnings(alg, candidate.key.jwk)],
      };
    }
  }

  const firstFailure = failures[0];
  if (tried.length === 0 && firstFailure) {
    const reason = firstFailure.message;
    // English continues the sentence in lower case; other languages keep the reason as written (German nouns stay capitalised).
    const continued = activeLocale() === 'en' ? `${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : reason;
    return outcome('error', t('jws.keyCannotBeUsed', { key: capitalise(keyLabel(firstFailure.candidate, total)), reason: continued }), { warnings, usedKey: usedKey(firstFailure.candidate), triedKeys: 0 });
  }
  return invalidOutcome(alg, jws, tried, total, warnings);
}

function noFittingKey(alg: JwsAlgorithm, checked: { candidate: Candidate; problem: KeyFitProblem }[], total: number, matchedKid: string | undefined, warnings: string[]): VerifyOutcome {
  const keyConfusion = checked.every((entry) => entry.problem.keyConfusion === true);
  const first = checked[0];
  if (checked.length === 1 && first) {
    const message = matchedKid !== undefined && total > 1 ? t('jws.kidKeyDoesNotFit', { kid: matchedKid, problem: first.problem.message }) : first.problem.message;
    return outcome('error', message, { warnings, keyConfusion: keyConfusion || undefined, usedKey: usedKey(first.candidate), triedKeys: 0 });
  }
  const listing = checked.map((entry) => t('jws.keyIs', { key: keyLabel(entry.candidate, total), description: withArticle(entry.candidate.key.description) })).join('; ');
  const values = { count: String(checked.length), alg: alg.name, needs: requiredKey(alg, 'verify'), listing };
  const message = keyConfusion ? t('jws.noKeyFitsKeyConfusion', values) : t('jws.noKeyFits', values);
  return outcome('error', message, { warnings, keyConfusion: keyConfusion || undefined, triedKeys: 0 });
}

/** A DER-encoded ECDSA signature: say so, and whether it would verify once converted. */
async function derOutcome(alg: JwsAlgorithm, jws: CompactJws, candidates: Candidate[], warnings: string[]): Promise<VerifyOutcome | undefined> {
  const curve = alg.curves?.[0];
  if (!curve) return undefined;
  const raw = derToRawEcdsa(jws.signature, CURVES[curve].coordinateBytes);
  if (!raw) return undefined;
  let verifiesConverted = false;
  for (const candidate of candidates) {
    try {
      if (await verifyBytes(alg, verificationJwk(candidate.key), jws.signingInput, raw)) verifiesConverted = true;
    } catch {
      // An unusable key simply does not confirm the converted signature.
    }
    if (verifiesConverted) break;
  }
  const values = { bytes: String(jws.signature.length), expected: String(alg.signatureBytes ?? 0), alg: alg.name };
  const message = verifiesConverted ? t('jws.derSignatureVerifies', values) : t('jws.derSignatureDoesNotVerify', values);
  return outcome('invalid', message, { warnings, triedKeys: candidates.length });
}

function invalidOutcome(alg: JwsAlgorithm, jws: CompactJws, tried: Candidate[], total: number, warnings: string[]): VerifyOutcome {
  const only = tried.length === 1 ? tried[0] : undefined;
  let message = only ? t('jws.signatureDoesNotMatch', { key: keyLabel(only, total) }) : t('jws.noKeyVerifies', { count: String(tried.length), alg: alg.name });
  const expected = only ? expectedSignatureBytes(alg, verificationJwk(only.key)) : alg.signatureBytes;
  if (jws.signature.length === 0) {
    message += ` ${t('jws.noSignatureAtAll')}`;
  } else if (expected !== undefined && jws.signature.length !== expected) {
    message += ` ${t('jws.signatureWrongLength', { bytes: String(jws.signature.length), alg: alg.name, expected: String(expected) })}`;
  }
  if (jws.b64 && jws.payloadSegment === '') {
    message += ` ${t('jws.emptyPayloadPart')}`;
  }
  const extraWarnings = only ? [...keySizeWarnings(alg, only.key), ...declaredUseWarnings(alg, only.key.jwk)] : [];
  return outcome('invalid', message, { warnings: [...warnings, ...extraWarnings], usedKey: only ? usedKey(only) : undefined, triedKeys: tried.length });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
