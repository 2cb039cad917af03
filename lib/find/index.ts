export { findTokens, findTokensInSlices, findTokensStepwise } from './find';
export { describeSource } from './describe';
export type {
  FindOptions,
  FoundKind,
  FoundToken,
  HarPlace,
  SdJwtParts,
  SliceOptions,
  SourceType,
  TokenPart,
  TokenPlace,
  TokenSource,
  Truncation,
} from './types';
