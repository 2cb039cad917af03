import { checkAccessToken } from './access-token';
import { checkIdToken } from './id-token';
import { oidcTokenKind, type OidcTokenKind } from './kind';
import type { Json, OidcCheck, OidcCheckOptions } from './types';

export interface OidcReport {
  kind: OidcTokenKind;
  checks: OidcCheck[];
}

/** The checks for a decoded JWS, or null when it is neither an ID token nor a JWT access token (see `oidcTokenKind`). */
export async function checkOidc(header: Json | null, payload: Json | null, options: OidcCheckOptions): Promise<OidcReport | null> {
  const kind = oidcTokenKind(header, payload);
  if (kind === null || payload === null) return null;
  return { kind, checks: kind === 'id-token' ? await checkIdToken(header, payload, options) : checkAccessToken(header, payload, options) };
}
