export { decodeToken } from './decode';
export type { DecodedHeader, DecodedToken, PayloadView, SegmentRole, TokenIssue, TokenSegment } from './types';
export { base64urlByteLength, decodeBase64url, encodeBase64url, encodeBase64urlText } from './base64url';
export type { Base64urlDecodeResult, Base64urlError, Base64urlProblem } from './base64url';
export { scanJson } from './json-scan';
export type { DuplicateMember, JsonScanResult, JsonSyntaxError, UnsafeInteger } from './json-scan';
export { stripPastedInput } from './normalise';
export type { StrippedInput } from './normalise';
