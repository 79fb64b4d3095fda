import { expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

it('dist/core.js runs in Node without a DOM and is the package subpath mrr-kit/core', async () => {
  expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  expect(pkg.exports['./core'].default).toBe('./dist/core.js');
  expect(existsSync(pkg.exports['./core'].types)).toBe(true);
  const core = await import('../../dist/core.js' as string);
  expect(core.projectMrr({ months: 12, startingMrr: 10000, startingCustomers: 100, churnPct: 5 }).summary.endingMrr).toBe(5403.6);
  expect(core.toMonthly(2000, 'year')).toBe(166.67);
  expect(core.parseAmount('1 234,56', 'fr')).toEqual({ ok: true, value: 1234.56 });
});
