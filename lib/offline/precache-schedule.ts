/**
 * When the page makes its offline copy (registers the service worker, which
 * then downloads the whole build: about a hundred files). Never while the
 * page itself is loading: only once it has loaded, and then either after
 * the user's first act (a click, a key, a paste, a drop), which says they
 * are staying, or after a few seconds, and in both cases when the browser is
 * idle. Whichever comes first starts it, once.
 */

/** What the schedule needs from the browser; each subscription returns its own cancel. */
export interface PrecacheClock {
  /** Whether the page has finished loading (its `load` event has fired). */
  loaded(): boolean;
  onLoad(listener: () => void): () => void;
  /** The user's first pointer press, key press, paste or drop. */
  onInteraction(listener: () => void): () => void;
  later(milliseconds: number, run: () => void): () => void;
  /** Runs when the browser is idle, or after `timeout` milliseconds at the latest. */
  whenIdle(run: () => void, timeout: number): () => void;
}

/** Without any interaction, the copy is made this long after the page has loaded (when idle). */
export const PRECACHE_DELAY_MS = 5000;
/** The longest wait for an idle moment once the copy is due, so a busy page still gets it. */
export const PRECACHE_IDLE_TIMEOUT_MS = 5000;

/**
 * Calls `start` once, when it is time. Returns a cancel (for a page that goes
 * away first), which also drops every listener.
 */
export function schedulePrecache(clock: PrecacheClock, start: () => void): () => void {
  const cancels: (() => void)[] = [];
  let settled = false;
  let loaded = false;
  let interacted = false;
  let delayPassed = false;
  let idleRequested = false;

  const cancelAll = () => {
    settled = true;
    for (const cancel of cancels.splice(0)) cancel();
  };
  const begin = () => {
    if (settled) return;
    cancelAll();
    start();
  };
  const maybeBegin = () => {
    if (settled || idleRequested || !loaded || !(interacted || delayPassed)) return;
    idleRequested = true;
    cancels.push(clock.whenIdle(begin, PRECACHE_IDLE_TIMEOUT_MS));
  };
  const afterLoad = () => {
    if (settled || loaded) return;
    loaded = true;
    cancels.push(
      clock.later(PRECACHE_DELAY_MS, () => {
        delayPassed = true;
        maybeBegin();
      }),
    );
    maybeBegin();
  };

  cancels.push(
    clock.onInteraction(() => {
      interacted = true;
      maybeBegin();
    }),
  );
  if (clock.loaded()) afterLoad();
  else cancels.push(clock.onLoad(afterLoad));
  return cancelAll;
}
