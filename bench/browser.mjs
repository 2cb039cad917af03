// The Chromium set-up of the end-to-end tests (e2e/browser.ts), for plain Node.
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
