// Finds tokens in whatever a user pastes or drops: headers, cookies, curl commands, raw HTTP
// messages, JSON (token responses, JSON log lines), URLs, form bodies, log lines, HAR files.
//
// - findTokens(text) returns FoundToken[] in the order first found; findTokensInSlices does the
//   same in short slices with a turn of the event loop between them (for large files);
//   findTokensStepwise is the underlying generator.
// - A token found more than once is listed once with all its places (places[0] is the first).
// - A token is a run of base64url, '.' and '~' that is whole on its own: characters glued to it
//   make a different string, which is not reported; dots before it and after it are tolerated.
// - A token cut short is reported with `truncated` (the part that was cut, the offset) and
//   whatever could be decoded.

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
export { FIND_IN_SLICES_CHARS, describeTruncation, foundTokensApply, needsFinding, textBeforeCut, tokenBeingDecoded, type OpenedState } from './opened-token';
