import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const shared = '../shared/fixtures/dbt-mrr-playbook';

it.runIf(existsSync(shared))('the copied dbt fixtures are identical to the shared ones', () => {
  expect(readFileSync('test/fixtures/dbt-subscription-periods.csv', 'utf8')).toBe(
    readFileSync(`${shared}/subscription_periods.csv`, 'utf8'),
  );
  expect(readFileSync('test/fixtures/dbt-expected-movements.csv', 'utf8')).toBe(
    readFileSync(`${shared}/expected_movements.csv`, 'utf8'),
  );
});
