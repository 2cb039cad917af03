/** Fetching a JWKS, or discovering it from an issuer, only when the user asks. */
import { DEFAULT_TIMEOUT_MS, fetchJson } from './request';
import type { FetchedUrl, JwksFetchOptions, JwksFetchResult } from './types';
import { checkFetchUrl, discoveryUrls } from './urls';
import { t } from './messages';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function settings(options: JwksFetchOptions) {
  return {
    fetchImpl: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    allowHttp: options.allowHttp ?? false,
  };
}

async function fetchKeySet(url: string, options: JwksFetchOptions, fetched: FetchedUrl[]): Promise<JwksFetchResult> {
  const { fetchImpl, timeoutMs, allowHttp } = settings(options);
  const checked = checkFetchUrl(url, allowHttp);
  if (!checked.ok) return { ok: false, error: checked.error, fetched };
  const result = await fetchJson(checked.url.href, fetchImpl, timeoutMs, fetched, allowHttp);
  if (!result.ok) return { ok: false, error: result.error, fetched };
  const json = result.json;
  if (!isObject(json) || !Array.isArray(json.keys)) {
    const singleJwk = isObject(json) && typeof json.kty === 'string';
    return { ok: false, error: singleJwk ? t('jwks.noKeysArraySingleJwk', { url: checked.url.href }) : t('jwks.noKeysArray', { url: checked.url.href }), fetched };
  }
  return { ok: true, jwksText: JSON.stringify(json, null, 2), keyCount: json.keys.length, fetched };
}

/** Fetches a JWKS from the URL the user entered. Only the URL is sent. */
export async function fetchJwks(url: string, options: JwksFetchOptions = {}): Promise<JwksFetchResult> {
  return fetchKeySet(url, options, []);
}

/**
 * Finds an issuer's JWKS: its OpenID Connect or OAuth 2.0 metadata document,
 * whose "issuer" must equal the one asked for, then that document's "jwks_uri".
 */
export async function discoverJwks(issuer: string, options: JwksFetchOptions = {}): Promise<JwksFetchResult> {
  const fetched: FetchedUrl[] = [];
  const { fetchImpl, timeoutMs, allowHttp } = settings(options);
  const checked = checkFetchUrl(issuer, allowHttp);
  if (!checked.ok) return { ok: false, error: checked.error, fetched };
  if (checked.url.search || checked.url.hash) {
    return { ok: false, error: t('jwks.issuerHasQuery'), fetched };
  }

  const failures: string[] = [];
  for (const url of discoveryUrls(checked.url)) {
    const result = await fetchJson(url, fetchImpl, timeoutMs, fetched, allowHttp);
    if (!result.ok) {
      // CORS and timeouts hit both URLs on the same host alike: say so at once.
      if (result.kind === 'network' || result.kind === 'timeout') return { ok: false, error: result.error, fetched };
      failures.push(result.kind === 'status' ? `HTTP ${fetched.at(-1)?.status ?? '?'}` : t('jwks.failureNotJson'));
      continue;
    }
    const document = result.json;
    if (!isObject(document)) {
      failures.push(t('jwks.failureNotObject'));
      continue;
    }
    if (document.issuer !== issuer.trim()) {
      return {
        ok: false,
        error: t('jwks.issuerMismatch', { url, named: JSON.stringify(document.issuer ?? null), issuer: issuer.trim() }),
        fetched,
      };
    }
    if (typeof document.jwks_uri !== 'string' || document.jwks_uri === '') {
      return { ok: false, error: t('jwks.noJwksUri', { url }), fetched };
    }
    return fetchKeySet(document.jwks_uri, options, fetched);
  }
  const [first, second] = discoveryUrls(checked.url);
  return {
    ok: false,
    error: t('jwks.noDiscoveryDocument', { issuer: issuer.trim(), first, second, firstFailure: failures[0] ?? '?', secondFailure: failures[1] ?? '?' }),
    fetched,
  };
}
