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
    return { state: 'error', message: `Verification failed unexpectedly: ${reason}`, warnings: [] };
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
    return { state: 'error', message: `Verification failed unexpectedly: ${reason}`, warnings: [] };
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
    return outcome('error', 'The header has no "alg", so there is no way to tell how the token was signed (RFC 7515 §4.1.1).');
  }
  if (typeof algName !== 'string') {
    return outcome('error', `The header's "alg" must be a string; it is ${JSON.stringify(algName)}.`);
  }
  if (algName === 'none') return unsecuredOutcome(jws);
  const alg = getAlgorithm(algName);
  if (!alg) return outcome('error', unsupportedAlgMessage(algName));

  const critical = checkCritical(jws.header);
  if (critical) return outcome('invalid', critical);
  if (!jws.b64 && jws.payloadSegment === '') {
    return outcome('error', 'The payload is detached ("b64": false with an empty payload part): the signature covers a payload that is not in the token, so it cannot be checked here.');
  }

  let given = keys;
  const warnings: string[] = [];
  if (given.length === 0) {
    const embedded = options.allowEmbeddedJwk ? embeddedJwkKey(jws.header.jwk) : undefined;
    if (!embedded) return outcome('unverified', unverifiedMessage(alg, jws.header));
    given = [embedded];
    warnings.push(
      'The key came from the token\'s own header ("jwk"). Anyone can embed their own key, so a match only shows the token was not changed after it was signed with that key, not who signed it; trust it only if the key is one you already trust.',
    );
  }

  return verifyWithCandidates(alg, jws, given, warnings, options.keyFormat);
}

function unsecuredOutcome(jws: CompactJws): VerifyOutcome {
  let message =
    'This token is unsecured (alg "none"): there is no signature to verify, so anyone could have written or changed it. ' +
    'Accepting such tokens lets an attacker forge any claims by dropping the signature and setting alg to "none"; ' +
    'verifiers must reject them unless unsecured tokens were explicitly agreed for that use (RFC 8725 §3.1).';
  if (jws.signature.length > 0) {
    message +=
      ` Yet it carries a ${jws.signature.length}-byte signature, which an unsecured token must not have (RFC 7518 §3.6): ` +
      'it looks like a signed token whose alg was switched to "none".';
  }
  return outcome('invalid', message);
}

function unsupportedAlgMessage(algName: string): string {
  if (algName.toLowerCase() === 'none') {
    return (
      `"${algName}" is not an algorithm: alg values are case-sensitive (RFC 7515 §4.1.1) and the unsecured one is spelled "none". ` +
      'Spellings like this are used to slip unsigned tokens past verifiers that compare case-insensitively.'
    );
  }
  if (JWE_ALGORITHMS.has(algName)) {
    return `"${algName}" is a JWE key-management algorithm, not a signature algorithm, yet this token has the three parts of a signed token (JWS).`;
  }
  return `The token's algorithm "${algName}" is not one this tool can verify. Supported: ${JWS_ALGORITHM_NAMES.filter((name) => name !== 'none').join(', ')}.`;
}

function unverifiedMessage(alg: JwsAlgorithm, header: Record<string, unknown>): string {
  let message = `No key yet: give ${requiredKey(alg, 'verify')} to check this ${alg.name} signature.`;
  if (header.jwk !== undefined || header.x5c !== undefined) {
    const where = header.jwk !== undefined ? 'a key ("jwk")' : 'a certificate chain ("x5c")';
    message += ` The header carries ${where}, but a key the token brings along proves nothing unless it is, or chains to, a key you trust.`;
  }
  return message;
}

