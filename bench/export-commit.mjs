// Builds the static export of an earlier commit, for the benchmark to measure beside
// today's build in the same run (BENCH_LANGUAGES_REFERENCE_DIR, BENCH_SITE_DIR).
// Usage: node bench/export-commit.mjs <commit> → prints the folder (.build/exports/<commit>).
// The commit is checked out in a temporary worktree that borrows this checkout's
// node_modules (hard links: the commit's dependencies are assumed to be today's); the folder is kept, so a second run of the benchmark reuses it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const commit = process.argv[2];
if (!commit) {
  console.error('usage: node bench/export-commit.mjs <commit>');
  process.exit(2);
}
const sha = execFileSync('git', ['rev-parse', '--short=12', `${commit}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
const exportDir = path.join(ROOT, '.build', 'exports', sha);
if (existsSync(path.join(exportDir, 'index.html'))) {
  console.log(exportDir);
  process.exit(0);
}
const worktree = path.join(ROOT, '.build', 'worktrees', sha);
rmSync(worktree, { recursive: true, force: true });
execFileSync('git', ['worktree', 'prune'], { cwd: ROOT });
execFileSync('git', ['worktree', 'add', '--detach', worktree, sha], { cwd: ROOT, stdio: 'inherit' });
try {
  // Hard links, not a symlink: Turbopack compiles nothing outside the project's own folder.
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(worktree, 'node_modules')]);
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: worktree, stdio: ['ignore', 'inherit', 'inherit'] });
  mkdirSync(path.dirname(exportDir), { recursive: true });
  cpSync(path.join(worktree, 'out'), exportDir, { recursive: true });
  console.log(exportDir);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT });
}
