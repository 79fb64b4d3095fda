import { defineConfig } from 'vitest/config';

// End-to-end tests drive headless Chromium against the built dist/ (run `npm run build` first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
  },
});
