import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { leadServerPlugin } from './scripts/wtr-lead-server.mjs';
import { defaultReporter } from '@web/test-runner';

const executablePath = chromiumPath();
if (!executablePath) {
  throw new Error('Chromium not found: set CHROME_PATH or run `apt-get install -y chromium`.');
}

/**
 * papaparse ships only a UMD build; Vite converts it for the site, the test server does not. This
 * serves its files as ES modules with a default export (the CSV import and its worker use it).
 */
function umdAsEsm(pathPart) {
  return {
    name: 'umd-as-esm',
    transform(context) {
      if (!context.path.includes(pathPart) || !context.path.endsWith('.js')) return undefined;
      return {
        body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;\n`,
      };
    },
  };
}

export default {
  files: ['test/browser/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // tsconfig makes esbuild compile the legacy (experimental) decorators Lit expects.
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    umdAsEsm('/node_modules/papaparse/'),
    // A lead endpoint on another port (cross-origin) for test/browser/leads*.browser.test.ts.
    leadServerPlugin(),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: CHROMIUM_ARGS } })],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), countingReporter()],
};
