// The budgets of issue 7 (and issue 3's typing promise), checked against the medians of a benchmark run.
import { KiB } from './stats.mjs';

const PASTE_BUDGET_MS = { '1 KB': 35, '100 KB': 70, '1 MB': 350 };
const LONG_TASK_LIMIT_MS = 200;

/**
 * Each budget: what it promises, the measured figure, the limit, and whether
 * it is met. A figure that could not be measured fails its budget.
 * @param {object} results the `summary` part of bench/results.json
 */
export function checkBudgets(results) {
  const checks = [];
  const add = (name, measured, limit, unit, extraOk = true, note = '') => {
    const ok = typeof measured === 'number' && Number.isFinite(measured) && measured <= limit && extraOk;
    checks.push({ name, measured, limit, unit, ok, note });
  };

  const js = results.javascript;
  const kib = (bytes) => (bytes === null ? null : bytes / KiB);
  add('Decoder page JavaScript before Monaco ≤ 150 KiB gzipped', kib(js.beforeMonaco.gzip.median), 150, 'KiB');
  add('Monaco JavaScript ≤ 900 KiB gzipped', kib(js.monaco.gzip.median), 900, 'KiB', js.monaco.gzip.median > 0, js.monaco.gzip.median > 0 ? '' : 'no Monaco chunk was seen');
  const flag = (name, ok, note) => checks.push({ name, measured: null, limit: null, unit: '', ok, note: ok ? '' : note, flag: true });
  flag(
    'Monaco loaded after first paint',
    results.load.monacoRequestedAfterFirstPaint.allTrue && results.load.monacoRequestedAfterFirstPaint.failed === 0 && js.monaco.gzip.median > 0,
    'a Monaco chunk was requested before the first contentful paint (or not at all) in some run',
  );
  flag(
    'Monaco: editor + JSON only, no other language loaded',
    js.unusedFiles.length === 0 && js.monaco.gzip.median > 0,
    `Monaco chunks hold ${js.unusedFiles.join(', ')}`,
  );

  const load = results.load;
  add(
    'Share link → decoded claims < 350 ms cold, not waiting for Monaco',
    load.claimsVisible.median,
    350,
    'ms',
    load.claimsBeforeMonaco.allTrue,
    load.claimsBeforeMonaco.allTrue ? '' : 'claims appeared only after Monaco in some run',
  );

  for (const [size, limit] of Object.entries(PASTE_BUDGET_MS)) {
    const paste = results.paste[size];
    if (!paste) continue;
    add(`Paste ${size} → decoded claims < ${limit} ms`, paste.time.median, limit, 'ms');
    add(`Paste ${size}: no long task over ${LONG_TASK_LIMIT_MS} ms`, paste.longestTask.median, LONG_TASK_LIMIT_MS, 'ms');
  }

  // Issue 3: "a 1 KB token updates the view within one frame of typing".
  if (results.typing) {
    flag(
      'Typing in a 1 KB token: the decoded claims change before the next frame is drawn, in every run (issue 3)',
      results.typing.withinFrame.allTrue && results.typing.withinFrame.failed === 0,
      `in ${results.typing.withinFrame.failed} run(s) a frame was drawn before the claims changed, or the keystroke was not measured`,
    );
  }

  for (const [alg, key] of Object.entries(results.keyChange)) {
    add(`Key change → verification result < 50 ms (${alg})`, key.time.median, 50, 'ms');
  }

  // "under" and "at most" differ only at the exact limit; strict where the issue says "under".
  for (const check of checks) {
    if (/ < /.test(check.name) && check.measured === check.limit) check.ok = false;
  }
  return checks;
}
