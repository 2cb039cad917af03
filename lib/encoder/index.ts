/** The encoder's logic: JSON text edits, header/alg sync, signing from typed text, keys for the decoder, key conversion. */
export { lineColumn, parseJsonText, isJsonObject, topLevelMembers, setMember, type JsonTextProblem, type JsonTextResult, type MemberSpan, type SetMemberResult } from './json-text';
export { headerAlgOf, withHeaderAlg } from './header-alg';
export { parseSpan, type SpanResult } from './time-span';
export { algForKey } from './alg-for-key';
export { signFromText, type SignTextInput, type SignTextResult, type SignProblemSource } from './sign-text';
export { decoderKeyFor, type DecoderKeyResult } from './decoder-key';
export { convertKeyText, type ConvertTarget, type ConvertResult } from './key-convert';
