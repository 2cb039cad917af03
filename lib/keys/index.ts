/** Reading, converting and generating keys: everything the user pastes becomes a JWK. */
export * from './types';
export { parseKeyText, detectKeyFormat, PRIVATE_KEY_WARNING, type ParseOptions } from './parse';
export { secretBytes } from './secret';
export { publicJwkOf } from './describe';
export { jwkToPem } from './convert';
export { jwkThumbprint } from './thumbprint';
export { generateKey, GENERATED_KEY_KINDS, type GeneratedKey, type GeneratedKeyKind } from './generate';
