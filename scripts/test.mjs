// npm test: typecheck, lint and unit tests, while the two builds the
// end-to-end suite needs (root and /tools/jwt) are made at the same time, then
// the end-to-end suite. Prints how long each part took.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './site.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const timings = [];

function run(label, command, args, { capture = false, env = {} } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    const finish = (code) => {
      timings.push({ label, seconds: (performance.now() - started) / 1000, ok: code === 0 });
      resolve({ code, output });
    };
    child.on('error', () => finish(1));
    child.on('exit', (code) => finish(code ?? 1));
  });
}

function report() {
  console.log('\nnpm test, time per part:');
  for (const { label, seconds, ok } of timings) console.log(`  ${label.padEnd(36)} ${seconds.toFixed(1).padStart(6)} s${ok ? '' : '  FAILED'}`);
  console.log(`  ${'total'.padEnd(36)} ${((performance.now() - startedAll) / 1000).toFixed(1).padStart(6)} s`);
}

const startedAll = performance.now();
// The builds' output is held back so it does not interleave with the checks'; it is shown if a build fails.
const builds = run('builds (root, then /tools/jwt)', process.execPath, [path.join(ROOT, 'scripts', 'e2e.mjs')], { capture: true, env: { E2E_BUILD_ONLY: '1' } });

let failed = false;
for (const script of ['typecheck', 'lint', 'test:unit']) {
  const { code } = await run(`npm run ${script}`, npm, ['run', '-s', script]);
  if (code !== 0) {
    failed = true;
    break;
  }
}
const built = await builds;
if (built.code !== 0) {
  process.stdout.write(built.output);
  failed = true;
}
if (!failed) {
  const { code } = await run('end-to-end (serve + Playwright)', process.execPath, [path.join(ROOT, 'scripts', 'e2e.mjs')]);
  failed = code !== 0;
}
report();
process.exit(failed ? 1 : 0);
