// The curl command equivalent to a token-endpoint request. Every value goes in as one
// single-quoted word; a client secret never appears, it is read from $CLIENT_SECRET
// inside double quotes (expanded once, never split or re-read as code).

import { shellCanCarry, shellSingleQuote } from '@/lib/snippets/quote';
import { t } from './messages';

export const SECRET_VARIABLE = 'CLIENT_SECRET';

export interface CurlSpec {
  url: string;
  /** Form fields, sent url-encoded by curl in this order. */
  form: [name: string, value: string][];
  headers?: [name: string, value: string][];
  /** Add client_secret=$CLIENT_SECRET to the form (client_secret_post). */
  secret?: boolean;
}

export type CurlResult = { ok: true; command: string } | { ok: false; message: string };

// curl reads "name@file" in --data-urlencode as a file: a name holds neither '@' nor '='.
const FIELD_NAME = /^[A-Za-z0-9_.~-]+$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function curlCommand(spec: CurlSpec): CurlResult {
  const values = [spec.url, ...spec.form.flat(), ...(spec.headers ?? []).flat()];
  if (!values.every(shellCanCarry)) return { ok: false, message: t('oauth.curlCannotCarry') };
  for (const [name] of spec.form) if (!FIELD_NAME.test(name)) return { ok: false, message: `${JSON.stringify(name)} cannot be a form field name in a curl command` };
  for (const [name, value] of spec.headers ?? []) {
    if (!HEADER_NAME.test(name)) return { ok: false, message: `${JSON.stringify(name)} is not a header name` };
    if (/[\r\n]/.test(value)) return { ok: false, message: `The ${name} header value has a line break` };
  }
  const lines = ['curl --silent --show-error --request POST'];
  // --url: a URL starting with "-" stays a URL.
  lines.push(`--url ${shellSingleQuote(spec.url)}`);
  for (const [name, value] of spec.headers ?? []) lines.push(`--header ${shellSingleQuote(`${name}: ${value}`)}`);
  for (const [name, value] of spec.form) lines.push(`--data-urlencode ${shellSingleQuote(`${name}=${value}`)}`);
  if (spec.secret) lines.push(`--data-urlencode "client_secret=$${SECRET_VARIABLE}"`);
  return { ok: true, command: lines.join(' \\\n  ') };
}

const dpopHeader = (proof?: string): [string, string][] => (proof === undefined ? [] : [['DPoP', proof]]);

export function codeExchangeCurl(tokenEndpoint: string, p: { clientId: string; code: string; redirectUri: string; codeVerifier: string; dpopProof?: string }): CurlResult {
  return curlCommand({
    url: tokenEndpoint,
    headers: dpopHeader(p.dpopProof),
    form: [
      ['grant_type', 'authorization_code'],
      ['code', p.code],
      ['redirect_uri', p.redirectUri],
      ['code_verifier', p.codeVerifier],
      ['client_id', p.clientId],
    ],
  });
}

export function refreshCurl(tokenEndpoint: string, p: { clientId: string; refreshToken: string; scope?: string; dpopProof?: string }): CurlResult {
  return curlCommand({
    url: tokenEndpoint,
    headers: dpopHeader(p.dpopProof),
    form: [['grant_type', 'refresh_token'], ['refresh_token', p.refreshToken], ...(p.scope === undefined ? [] : [['scope', p.scope] as [string, string]]), ['client_id', p.clientId]],
  });
}

export function revocationCurl(revocationEndpoint: string, p: { clientId: string; token: string; tokenTypeHint?: string }): CurlResult {
  return curlCommand({
    url: revocationEndpoint,
    form: [['token', p.token], ...(p.tokenTypeHint === undefined ? [] : [['token_type_hint', p.tokenTypeHint] as [string, string]]), ['client_id', p.clientId]],
  });
}

/** Needs a confidential client: the secret comes from $CLIENT_SECRET. */
export function clientCredentialsCurl(tokenEndpoint: string, p: { clientId: string; scope?: string }): CurlResult {
  return curlCommand({
    url: tokenEndpoint,
    form: [['grant_type', 'client_credentials'], ...(p.scope === undefined ? [] : [['scope', p.scope] as [string, string]]), ['client_id', p.clientId]],
    secret: true,
  });
}

/** RFC 8693 token exchange by a confidential client. */
export function tokenExchangeCurl(
  tokenEndpoint: string,
  p: { clientId: string; subjectToken: string; subjectTokenType: string; audience?: string; requestedTokenType?: string },
): CurlResult {
  const optional: [string, string][] = [];
  if (p.audience !== undefined) optional.push(['audience', p.audience]);
  if (p.requestedTokenType !== undefined) optional.push(['requested_token_type', p.requestedTokenType]);
  return curlCommand({
    url: tokenEndpoint,
    form: [
      ['grant_type', 'urn:ietf:params:oauth:grant-type:token-exchange'],
      ['subject_token', p.subjectToken],
      ['subject_token_type', p.subjectTokenType],
      ...optional,
      ['client_id', p.clientId],
    ],
    secret: true,
  });
}

/** RFC 7662 introspection by a confidential client (a resource server). */
export function introspectionCurl(introspectionEndpoint: string, p: { clientId: string; token: string; tokenTypeHint?: string }): CurlResult {
  return curlCommand({
    url: introspectionEndpoint,
    form: [['token', p.token], ...(p.tokenTypeHint === undefined ? [] : [['token_type_hint', p.tokenTypeHint] as [string, string]]), ['client_id', p.clientId]],
    secret: true,
  });
}
