import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupSelfTime, mainThreadByKind, selfTimeByFunction, tasksBetween } from './paste-analysis.mjs';

const frame = (functionName, url = '', lineNumber = 0, columnNumber = 0) => ({ functionName, url, lineNumber, columnNumber, scriptId: '0' });
// µs on the trace clock → ms on the page's, with the page's zero 1 s after the clock's.
const toPageMs = (ts) => ts / 1000 - 1000;

/** A profile whose samples fall every `stepUs` from the page's 0 ms, each on the given node; the last lasts one step too. */
function profileOf(nodes, samples, stepUs = 1000) {
  return {
    nodes,
    startTime: 1_000_000 - stepUs,
    endTime: 1_000_000 + stepUs * samples.length,
    samples,
    timeDeltas: samples.map(() => stepUs),
  };
}

describe('selfTimeByFunction', () => {
  const nodes = [
    { id: 1, callFrame: frame('(root)'), children: [2, 4] },
    { id: 2, callFrame: frame('render', 'http://x/react.js', 0, 10), children: [3] },
    { id: 3, callFrame: frame('getClientRects'), children: [] },
    { id: 4, callFrame: frame('(program)'), children: [] },
  ];

  it('charges each sample to the function on top of the stack, a native call also naming the script that made it', () => {
    const profile = profileOf(nodes, [2, 2, 3, 4, 2]);
    const entries = selfTimeByFunction(profile, toPageMs, 0, 10);
    expect(entries.map(({ functionName, ownerUrl, selfMs }) => ({ functionName, ownerUrl, selfMs }))).toEqual([
      { functionName: 'render', ownerUrl: 'http://x/react.js', selfMs: 3 },
      { functionName: 'getClientRects', ownerUrl: 'http://x/react.js', selfMs: 1 },
      { functionName: '(program)', ownerUrl: '', selfMs: 1 },
    ]);
    expect(groupSelfTime(entries, (entry) => entry.ownerUrl || entry.functionName)).toEqual([
      { name: 'http://x/react.js', selfMs: 4 },
      { name: '(program)', selfMs: 1 },
    ]);
  });

  it('counts only the part of the samples inside the window', () => {
    const profile = profileOf(nodes, [2, 3, 4, 2]);
    // Samples cover [0,1) [1,2) [2,3) [3,4): a window of [0.5, 2.5) holds half of the first and of the third.
    const entries = selfTimeByFunction(profile, toPageMs, 0.5, 2.5);
    expect(Object.fromEntries(entries.map((entry) => [entry.functionName, entry.selfMs]))).toEqual({ render: 0.5, getClientRects: 1, '(program)': 0.5 });
  });

  it('never charges more time than the window holds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(2, 3, 4), { minLength: 1, maxLength: 60 }), fc.double({ min: -5, max: 70, noNaN: true }), fc.double({ min: 0, max: 70, noNaN: true }), (samples, from, length) => {
        const total = selfTimeByFunction(profileOf(nodes, samples), toPageMs, from, from + length).reduce((sum, entry) => sum + entry.selfMs, 0);
        expect(total).toBeLessThanOrEqual(length + 1e-9);
      }),
    );
  });
});

const event = (name, startMs, durMs, args = {}) => ({ name, ph: 'X', ts: (startMs + 1000) * 1000, dur: durMs * 1000, args });

describe('mainThreadByKind', () => {
  it('sums style, layout and paint in the window, counting nested events of a kind once and telling forced ones apart', () => {
    const events = [
      event('FunctionCall', 0, 10),
      event('Layout', 2, 3), // forced by the script
      event('Layout', 3, 1), // inside the first layout
      event('UpdateLayoutTree', 12, 2),
      event('Paint', 20, 4), // half outside the window
    ];
    expect(mainThreadByKind(events, toPageMs, 0, 22)).toEqual({ totals: { layout: 3, style: 2, paint: 2 }, forced: { style: 0, layout: 3 } });
  });
});

describe('tasksBetween', () => {
  it('lists the tasks that start in the window with what took their time, outermost calls only', () => {
    const events = [
      event('RunTask', 0, 30),
      event('RunTask', 40, 12),
      event('FireAnimationFrame', 40.5, 9),
      event('FunctionCall', 41, 8, { data: { url: 'http://x/monaco.js' } }),
      event('FunctionCall', 42, 2, { data: { url: 'http://x/monaco.js' } }),
      event('Layout', 50, 1.5),
      event('RunTask', 60, 5),
    ];
    expect(tasksBetween(events, toPageMs, 35, 55, (url) => url.replace('http://x/', ''))).toEqual([
      {
        start: 40,
        duration: 12,
        content: [
          ['FireAnimationFrame', 9],
          ['FunctionCall monaco.js', 8],
          ['Layout', 1.5],
        ],
      },
    ]);
  });
});
