import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstVisitBytes } from './assets.mjs';

const request = (finishedAt, transferred, fromServiceWorker = false) => ({ url: 'http://127.0.0.1/x', finishedAt, transferred, fromServiceWorker });

describe('firstVisitBytes', () => {
  it('counts until interactive only the responses finished by then, and in all every request, the service worker apart', () => {
    const figures = firstVisitBytes([request(10, 5000), request(120, 30_000), request(400, 70_000), request(900, 2000, true), request(null, 100)], 300);
    expect(figures).toEqual({
      interactiveAt: 300,
      untilInteractive: { requests: 2, transferred: 35_000 },
      page: { requests: 4, transferred: 105_100 },
      serviceWorker: { requests: 1, transferred: 2000 },
      total: { requests: 5, transferred: 107_100 },
    });
  });

  it('counts a response that finished exactly when the page became interactive', () => {
    expect(firstVisitBytes([request(300, 10)], 300).untilInteractive).toEqual({ requests: 1, transferred: 10 });
  });

  it('never counts more until interactive than in all, and splits the total between the page and the service worker', () => {
    const entry = fc.record({
      finishedAt: fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }), { nil: null }),
      transferred: fc.option(fc.nat(5_000_000), { nil: null }),
      fromServiceWorker: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.double({ min: 0, max: 10_000, noNaN: true }), (requests, interactiveAt) => {
        const figures = firstVisitBytes(requests, interactiveAt);
        expect(figures.untilInteractive.transferred).toBeLessThanOrEqual(figures.total.transferred);
        expect(figures.untilInteractive.requests).toBeLessThanOrEqual(figures.total.requests);
        expect(figures.page.requests + figures.serviceWorker.requests).toBe(requests.length);
        expect(figures.page.transferred + figures.serviceWorker.transferred).toBe(figures.total.transferred);
      }),
    );
  });
});
