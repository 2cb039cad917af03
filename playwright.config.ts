import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser';

// The end-to-end suite runs through `npm run test:e2e` (scripts/e2e.mjs),
// which builds the site, serves it exactly as `npm start` does, and passes
// the served addresses in E2E_BASE_URL (and E2E_BASE_PATH_URL).
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100/',
    launchOptions: chromiumLaunchOptions(),
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'off',
    // The offline service worker precaches the whole build once the visitor has interacted (or after a few idle seconds); tests
    // that are not about it run without it (a blocked registration only logs a warning).
    // The offline, base-path and privacy-session tests allow it.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'e2e', grepInvert: /@alone/ },
    // Tests that measure main-thread responsiveness run last, by themselves:
    // another test's browser on the same two cores would be measured too.
    { name: 'alone', grep: /@alone/, dependencies: ['e2e'] },
  ],
});
