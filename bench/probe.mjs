// The in-page half of the benchmark. `pageProbe` is serialised by Playwright
// (page.addInitScript) and runs before any of the page's own scripts, so every
// time it records is performance.now(): milliseconds since navigation start.

export function pageProbe(initialWatches) {
  const probe = {
    longTasks: [],
    watches: {},
    /** Time of the last Control+V (keydown) and of the paste event that followed it. */
    lastPasteKey: null,
    lastPaste: null,
    /** Time of the last keydown of a key that types (not a modifier), and of the first frame after it. */
    lastKey: null,
    firstFrameAfterKey: null,
    /**
     * Waits for `selector` to match (and, when `text` is given, for the match
     * to contain it), from now on (it must not match yet), and records when it does.
     */
    watch(name, selector, text = null) {
      const already = matching(selector, text) !== null;
      probe.watches[name] = { selector, text, armedAt: performance.now(), at: null, paintedAt: null, matchedBeforeArming: already };
      check();
      return !already;
    },
    mark() {
      return performance.now();
    },
  };
  window.__bench = probe;

  // Main-thread tasks longer than 50 ms, from the start of the page.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    probe.longTasksUnsupported = true;
  }

  // Cumulative layout shift (shifts not caused by input), and each shift with its time.
  probe.layoutShift = 0;
  probe.layoutShifts = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        probe.layoutShift += entry.value;
        probe.layoutShifts.push({ start: entry.startTime, value: entry.value });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    probe.layoutShiftUnsupported = true;
  }

  // A watch is a selector, or { selector, text } when the match must also contain the text.
  for (const [name, spec] of Object.entries(initialWatches || {})) {
    const { selector, text = null } = typeof spec === 'string' ? { selector: spec } : spec;
    probe.watches[name] = { selector, text, armedAt: 0, at: null, paintedAt: null, matchedBeforeArming: false };
  }

  function matching(selector, text) {
    const element = document.querySelector(selector);
    if (!element || (text !== null && text !== undefined && !(element.textContent ?? '').includes(text))) return null;
    return element;
  }

  function check() {
    for (const watch of Object.values(probe.watches)) {
      if (watch.at !== null || watch.matchedBeforeArming) continue;
      const element = matching(watch.selector, watch.text);
      if (!element) continue;
      // Present in the DOM is what the MutationObserver sees; it must also be rendered (not display:none).
      if (typeof element.checkVisibility === 'function' && !element.checkVisibility()) continue;
      const at = performance.now();
      watch.at = at;
      // The frame that shows it: a rAF callback runs just before that frame's paint;
      // a message posted from it arrives just after.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          watch.paintedAt = performance.now();
        };
        channel.port2.postMessage(null);
      });
    }
  }

  const observer = new MutationObserver(check);
  const start = () => {
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });

  // Capturing listeners on the document see the user's action before the editor does.
  document.addEventListener(
    'keydown',
    (event) => {
      if ((event.ctrlKey || event.metaKey) && (event.key === 'v' || event.key === 'V')) probe.lastPasteKey = performance.now();
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        // A rAF callback runs just before the next frame is drawn: what is in the DOM by then is in that frame.
        const key = performance.now();
        probe.lastKey = key;
        probe.firstFrameAfterKey = null;
        requestAnimationFrame(() => {
          if (probe.lastKey === key) probe.firstFrameAfterKey = performance.now();
        });
      }
    },
    true,
  );
  document.addEventListener(
    'paste',
    () => {
      probe.lastPaste = performance.now();
    },
    true,
  );
}
