/** Small readers shared by the rules: values in tokens are untrusted `unknown`s. */
import { normalizeTyp } from '../../claims/validate';

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The header's typ, normalised per RFC 7515 §4.1.9 ("application/at+jwt" is "at+jwt"). */
export function typOf(header: Record<string, unknown> | null): string | undefined {
  const typ = str(header?.typ);
  return typ === undefined ? undefined : normalizeTyp(typ);
}

/**
 * Whether the token looks like an OAuth access token: typed as one (RFC 9068),
 * or carrying what access tokens carry (scopes, a client, Cognito's or Keycloak's marker).
 */
export function looksLikeAccessToken(header: Record<string, unknown> | null, payload: Record<string, unknown>): boolean {
  if (typOf(header) === 'at+jwt') return true;
  if (payload.token_use === 'access' || payload.typ === 'Bearer') return true;
  if (payload.nonce !== undefined || payload.token_use === 'id' || payload.typ === 'ID') return false;
  return payload.scope !== undefined || payload.scp !== undefined || payload.client_id !== undefined;
}

/** Quotes a value from the token for a sentence, cut short so a hostile token cannot flood the UI. */
export function quote(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${cut}"`;
}
