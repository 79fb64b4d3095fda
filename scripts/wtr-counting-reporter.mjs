// web-test-runner prints no closing count that CI can read; this reporter writes the passed and
// failed totals to a JSON file that scripts/test.mjs adds up, with the names of the failed tests (CI
// keeps only the end of the output, so the names have to be repeated there).
import { writeFileSync, mkdirSync } from 'node:fs';

function firstLine(text) {
  return String(text ?? '')
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim()
    .slice(0, 200);
}

function count(results, acc, file, path) {
  if (!results) return acc;
  for (const t of results.tests ?? []) {
    if (t.skipped) continue;
    if (t.passed) acc.passed += 1;
    else {
      acc.failed += 1;
      acc.failures.push(`${file} › ${[...path, t.name].join(' › ')}: ${firstLine(t.error?.message) ?? 'failed'}`);
    }
  }
  for (const s of results.suites ?? []) count(s, acc, file, [...path, s.name]);
  return acc;
}

export function countingReporter(file = '.wtr-reports/counts.json') {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, failures: [] };
      for (const session of sessions) {
        const name = session.testFile.replace(/^.*?\/test\//, 'test/');
        count(session.testResults, acc, name, []);
        // A file that fails to load or throws outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          acc.failed += 1;
          acc.failures.push(`${name}: ${firstLine(session.errors[0]?.message) ?? 'did not load'}`);
        }
      }
      mkdirSync('.wtr-reports', { recursive: true });
      writeFileSync(file, JSON.stringify(acc));
    },
  };
}
