// A 10 MB HAR file is read in slices short enough to keep a page responsive, and every
// token in it is found.

import { describe, expect, it } from 'vitest';
import { findTokens, findTokensInSlices, findTokensStepwise } from './index';
import { encodeBase64urlText } from '@/lib/token/base64url';

function jws(n: number): string {
  const header = encodeBase64urlText(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: `k${n}` }));
  const payload = encodeBase64urlText(JSON.stringify({ sub: `user-${n}`, iat: 1767225600 + n }));
  return `${header}.${payload}.${encodeBase64urlText('s'.repeat(32))}`;
}

/** A HAR of about `bytes` characters; each entry carries three distinct tokens in a header, a query and a base64 JSON body. */
function makeHar(bytes: number): { text: string; tokens: string[] } {
  const tokens: string[] = [];
  const entries: unknown[] = [];
  const filler = 'lorem ipsum dolor sit amet, '.repeat(200);
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const [a, b, c] = [jws(3 * i), jws(3 * i + 1), jws(3 * i + 2)];
    tokens.push(a, b, c);
    const body = JSON.stringify({ id_token: c, note: filler, items: Array.from({ length: 20 }, (_, k) => ({ k, v: 'x'.repeat(20) })) });
    const entry = {
      startedDateTime: '2026-12-04T10:00:00.000Z',
      time: 1,
      request: {
        method: 'GET',
        url: `https://api.example.com/items/${i}?access_token=${b}&page=${i}`,
        httpVersion: 'HTTP/1.1',
        headers: [
          { name: 'Authorization', value: `Bearer ${a}` },
          { name: 'Accept', value: 'application/json' },
        ],
        cookies: [],
        queryString: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        cookies: [],
        content: { size: body.length, mimeType: 'application/json', text: i % 2 === 0 ? body : btoa(body), ...(i % 2 === 0 ? {} : { encoding: 'base64' }) },
        redirectURL: '',
        headersSize: -1,
        bodySize: body.length,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 1 },
    };
    const json = JSON.stringify(entry);
    size += json.length;
    entries.push(entry);
  }
  return { text: JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }), tokens };
}

describe('a 10 MB HAR', () => {
  it('is read in many slices, and every token is found', async () => {
    const { text, tokens } = makeHar(10 * 1024 * 1024);
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    // How long a slice takes is for the benchmark to judge (this machine is shared); here the
    // point is that the work is cut into slices at all and that slicing loses nothing.
    const slices: number[] = [];
    const found = await findTokensInSlices(text, { sliceBudgetMs: 16, onSlice: (ms) => slices.push(ms), maxTokens: 100_000 });
    console.log(`10 MB HAR: ${slices.length} slices, longest ${Math.max(...slices).toFixed(1)} ms, total ${slices.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
    expect(slices.length).toBeGreaterThan(10);
    expect(found.map((t) => t.token).sort()).toEqual([...tokens].sort());
    const sample = found.find((t) => t.token === tokens[5])!;
    expect(sample.places[0]!.source.path).toBe('$.log.entries[1].response.content.text → $.id_token');
    expect(sample.places[0]!.source.har).toEqual({ entry: 1, side: 'response', url: expect.stringContaining('/items/1?') as string });
  }, 180_000);

  it('gives the event loop a turn between slices', async () => {
    const { text } = makeHar(1024 * 1024);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await findTokensInSlices(text, { sliceBudgetMs: 1 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it("uses the browser's scheduler.yield() when there is one", async () => {
    const { text } = makeHar(300_000);
    let yields = 0;
    const holder = globalThis as { scheduler?: unknown };
    holder.scheduler = { yield: () => (yields++, Promise.resolve()) };
    try {
      await findTokensInSlices(text, { sliceBudgetMs: 0 });
    } finally {
      delete holder.scheduler;
    }
    expect(yields).toBeGreaterThan(1);
  });

  it('the stepwise generator takes many short steps to the same result', () => {
    const { text } = makeHar(1024 * 1024);
    const steps = findTokensStepwise(text);
    let count = 0;
    let step = steps.next();
    while (!step.done) {
      count++;
      step = steps.next();
    }
    // About 16 K characters of text per step.
    expect(count).toBeGreaterThan(text.length / 65_536);
    expect(step.value).toEqual(findTokens(text));
  });

  it('stops at maxTokens distinct tokens', () => {
    const { text } = makeHar(200_000);
    expect(findTokens(text, { maxTokens: 5 })).toHaveLength(5);
  });
});
