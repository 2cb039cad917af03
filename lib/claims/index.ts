export { rfc, oidcCore, doc, type SpecRef } from './specs';
export {
  CLAIM_CATALOGUE,
  CLAIM_PATTERNS,
  lookupClaim,
  type ClaimInfo,
  type ClaimLocation,
  type ClaimType,
  type PatternRule,
} from './catalogue';
export {
  describeTime,
  isLikelyTimeClaim,
  lifetime,
  isoUtc,
  inDateRange,
  rawNumber,
  approximateSpan,
  exactDuration,
  type TimeDescription,
  type TimeReading,
  type TimeOptions,
  type Lifetime,
} from './time';
export {
  checkClaims,
  summarize,
  normalizeTyp,
  type CheckedClaim,
  type ClaimCheck,
  type ClaimCheckStatus,
  type ClaimCheckOptions,
  type ClaimCheckResult,
  type ClaimState,
  type ClaimSummary,
  type ExpectedClaims,
} from './validate';
export { payloadSchema, headerSchema, type JsonSchema } from './schema';
