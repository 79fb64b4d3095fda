// web-test-runner prints no closing count that CI can read; this reporter writes the passed and
// failed totals to a JSON file that scripts/test.mjs adds up.
import { writeFileSync, mkdirSync } from 'node:fs';

function count(results, acc) {
  if (!results) return acc;
  for (const t of results.tests ?? []) {
    if (t.skipped) continue;
    if (t.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const s of results.suites ?? []) count(s, acc);
  return acc;
}

export function countingReporter(file = '.wtr-reports/counts.json') {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0 };
      for (const session of sessions) {
        count(session.testResults, acc);
        // A file that fails to load or throws outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.failed += 1;
      }
      mkdirSync('.wtr-reports', { recursive: true });
      writeFileSync(file, JSON.stringify(acc));
    },
  };
}
