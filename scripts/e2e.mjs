// npm run test:e2e: build the site (at the root and under a base path), serve
// both exactly as `npm start` does, and run the Playwright suite against them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureBuilt, serveSite } from './site.mjs';
import { systemChromiumPath } from './chromium.mjs';

const E2E_BASE_PATH = '/tools/jwt';

async function playwrightBrowserPath() {
  try {
    const { chromium } = await import('@playwright/test');
    const executable = chromium.executablePath();
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

if (!systemChromiumPath() && !(await playwrightBrowserPath())) {
  console.error(
    'No Chromium found: install one (on Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium executable.',
  );
  process.exit(1);
}

// E2E_ROOT_ONLY=1 skips the base-path build and server, for a quick run of specs that do not need them.
const rootOnly = process.env.E2E_ROOT_ONLY === '1';
const rootBuild = await ensureBuilt('');
const basePathBuild = rootOnly ? null : await ensureBuilt(E2E_BASE_PATH);
// npm test builds first, while the other checks run, then runs the suite.
if (process.env.E2E_BUILD_ONLY === '1') process.exit(0);
const rootServer = await serveSite(rootBuild, { port: Number(process.env.E2E_PORT ?? 3100), quiet: true });
const basePathServer = basePathBuild && (await serveSite(basePathBuild, { port: Number(process.env.E2E_BASE_PATH_PORT ?? 3101), quiet: true }));

const code = await new Promise((resolve) => {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: rootServer.url, ...(basePathServer ? { E2E_BASE_PATH_URL: basePathServer.url } : {}), E2E_BASE_PATH: E2E_BASE_PATH },
  });
  child.on('exit', (exitCode) => resolve(exitCode ?? 1));
});

await Promise.all([rootServer.stop(), basePathServer?.stop()]);
process.exit(code);
