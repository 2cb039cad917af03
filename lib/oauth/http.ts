// One HTTP exchange as a value: what was sent and what came back, so a page can
// show an HTTP log. A browser gives no response at all when CORS refuses one
// (fetch rejects with a TypeError), which is reported as "blocked".

import { t } from './messages';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** application/x-www-form-urlencoded text, for a POST. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export type Exchange =
  | { blocked: false; request: HttpRequest; response: HttpResponse }
  /** fetch rejected without a response: in a browser, most often CORS or an unreachable host. */
  | { blocked: true; request: HttpRequest; message: string };

export type Fetch = typeof fetch;

export interface SendOptions {
  fetch?: Fetch;
}

/** A form body with the given fields, in order. */
export function formBody(fields: Record<string, string | undefined>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  return form.toString();
}

/**
 * Sends a request. Never throws: a rejected fetch becomes `{ blocked: true }`. A POST
 * is not sent on to wherever a redirect points: it carries a code or a token.
 */
export async function send(request: HttpRequest, options: SendOptions = {}): Promise<Exchange> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: request.method === 'GET' ? 'follow' : 'manual' });
  } catch (error) {
    return { blocked: true, request, message: error instanceof Error ? error.message : String(error) };
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    return { blocked: true, request, message: t('oauth.bodyUnreadable', { reason: error instanceof Error ? error.message : String(error) }) };
  }
  return { blocked: false, request, response: { status: response.status, headers, body } };
}

/** The JSON object in a response body, or null when the body is not one. */
export function jsonObjectOf(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
