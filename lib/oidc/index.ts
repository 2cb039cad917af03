export { oidcTokenKind, type OidcTokenKind } from './kind';
export { checkIdToken } from './id-token';
export { checkAccessToken } from './access-token';
export { hashAlgorithmFor, leftHalfHash, type TokenHashAlgorithm } from './token-hash';
export type { OidcCheck, OidcCheckName, OidcCheckOptions, OidcCheckState, OidcExpected } from './types';
export { checkOidc, type OidcReport } from './check';
