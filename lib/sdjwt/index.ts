export { looksLikeSdJwt, splitSdJwt } from './split';
export type { SdJwtLayout, SdJwtPart } from './split';
export { decodeDisclosure, RESERVED_CLAIM_NAMES } from './disclosure';
export { isSupportedSdAlg, sdDigest, SUPPORTED_SD_ALGS } from './digest';
export { analyseSdJwt } from './process';
export { verifyKeyBinding } from './key-binding';
export type { KeyBindingCheck, KeyBindingResult, KeyBindingState } from './key-binding';
export type { DecodedDisclosure, DisclosureReport, JsonValue, SdAlg, SdJwtAnalysis, SdProblem } from './types';
