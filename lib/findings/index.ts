export { findings, RULES, CLOCK_RULES, clockFreeResults, withClock } from './findings';
export type { DecodedForFindings, Finding, FindingContext, Rule, Severity } from './types';
