import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASTE_TARGETS, checkBudgets, pasteTarget } from './budgets.mjs';

const summaryOf = (median) => ({ median, min: median, max: median, runs: 3, failed: 0 });

/** A comparison row: ours / the bare floor, ours / the Monaco floor, and Monaco alone / the bare floor. */
function pasteRow(oursOverFloor, oursOverMonaco, monacoOverFloor) {
  return {
    ours: summaryOf(100),
    others: {
      floor: { time: summaryOf(50), ratio: summaryOf(oursOverFloor) },
      'Monaco floor': oursOverMonaco === null ? null : { time: summaryOf(80), ratio: summaryOf(oursOverMonaco) },
    },
    ...(monacoOverFloor === null ? {} : { monacoOverFloor: summaryOf(monacoOverFloor) }),
  };
}

/** The smallest `summary` checkBudgets reads, with every other target met. */
function summaryWith(rows) {
  const allTrue = { allTrue: true, failed: 0 };
  return {
    comparison: { rows: { 'First contentful paint (link with key)': { ours: summaryOf(1), others: { floor: { ratio: summaryOf(1) } } }, ...rows }, perShape: {} },
    load: { claimsBeforeMonaco: allTrue, monacoRequestedAfterFirstPaint: allTrue },
    paste: {},
    javascript: { beforeMonaco: { gzip: summaryOf(1000) }, monaco: { gzip: summaryOf(1000) }, unusedFiles: [] },
    typing: { withinFrame: allTrue },
  };
}

describe('pasteTarget', () => {
  it('checks a 1 KB paste against the bare floor while Monaco alone is within 1.5× of it', () => {
    const choice = pasteTarget(pasteRow(1.7, 1.1, 1.4), PASTE_TARGETS['1 KB']);
    expect(choice).toMatchObject({ against: 'the bare floor', limit: 1.5, measured: 1.7 });
  });

  it('checks a 1 KB paste against the Monaco floor (1.2×) once Monaco alone is above 1.5× the bare floor', () => {
    const choice = pasteTarget(pasteRow(2.4, 1.15, 2.1), PASTE_TARGETS['1 KB']);
    expect(choice).toMatchObject({ against: 'the Monaco floor', limit: 1.2, measured: 1.15 });
    expect(choice.note).toContain('2.10× the bare floor');
  });

  it('keeps the 100 KB paste on the bare floor however slow Monaco alone is', () => {
    const choice = pasteTarget(pasteRow(2.4, 1.0, 3), PASTE_TARGETS['100 KB']);
    expect(choice).toMatchObject({ against: 'the bare floor', limit: 1.3, measured: 2.4 });
  });

  it('falls back to the bare floor, and says so, when the Monaco floor was not measured', () => {
    const choice = pasteTarget(pasteRow(1.2, null, null), PASTE_TARGETS['1 KB']);
    expect(choice).toMatchObject({ against: 'the bare floor', limit: 1.5, measured: 1.2, note: 'Monaco floor not measured' });
  });

  it('uses the Monaco floor exactly when Monaco alone is above the bare limit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (bare, monaco, monacoOverFloor) => {
        const choice = pasteTarget(pasteRow(bare, monaco, monacoOverFloor), PASTE_TARGETS['1 KB']);
        if (monacoOverFloor > 1.5) expect(choice).toMatchObject({ limit: 1.2, measured: monaco });
        else expect(choice).toMatchObject({ limit: 1.5, measured: bare });
      }),
    );
  });
});

describe('checkBudgets', () => {
  const pasteChecks = (budgets) => budgets.filter((budget) => budget.name.startsWith('Paste 1 KB') || budget.name.startsWith('Paste 100 KB'));

  it('reports the 1 KB and 100 KB paste targets, met or missed, with the floor they were checked against', () => {
    const budgets = checkBudgets(
      summaryWith({
        'Paste 1 KB → decoded': pasteRow(2.5, 1.1, 2),
        'Paste 100 KB → decoded': pasteRow(1.4, 1.0, 1.2),
      }),
    );
    expect(pasteChecks(budgets).map(({ name, ok, measured }) => ({ name, ok, measured }))).toEqual([
      { name: 'Paste 1 KB → decoded ≤ 1.2× the Monaco floor', ok: true, measured: 1.1 },
      { name: 'Paste 100 KB → decoded ≤ 1.3× the bare floor', ok: false, measured: 1.4 },
    ]);
  });

  it('fails a paste target whose figure was not measured', () => {
    const budgets = checkBudgets(summaryWith({}));
    expect(pasteChecks(budgets).map((budget) => budget.ok)).toEqual([false, false]);
  });
});
