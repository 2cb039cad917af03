/**
 * One GET straight from the browser to the URL: no cookies, no referrer, no cache,
 * nothing from the token. Failures become one sentence.
 */
import type { FetchedUrl } from './types';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A JWKS or discovery document is a few KB; refuse to hold anything huge. */
const MAX_BYTES = 5_000_000;

export type JsonFetch =
  | { ok: true; json: unknown }
  | { ok: false; error: string; kind: 'network' | 'timeout' | 'status' | 'not-json' | 'too-large' };

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function seconds(ms: number): string {
  const s = ms / 1000;
  const shown = Number(s.toFixed(2));
  return `${shown} second${shown === 1 ? '' : 's'}`;
}

function startOf(text: string): string {
  const start = text.trim().slice(0, 30).replace(/\s+/g, ' ');
  return start.length === 0 ? 'it is empty' : `it starts with "${start}${text.trim().length > 30 ? '…' : ''}"`;
}

export async function fetchJson(
  url: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
  fetched: FetchedUrl[],
): Promise<JsonFetch> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const entry: FetchedUrl = { url, status: null, ok: false };
  fetched.push(entry);
  try {
    const response = await fetchImpl(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    entry.status = response.status;
    entry.ok = response.ok;
    if (response.redirected && response.url && response.url !== url) {
      // Show where the redirect led, too.
      fetched.push({ url: response.url, status: response.status, ok: response.ok });
    }
    if (!response.ok) {
      const text = response.statusText || STATUS_TEXT[response.status] || '';
      return { ok: false, kind: 'status', error: `${url} answered HTTP ${response.status}${text ? ` (${text})` : ''}.` };
    }
    const body = await response.text();
    if (body.length > MAX_BYTES) {
      return { ok: false, kind: 'too-large', error: `The response from ${url} is larger than 5 MB, which is not a key set.` };
    }
    try {
      return { ok: true, json: JSON.parse(body) as unknown };
    } catch {
      return { ok: false, kind: 'not-json', error: `The response from ${url} is not JSON (${startOf(body)}).` };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      return { ok: false, kind: 'timeout', error: `${url} did not answer within ${seconds(timeoutMs)}.` };
    }
    // fetch rejects with a TypeError for CORS refusals and unreachable hosts alike.
    const detail = error instanceof TypeError ? '' : ` (${error instanceof Error ? error.message : String(error)})`;
    return {
      ok: false,
      kind: 'network',
      error: `The browser blocked the request to ${url} or could not reach the host${detail}; the server may not allow cross-origin requests (CORS), or it may be down.`,
    };
  } finally {
    clearTimeout(timer);
  }
}
