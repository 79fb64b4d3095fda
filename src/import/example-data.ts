/**
 * The built-in example dataset of `<mrr-movements example>`: a made-up, deterministic subscription
 * history (same periods on every call and every machine) of a small SaaS over three years —
 * January 2022 to December 2024, monthly and yearly plans, upgrades, downgrades, churn and
 * customers who come back — so that every movement, the cohorts and the key figures have
 * something to show. Amounts in USD; `end` is the day after the last paid day.
 */
import type { SubscriptionPeriod } from '../core/movements.js';

export const EXAMPLE_CURRENCY = 'USD';
const MONTHS = 36;

/** Monthly prices of the plans, cheapest first; a yearly plan bills 10 months for 12. */
const PLANS = [29, 79, 199, 499];

/** mulberry32: a tiny seeded PRNG, so the example is the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function day(monthIndex: number, dayOfMonth = 1): string {
  const y = 2022 + Math.floor(monthIndex / 12);
  const m = (monthIndex % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** The example periods (a new array each call: callers may keep or change it). */
export function examplePeriods(): SubscriptionPeriod[] {
  const rand = random(20240601);
  const periods: SubscriptionPeriod[] = [];
  let next = 1;
  for (let month = 0; month < MONTHS; month++) {
    // Acquisition grows from about 6 to about 16 customers a month.
    const arrivals = 6 + Math.floor((month / MONTHS) * 10) + Math.floor(rand() * 4);
    for (let n = 0; n < arrivals; n++) {
      const customerId = `cus_${String(next++).padStart(4, '0')}`;
      const startDay = 1 + Math.floor(rand() * 27);
      let plan = rand() < 0.55 ? 0 : rand() < 0.7 ? 1 : rand() < 0.8 ? 2 : 3;
      const seats = plan >= 2 ? 1 + Math.floor(rand() * 3) : 1;
      const yearly = rand() < 0.15;
      let from = month;
      let m = month;
      // Walk the customer's life month by month: stay, change plan, leave, maybe come back.
      while (m < MONTHS) {
        m += 1;
        const roll = rand();
        const ending = m >= MONTHS;
        const churn = !ending && roll < (yearly ? 0.01 : 0.035);
        const upgrade = !ending && !churn && roll < 0.055 && plan < PLANS.length - 1;
        const downgrade = !ending && !churn && !upgrade && roll > 0.99 && plan > 0;
        if (!ending && !churn && !upgrade && !downgrade) continue;
        periods.push({
          customerId,
          start: day(from, from === month ? startDay : 1),
          end: ending ? null : day(m, 1),
          amount: (PLANS[plan] ?? 0) * (yearly ? 10 : 1),
          ...(yearly ? { interval: 'year' as const } : {}),
          ...(seats > 1 ? { quantity: seats } : {}),
        });
        if (ending) break;
        from = m;
        if (upgrade) plan += 1;
        else if (downgrade) plan -= 1;
        else if (rand() < 0.25) {
          // Comes back after two to eight months, on the cheapest plan.
          from = m + 2 + Math.floor(rand() * 7);
          m = from;
          plan = 0;
          if (from >= MONTHS) break;
        } else break;
      }
    }
  }
  return periods;
}
