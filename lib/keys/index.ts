/**
 * Reading and converting keys: everything the user pastes becomes a JWK.
 * Generating keys is lib/keys/generate, apart, since it needs @noble/curves.
 */
export * from './types';
export { parseKeyText, readKeyText, keyTextNeedsCurveMaths, keyTextNeedsMaths, loadMathsFor, detectKeyFormat, PRIVATE_KEY_WARNING, privateKeyWarning, type ParseOptions } from './parse';
export { loadCurveMaths } from './curves';
export { secretBytes } from './secret';
export { publicJwkOf } from './describe';
export { jwkVisibility, keyTextVisibility, privateMembersOf, withoutPrivateMembers, type KeyVisibility } from './visibility';
export { jwkToPem } from './convert';
export { jwkThumbprint } from './thumbprint';
