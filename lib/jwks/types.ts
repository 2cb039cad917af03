/** One request the browser made, shown to the user as-is. */
export interface FetchedUrl {
  url: string;
  /** HTTP status, or null when no response arrived (network, CORS, timeout). */
  status: number | null;
  ok: boolean;
}

export type JwksFetchResult =
  | {
      ok: true;
      /** The key set as pretty JSON, ready to paste into the key editor. */
      jwksText: string;
      keyCount: number;
      fetched: FetchedUrl[];
    }
  | {
      ok: false;
      /** One sentence. */
      error: string;
      fetched: FetchedUrl[];
    };

export interface JwksFetchOptions {
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per request; default 10 seconds. */
  timeoutMs?: number;
  /** Allow plain http:// to any host (localhost is always allowed). */
  allowHttp?: boolean;
}
