// The pure part of bench/paste-profile.mjs: reading a CPU profile (CDP
// Profiler) and a Chromium trace over a time window. Times in and out are
// milliseconds on the page's clock (performance.now()); `toPageMs` converts a
// trace or profile timestamp (µs, the browser's monotonic clock) to it.

/**
 * Self time per function over [fromMs, toMs): each sample is charged to the
 * function on top of the stack, for the time until the next sample.
 * @param {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number } }[], startTime: number, samples: number[], timeDeltas: number[] }} profile
 * @returns {{ functionName: string, url: string, ownerUrl: string, lineNumber: number, columnNumber: number, selfMs: number }[]} largest
 *   first; `ownerUrl` is the script of a native function's nearest caller that has one
 */
export function selfTimeByFunction(profile, toPageMs, fromMs, toMs) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  // A native function (a DOM call) has no script: it is charged to the script that called it.
  const ownerUrlOf = (id) => {
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
      const url = byId.get(current)?.url;
      if (url) return url;
    }
    return '';
  };
  const totals = new Map();
  let at = profile.startTime;
  const times = profile.samples.map((_, index) => (at += profile.timeDeltas[index]));
  for (let index = 0; index < profile.samples.length; index += 1) {
    const start = toPageMs(times[index]);
    const end = index + 1 < times.length ? toPageMs(times[index + 1]) : toPageMs(profile.endTime ?? times[index]);
    const overlap = Math.min(end, toMs) - Math.max(start, fromMs);
    if (overlap <= 0) continue;
    const frame = byId.get(profile.samples[index]);
    if (!frame) continue;
    const key = `${frame.functionName}\u0000${frame.url}\u0000${frame.lineNumber}\u0000${frame.columnNumber}`;
    const entry = totals.get(key) ?? { functionName: frame.functionName, url: frame.url, ownerUrl: frame.url || ownerUrlOf(profile.samples[index]), lineNumber: frame.lineNumber, columnNumber: frame.columnNumber, selfMs: 0 };
    entry.selfMs += overlap;
    totals.set(key, entry);
  }
  return [...totals.values()].sort((a, b) => b.selfMs - a.selfMs);
}

/** Sums self times into groups named by `groupOf(entry)`, largest first. */
export function groupSelfTime(entries, groupOf) {
  const groups = new Map();
  for (const entry of entries) {
    const name = groupOf(entry);
    groups.set(name, (groups.get(name) ?? 0) + entry.selfMs);
  }
  return [...groups.entries()].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs);
}

/** What the renderer's main thread did, by kind of trace event. */
const KINDS = {
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  'Commit': 'paint',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  HitTest: 'hit test',
  ParseHTML: 'HTML parse',
};

/**
 * Time by kind (style, layout, paint, garbage collection…) of the main
 * thread's trace events over [fromMs, toMs), each event clipped to the
 * window, an event inside one of the same kind counted once. Also the time of
 * style and layout forced by a script (inside a script's event).
 * @param {{ name: string, ph: string, ts: number, dur?: number }[]} events complete ('X') events of the main thread
 */
export function mainThreadByKind(events, toPageMs, fromMs, toMs) {
  const totals = {};
  const forced = { style: 0, layout: 0 };
  const scripts = events.filter((event) => ['FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'TimerFire', 'v8.run', 'RunMicrotasks'].includes(event.name));
  const openKinds = [];
  const sorted = events.filter((event) => event.ph === 'X' && event.dur > 0).sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    const kind = KINDS[event.name];
    if (!kind) continue;
    const start = Math.max(toPageMs(event.ts), fromMs);
    const end = Math.min(toPageMs(event.ts + event.dur), toMs);
    if (end <= start) continue;
    // An event nested in another of the same kind is already counted.
    while (openKinds.length && openKinds[openKinds.length - 1].end <= event.ts) openKinds.pop();
    if (openKinds.some((open) => open.kind === kind)) continue;
    openKinds.push({ kind, end: event.ts + event.dur });
    totals[kind] = (totals[kind] ?? 0) + (end - start);
    if ((kind === 'style' || kind === 'layout') && scripts.some((script) => script.ts <= event.ts && script.ts + script.dur >= event.ts + event.dur)) forced[kind] += end - start;
  }
  return { totals, forced };
}

/**
 * The main thread's top-level tasks that start in [fromMs, toMs), each with
 * what took its time: the largest events directly or deeply inside it
 * (script calls named by `describeScript(url)`, style, layout, paint, an
 * animation frame…).
 */
export function tasksBetween(events, toPageMs, fromMs, toMs, describeScript = (url) => url) {
  const complete = events.filter((event) => event.ph === 'X' && event.dur > 0);
  const tasks = complete.filter((event) => event.name === 'RunTask' && toPageMs(event.ts) >= fromMs && toPageMs(event.ts) < toMs);
  const interesting = new Set(['FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'TimerFire', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'MinorGC', 'MajorGC', 'HitTest', 'ParseHTML', 'v8.compile', 'EvaluateScript']);
  return tasks.map((task) => {
    const inside = complete.filter((event) => event !== task && interesting.has(event.name) && event.ts >= task.ts && event.ts + event.dur <= task.ts + task.dur);
    const parts = new Map();
    for (const event of inside) {
      let label = event.name;
      if (event.name === 'FunctionCall' || event.name === 'EvaluateScript') label = `${event.name} ${describeScript(String(event.args?.data?.url ?? ''))}`;
      else if (event.name === 'EventDispatch') label = `EventDispatch ${event.args?.data?.type ?? ''}`.trim();
      // Nested events of one label (a call inside a call) count once: keep the outermost.
      const outer = inside.some((other) => other !== event && other.name === event.name && other.ts <= event.ts && other.ts + other.dur >= event.ts + event.dur && (other.ts !== event.ts || other.dur !== event.dur));
      if (outer) continue;
      parts.set(label, (parts.get(label) ?? 0) + event.dur / 1000);
    }
    const content = [...parts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
    return { start: toPageMs(task.ts), duration: task.dur / 1000, content };
  });
}