function keyLabel(candidate: Candidate, total: number): string {
  const kid = keyKid(candidate.key);
  const kidPart = kid !== undefined ? ` (kid "${kid}")` : '';
  if (total === 1) return `the ${candidate.key.description}${kidPart}`;
  // Number keys as the user sees them in their JWKS, which may hold keys lib/keys skipped.
  const position = candidate.key.index ?? candidate.index;
  const skipped = position !== candidate.index;
  return skipped ? `key ${position + 1} in the set${kidPart}` : `key ${position + 1} of ${total}${kidPart}`;
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
      warnings.push(`No key has the token's kid "${kid}"; trying the keys that fit ${alg.name} instead.`);
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
        message: `Signature verified with ${keyLabel(candidate, total)}${total === 1 ? '' : `: ${candidate.key.description}`} (${alg.name}).`,
        usedKey: usedKey(candidate),
        triedKeys: tried.length,
        warnings: [...warnings, ...keySizeWarnings(alg, candidate.key), ...declaredUseWarnings(alg, candidate.key.jwk)],
      };
    }
  }

  const firstFailure = failures[0];
  if (tried.length === 0 && firstFailure) {
    return outcome('error', `${capitalise(keyLabel(firstFailure.candidate, total))} cannot be used: ${firstFailure.message.charAt(0).toLowerCase()}${firstFailure.message.slice(1)}`, { warnings, usedKey: usedKey(firstFailure.candidate), triedKeys: 0 });
  }
  return invalidOutcome(alg, jws, tried, total, warnings);
}

function noFittingKey(alg: JwsAlgorithm, checked: { candidate: Candidate; problem: KeyFitProblem }[], total: number, matchedKid: string | undefined, warnings: string[]): VerifyOutcome {
  const keyConfusion = checked.every((entry) => entry.problem.keyConfusion === true);
  const first = checked[0];
  if (checked.length === 1 && first) {
    const prefix = matchedKid !== undefined && total > 1 ? `The key with the token's kid "${matchedKid}" does not fit. ` : '';
    return outcome('error', prefix + first.problem.message, { warnings, keyConfusion: keyConfusion || undefined, usedKey: usedKey(first.candidate), triedKeys: 0 });
  }
  const listing = checked.map((entry) => `${keyLabel(entry.candidate, total)} is ${withArticle(entry.candidate.key.description)}`).join('; ');
  let message = `None of the ${checked.length} keys fits ${alg.name}, which needs ${requiredKey(alg, 'verify')}: ${listing}.`;
  if (keyConfusion) {
    message +=
      ` Checking an HMAC token against public keys is the classic key-confusion attack (RFC 8725 §2.1): an attacker signs a forged ${alg.name} token with a public key as the HMAC secret. ` +
      'The signature was not checked.';
  }
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
  const message =
    `The signature is DER-encoded (an ASN.1 sequence of r and s, ${jws.signature.length} bytes), the default output of OpenSSL, Java and Node; ` +
    `JOSE requires the raw r‖s form, exactly ${alg.signatureBytes ?? 0} bytes for ${alg.name} (RFC 7518 §3.4), so the token is invalid. ` +
    (verifiesConverted
      ? 'Converted to r‖s it does verify with this key: the signer needs to output the JOSE form (for example dsaEncoding: "ieee-p1363" in Node).'
      : 'Even converted to r‖s it does not verify with the key given.');
  return outcome('invalid', message, { warnings, triedKeys: candidates.length });
}

function invalidOutcome(alg: JwsAlgorithm, jws: CompactJws, tried: Candidate[], total: number, warnings: string[]): VerifyOutcome {
  const only = tried.length === 1 ? tried[0] : undefined;
  let message = only
    ? `The signature does not match ${keyLabel(only, total)}: the token was signed with a different key, or its header or payload was changed after signing.`
    : `None of the ${tried.length} keys that fit ${alg.name} verifies the signature: the token was signed with another key, or its header or payload was changed after signing.`;
  const expected = only ? expectedSignatureBytes(alg, verificationJwk(only.key)) : alg.signatureBytes;
  if (jws.signature.length === 0) {
    message += ' The token has no signature at all (its third part is empty).';
  } else if (expected !== undefined && jws.signature.length !== expected) {
    message += ` The signature is ${jws.signature.length} bytes long, but ${alg.name} with this key makes ${expected}-byte signatures.`;
  }
  if (jws.b64 && jws.payloadSegment === '') {
    message += ' The payload part is empty: if the payload was sent separately (detached content, RFC 7515 Appendix F), it has to be put back before verifying.';
  }
  const extraWarnings = only ? [...keySizeWarnings(alg, only.key), ...declaredUseWarnings(alg, only.key.jwk)] : [];
  return outcome('invalid', message, { warnings: [...warnings, ...extraWarnings], usedKey: only ? usedKey(only) : undefined, triedKeys: tried.length });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
