#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, unit (vitest), browser (web-test-runner in
// Chromium), build, end-to-end against the built dist/. Prints `N passed, N failed` last and exits
// non-zero when anything failed. Set up Chromium first when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const totals = { passed: 0, failed: 0 };
const lines = [];
// Names of failed tests, printed again at the end: CI keeps only the end of the output.
const failures = [];

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: process.env, ...opts });
  return res.status === 0;
}

function step(name, ok, counts) {
  const c = counts ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A runner that exits non-zero with no failed test (crash, config error) still counts as a failure.
  if (!ok && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${c.passed} passed, ${c.failed} failed`);
}

function vitestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  for (const suite of json.testResults ?? []) {
    const name = String(suite.name ?? '').replace(/^.*?\/test\//, 'test/');
    for (const t of suite.assertionResults ?? [])
      if (t.status === 'failed')
        failures.push(
          `${name} › ${t.fullName ?? t.title}: ${String(t.failureMessages?.[0] ?? '')
            .split('\n')[0]
            .slice(0, 200)}`,
        );
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0)
      failures.push(
        `${name}: ${String(suite.message ?? 'did not run')
          .split('\n')[0]
          .slice(0, 200)}`,
      );
  }
  return { passed: json.numPassedTests ?? 0, failed: (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0) };
}

function ensureChromium() {
  if (chromiumPath()) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
    if (chromiumPath()) return true;
  }
  console.error(
    'Chromium not found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chromium/Chrome binary.',
  );
  return false;
}

rmSync('.wtr-reports', { recursive: true, force: true });
mkdirSync('.wtr-reports', { recursive: true });

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const haveChromium = ensureChromium();

// tsconfig.core.json: the core alone, without the DOM library (it must run in Node).
if (want('typecheck'))
  step('typecheck', run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) && run('npx', ['tsc', '-p', 'tsconfig.core.json']));
if (want('lint'))
  step('lint (eslint, prettier)', run('npx', ['eslint', '--max-warnings', '0', '.']) && run('npx', ['prettier', '--check', '.']));
if (want('unit')) {
  const ok = run('npx', [
    'vitest',
    'run',
    '--config',
    'vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    '--outputFile=.wtr-reports/unit.json',
  ]);
  step('unit (vitest)', ok, vitestCounts('.wtr-reports/unit.json'));
}
if (want('browser')) {
  if (!haveChromium) step('browser (web-test-runner)', false);
  else {
    const ok = run('npx', ['web-test-runner']);
    const f = '.wtr-reports/counts.json';
    const counts = existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined;
    failures.push(...(counts?.failures ?? []));
    step('browser (web-test-runner)', ok, counts && { passed: counts.passed, failed: counts.failed });
  }
}
let built = true;
if (want('build')) {
  built = run('npm', ['run', 'build']);
  step('build', built);
}
if (want('e2e')) {
  if (!haveChromium || !built) step('end-to-end', false);
  else {
    const ok = run('npx', [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=.wtr-reports/e2e.json',
    ]);
    step('end-to-end (built dist/)', ok, vitestCounts('.wtr-reports/e2e.json'));
  }
}

if (failures.length > 0) console.log('\nFailed:\n' + failures.map((f) => `  ${f}`).join('\n'));
console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
