import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./', import.meta.url)) },
  },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'scripts/**/*.test.mjs', 'bench/**/*.test.mjs'],
    environment: 'node',
    // Worker threads start faster than the default child processes: about 9 s of the unit run on 2 cores.
    pool: 'threads',
    // npm test runs the unit tests while the site builds: on a busy 2-core machine a
    // property-based test can then take more than the default 5 s without being wrong.
    testTimeout: 30_000,
  },
});
