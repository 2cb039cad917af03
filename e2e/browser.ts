// The Chromium set-up lives in scripts/chromium.mjs, shared with the benchmark and the e2e runner.
export { chromiumLaunchOptions, systemChromiumPath } from '../scripts/chromium.mjs';
