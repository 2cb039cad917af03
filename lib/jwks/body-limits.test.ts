import { describe, expect, it, vi } from 'vitest';
import { fetchJwks } from './fetch-jwks';
import { MAX_BODY_BYTES } from './request';

const JWKS = { keys: [{ kty: 'oct', kid: 'two', k: 'AAAA' }] };

/** A response whose body is a stream, with what the browser reports as its final URL. */
function streamed(chunks: Uint8Array[], init: { url?: string; headers?: Record<string, string>; onPull?: () => void } = {}): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      init.onPull?.();
      if (index < chunks.length) controller.enqueue(chunks[index++]!);
      else controller.close();
    },
  }, { highWaterMark: 0 });
  const response = new Response(body, { status: 200, headers: init.headers });
  if (init.url !== undefined) {
    Object.defineProperty(response, 'url', { value: init.url });
    Object.defineProperty(response, 'redirected', { value: true });
  }
  return response;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('key-set fetch: a byte cap on the body', () => {
  it('the cap is 1 MiB', () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const onPull = vi.fn();
    const fetchImpl = vi.fn<typeof fetch>(async () => streamed([bytes(JSON.stringify(JWKS))], { headers: { 'content-length': String(50 * 1024 * 1024) }, onPull }));
    const result = await fetchJwks('https://login.example.com/jwks', { fetch: fetchImpl });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('The response from https://login.example.com/jwks says it is 50 MiB (Content-Length), more than the 1 MiB a key set may have; it was not read.');
    expect(onPull).not.toHaveBeenCalled();
  });

  it('stops reading an endless body once it passes the cap (no Content-Length)', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(chunk);
      },
    });
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response(body, { status: 200 }));
    const result = await fetchJwks('https://login.example.com/jwks', { fetch: fetchImpl });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('The response from https://login.example.com/jwks is larger than 1 MiB, which is not a key set; reading stopped there.');
    // 1 MiB is 16 chunks; a few more may be queued ahead, but not an endless stream.
    expect(pulls).toBeLessThan(24);
  });

  it('a body exactly at the cap is read; a lying small Content-Length does not let more through', async () => {
    const json = JSON.stringify(JWKS);
    const padded = json + ' '.repeat(MAX_BODY_BYTES - json.length);
    const ok = await fetchJwks('https://login.example.com/jwks', { fetch: async () => streamed([bytes(padded.slice(0, 1000)), bytes(padded.slice(1000))]) });
    expect(ok.ok).toBe(true);
    const over = await fetchJwks('https://login.example.com/jwks', { fetch: async () => streamed([bytes(padded), bytes(' ')], { headers: { 'content-length': '10' } }) });
    expect(over.ok).toBe(false);
  });

  it('reads a key set split across chunks, with multi-byte characters cut in half', async () => {
    const text = JSON.stringify({ keys: [{ kty: 'oct', kid: 'schlüssel-é€', k: 'AAAA' }] });
    const all = bytes(text);
    const cut = all.indexOf(0xe2) + 1; // inside the euro sign
    const result = await fetchJwks('https://login.example.com/jwks', { fetch: async () => streamed([all.slice(0, cut), all.slice(cut)]) });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.jwksText).toContain('schlüssel-é€');
  });
});

describe('key-set fetch: the final URL after redirects', () => {
  it('refuses a redirect that ends on plain HTTP to another host', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => streamed([bytes(JSON.stringify(JWKS))], { url: 'http://keys.example.net/jwks' }));
    const result = await fetchJwks('https://login.example.com/jwks', { fetch: fetchImpl });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(
        'https://login.example.com/jwks redirected to http://keys.example.net/jwks, which is not HTTPS; keys fetched over plain HTTP could be swapped in transit, so the answer was not used.',
      );
    }
  });

  it('refuses a redirect to another scheme', async () => {
    const result = await fetchJwks('https://login.example.com/jwks', { fetch: async () => streamed([bytes(JSON.stringify(JWKS))], { url: 'data:application/json,{}' }) });
    expect(result.ok).toBe(false);
  });

  it('accepts a redirect to another HTTPS URL, or to http://localhost', async () => {
    for (const url of ['https://cdn.example.com/keys.json', 'http://localhost:8080/jwks', 'http://127.0.0.1/jwks']) {
      const result = await fetchJwks('https://login.example.com/jwks', { fetch: async () => streamed([bytes(JSON.stringify(JWKS))], { url }) });
      expect(result.ok, url).toBe(true);
      expect(result.fetched.map((f) => f.url)).toEqual(['https://login.example.com/jwks', url]);
    }
  });
});
