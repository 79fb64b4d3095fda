import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

const executablePath = chromiumPath();
if (!executablePath) {
  throw new Error('Chromium not found: set CHROME_PATH or run `apt-get install -y chromium`.');
}

export default {
  files: ['test/browser/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // tsconfig makes esbuild compile the legacy (experimental) decorators Lit expects.
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: CHROMIUM_ARGS } })],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), countingReporter()],
};
