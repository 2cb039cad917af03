// The one Chromium set-up of the end-to-end tests, the benchmark and the e2e
// runner: the system Chromium when there is one, with the flags this machine needs.
import { existsSync } from 'node:fs';

export function systemChromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate) => !!candidate && existsSync(candidate));
}

export function chromiumLaunchOptions() {
  return {
    executablePath: systemChromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-gpu',
    ],
  };
}
