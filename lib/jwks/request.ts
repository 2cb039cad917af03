/**
 * One GET straight from the browser to the URL: no cookies, no referrer, no cache,
 * nothing from the token. Failures become one sentence.
 */
import type { FetchedUrl } from './types';
import { checkFetchUrl } from './urls';
import { t } from './messages';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A JWKS or discovery document is a few KB; refuse to read more than this. */
export const MAX_BODY_BYTES = 1024 * 1024;

function mebibytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
}

type BodyRead = { ok: true; text: string } | { ok: false; declared?: number };

/**
 * Reads the body as a stream and stops (cancelling the rest) as soon as it passes the cap,
 * so an endless or huge answer never fills memory. A declared Content-Length over the cap
 * is refused before reading anything.
 */
async function readCapped(response: Response, cap: number): Promise<BodyRead> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, declared };
  }
  if (response.body === null) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}

export type JsonFetch =
  | { ok: true; json: unknown }
  | { ok: false; error: string; kind: 'network' | 'timeout' | 'status' | 'not-json' | 'too-large' | 'insecure-redirect' };

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
  return t('jwks.seconds', { count: shown, n: String(shown) });
}

function startOf(text: string): string {
  const start = text.trim().slice(0, 30).replace(/\s+/g, ' ');
  return start.length === 0 ? t('jwks.responseEmpty') : t('jwks.responseStartsWith', { start: `${start}${text.trim().length > 30 ? '…' : ''}` });
}

export async function fetchJson(
  url: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
  fetched: FetchedUrl[],
  allowHttp = false,
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
    // Where the redirects ended must pass the same rule as the URL asked for.
    if (response.url && response.url !== url && !checkFetchUrl(response.url, allowHttp).ok) {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        kind: 'insecure-redirect',
        error: t('jwks.insecureRedirect', { url, target: response.url }),
      };
    }
    if (!response.ok) {
      const text = response.statusText || STATUS_TEXT[response.status] || '';
      const status = String(response.status);
      return { ok: false, kind: 'status', error: text ? t('jwks.httpStatusWithText', { url, status, text }) : t('jwks.httpStatus', { url, status }) };
    }
    const read = await readCapped(response, MAX_BODY_BYTES);
    if (!read.ok) {
      const error =
        read.declared !== undefined
          ? t('jwks.declaredTooLarge', { url, size: mebibytes(read.declared), limit: mebibytes(MAX_BODY_BYTES) })
          : t('jwks.tooLarge', { url, limit: mebibytes(MAX_BODY_BYTES) });
      return { ok: false, kind: 'too-large', error };
    }
    const body = read.text;
    try {
      return { ok: true, json: JSON.parse(body) as unknown };
    } catch {
      return { ok: false, kind: 'not-json', error: t('jwks.notJson', { url, start: startOf(body) }) };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      return { ok: false, kind: 'timeout', error: t('jwks.timeout', { url, duration: seconds(timeoutMs) }) };
    }
    // fetch rejects with a TypeError for CORS refusals and unreachable hosts alike.
    const detail = error instanceof TypeError ? '' : error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      kind: 'network',
      error: detail ? t('jwks.blockedWithDetail', { url, detail }) : t('jwks.blocked', { url }),
    };
  } finally {
    clearTimeout(timer);
  }
}
