import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRECACHE_DELAY_MS, PRECACHE_IDLE_TIMEOUT_MS, schedulePrecache, type PrecacheClock } from './precache-schedule';

/** A browser in virtual time: the test decides when the page loads, the user acts and the browser is idle. */
function fakeBrowser({ loaded = false } = {}) {
  let now = 0;
  let isLoaded = loaded;
  const loadListeners = new Set<() => void>();
  const interactionListeners = new Set<() => void>();
  const timers = new Set<{ at: number; run: () => void }>();
  const idle = new Set<() => void>();
  const clock: PrecacheClock = {
    loaded: () => isLoaded,
    onLoad: (listener) => (loadListeners.add(listener), () => loadListeners.delete(listener)),
    onInteraction: (listener) => (interactionListeners.add(listener), () => interactionListeners.delete(listener)),
    later: (milliseconds, run) => {
      const timer = { at: now + milliseconds, run };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    whenIdle: (run, timeout) => {
      const timer = { at: now + timeout, run: () => (idle.delete(once), run()) };
      const once = () => (timers.delete(timer), run());
      idle.add(once);
      timers.add(timer);
      return () => (idle.delete(once), timers.delete(timer));
    },
  };
  return {
    clock,
    get now() {
      return now;
    },
    listeners: () => loadListeners.size + interactionListeners.size + timers.size + idle.size,
    load: () => {
      isLoaded = true;
      [...loadListeners].forEach((listener) => listener());
    },
    interact: () => [...interactionListeners].forEach((listener) => listener()),
    idle: () => [...idle].forEach((run) => run()),
    advance: (milliseconds: number) => {
      const until = now + milliseconds;
      for (;;) {
        const due = [...timers].filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due);
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

function started(browser: ReturnType<typeof fakeBrowser>) {
  const starts: number[] = [];
  const cancel = schedulePrecache(browser.clock, () => starts.push(browser.now));
  return { starts, cancel };
}

describe('when the offline copy is made', () => {
  it('never while the page loads, even if the user acts at once: after the load, when the browser is idle', () => {
    const browser = fakeBrowser();
    const { starts } = started(browser);
    browser.interact();
    browser.idle();
    browser.advance(60_000 - 1);
    // No load event yet (a page still loading), whatever the time.
    expect(starts).toEqual([]);
    browser.load();
    expect(starts).toEqual([]);
    browser.idle();
    expect(starts).toHaveLength(1);
  });

  it('after a visit with no interaction: not in the first seconds, then at the first idle moment after the delay', () => {
    const browser = fakeBrowser({ loaded: true });
    const { starts } = started(browser);
    browser.idle();
    browser.advance(PRECACHE_DELAY_MS - 1);
    browser.idle();
    expect(starts).toEqual([]);
    browser.advance(1);
    expect(starts).toEqual([]);
    browser.advance(100);
    browser.idle();
    expect(starts).toEqual([PRECACHE_DELAY_MS + 100]);
  });

  it('the first interaction brings it forward to the next idle moment, and it happens once', () => {
    const browser = fakeBrowser({ loaded: true });
    const { starts } = started(browser);
    browser.advance(300);
    browser.interact();
    expect(starts).toEqual([]);
    browser.advance(200);
    browser.idle();
    expect(starts).toEqual([500]);
    browser.interact();
    browser.advance(60_000);
    browser.idle();
    expect(starts).toEqual([500]);
    // Nothing is left listening once it has started.
    expect(browser.listeners()).toBe(0);
  });

  it('a browser that is never idle still gets it, after the idle time-out', () => {
    const browser = fakeBrowser({ loaded: true });
    const { starts } = started(browser);
    browser.interact();
    browser.advance(PRECACHE_IDLE_TIMEOUT_MS);
    expect(starts).toEqual([PRECACHE_IDLE_TIMEOUT_MS]);
  });

  it('a page that goes away first cancels it and leaves no listener behind', () => {
    const browser = fakeBrowser();
    const { starts, cancel } = started(browser);
    browser.load();
    browser.interact();
    cancel();
    browser.idle();
    browser.advance(60_000);
    expect(starts).toEqual([]);
    expect(browser.listeners()).toBe(0);
  });

  it('whatever happens in whatever order: at most once, never before the load, never before an interaction or the delay', () => {
    const step = fc.oneof(
      fc.constant({ kind: 'load' as const }),
      fc.constant({ kind: 'interact' as const }),
      fc.constant({ kind: 'idle' as const }),
      fc.integer({ min: 1, max: 4000 }).map((milliseconds) => ({ kind: 'advance' as const, milliseconds })),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { maxLength: 30 }), (loadedAtStart, steps) => {
        const browser = fakeBrowser({ loaded: loadedAtStart });
        const { starts } = started(browser);
        let loadedAt: number | null = loadedAtStart ? 0 : null;
        let firstInteraction: number | null = null;
        let idleSeen = false;
        for (const action of steps) {
          const before = starts.length;
          if (action.kind === 'load' && loadedAt === null) {
            loadedAt = browser.now;
            browser.load();
          } else if (action.kind === 'interact') {
            firstInteraction ??= browser.now;
            browser.interact();
          } else if (action.kind === 'idle') {
            browser.idle();
            if (starts.length > before) idleSeen = true;
          } else if (action.kind === 'advance') browser.advance(action.milliseconds);
        }
        expect(starts.length).toBeLessThanOrEqual(1);
        const [at] = starts;
        if (at === undefined) return;
        expect(loadedAt).not.toBeNull();
        const dueFrom = Math.max(loadedAt!, Math.min(firstInteraction ?? Infinity, loadedAt! + PRECACHE_DELAY_MS));
        expect(at).toBeGreaterThanOrEqual(dueFrom);
        // Started at an idle moment, or because the idle wait ran out.
        if (!idleSeen) expect(at).toBe(dueFrom + PRECACHE_IDLE_TIMEOUT_MS);
      }),
    );
  });
});
