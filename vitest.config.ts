import { defineConfig } from 'vitest/config';

// Unit tests run in Node: core and storage only. Browser tests (*.browser.test.ts) and
// end-to-end tests (test/e2e) have their own runners.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
