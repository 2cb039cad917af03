/**
 * Security notes about a decoded token, one small rule each, after RFC 8725
 * (JWT Best Current Practices). Rules read only the token and what the user
 * entered; none fetches anything or throws.
 */
import type { DecodedForFindings, Finding, FindingContext, Rule, Severity } from './types';
import { algMissing, algNone, hmacSharedSecret, hmacWithPublicKey, pbes2Count, rsa15Encryption, weakSecret } from './rules/algorithm';
import { missingAud, missingIss, untypedAccessToken } from './rules/audience';
import { critical, unencodedPayload, zipInJwe, zipInJws } from './rules/extensions';
import { embeddedCertificate, embeddedJwk, jkuHeader, kidInjection, x5uHeader } from './rules/key-sources';
import { personalData, secretsInPayload } from './rules/privacy';
import { expired, iatInFuture, longLifetime, missingExp } from './rules/time';

/** Every rule, in the order its notes are listed within one severity. */
export const RULES: readonly Rule[] = [
  algNone,
  algMissing,
  hmacWithPublicKey,
  weakSecret,
  secretsInPayload,
  jkuHeader,
  x5uHeader,
  embeddedJwk,
  kidInjection,
  zipInJws,
  unencodedPayload,
  critical,
  rsa15Encryption,
  pbes2Count,
  zipInJwe,
  missingExp,
  longLifetime,
  missingAud,
  missingIss,
  untypedAccessToken,
  embeddedCertificate,
  iatInFuture,
  personalData,
  hmacSharedSecret,
  expired,
];

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** The rules that read the clock: cheap, and the only ones worth running again as time passes. */
export const CLOCK_RULES: ReadonlySet<Rule> = new Set([iatInFuture, expired]);

/**
 * What every rule that does not read the clock says, in RULES order (null for
 * the clock rules). The walk over the claims runs here, once per token and key;
 * `withClock` then adds the clock rules on every tick.
 */
export function clockFreeResults(decoded: DecodedForFindings, context: FindingContext = {}): readonly (Finding | null)[] {
  return RULES.map((rule) => (CLOCK_RULES.has(rule) ? null : rule(decoded, context)));
}

/** The notes that apply at `context.now`, from results `clockFreeResults` computed before, most severe first. */
export function withClock(decoded: DecodedForFindings, fixed: readonly (Finding | null)[], context: FindingContext = {}): Finding[] {
  const out: Finding[] = [];
  RULES.forEach((rule, index) => {
    const found = CLOCK_RULES.has(rule) ? rule(decoded, context) : (fixed[index] ?? null);
    if (found) out.push(found);
  });
  // Array.prototype.sort is stable, so the table order holds within a severity.
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** The notes that apply to this token, most severe first. */
export function findings(decoded: DecodedForFindings, context: FindingContext = {}): Finding[] {
  return withClock(decoded, clockFreeResults(decoded, context), context);
}
