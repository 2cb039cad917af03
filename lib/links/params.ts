import type { LinkMode, LinkState, SecretEncoding } from './types';

/** Fragment parameter names, in the stable order links are written in. */
export const LINK_PARAMS = ['mode', 'token', 'key', 'secretEncoding', 'header', 'payload', 'alg', 'signingKey', 'at', 'issuer', 'clientId', 'scope'] as const satisfies readonly (keyof LinkState)[];

const MODES: readonly LinkMode[] = ['decode', 'encode', 'flow'];
const ENCODINGS: readonly SecretEncoding[] = ['utf8', 'base64url', 'base64', 'hex'];

export function asMode(value: string | null): LinkMode | undefined {
  return MODES.find((m) => m === value);
}

export function asSecretEncoding(value: string | null): SecretEncoding | undefined {
  return ENCODINGS.find((e) => e === value);
}

/** A non-empty parameter value, or undefined. */
export function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}
