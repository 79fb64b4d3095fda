import { defineConfig } from 'vitest/config';

// End-to-end tests drive headless Chromium against the built dist/ (run `npm run build` first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
    // A poll waits for a condition; 1 s (the default) runs out when the machine is busy (two suites
    // at once on 2 cores), so conditions get up to 15 s. A wrong value still fails, only later.
    expect: { poll: { timeout: 15000 } },
  },
});
