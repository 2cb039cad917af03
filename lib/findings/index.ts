export { findings, RULES } from './findings';
export type { DecodedForFindings, Finding, FindingContext, Rule, Severity } from './types';
