// Deterministic synthetic subscription data for the movement benchmarks: about 10 periods a
// customer over 5 years (2019-01 to 2023-12), mid-month dates, plan changes, gaps (churn and
// return), seat add-ons that overlap the main plan, and some yearly and quarterly billing.

/** mulberry32: small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST_MONTH = 2019 * 12; // 2019-01
export const MONTHS = 60;
export const AS_OF = '2023-12';

const PLANS = [19, 29, 49, 99, 149, 299, 499.99];
const monthLabels = Array.from({ length: MONTHS + 24 }, (_, i) => {
  const m = FIRST_MONTH + i;
  const month = (m % 12) + 1;
  return `${Math.floor(m / 12)}-${month < 10 ? '0' : ''}${month}`;
});
const days = Array.from({ length: 29 }, (_, d) => (d < 10 ? `0${d}` : `${d}`));

function date(monthOffset, day) {
  return `${monthLabels[monthOffset]}-${days[day]}`;
}

/**
 * `count` periods as plain objects (`{ customerId, start, end, amount, interval, intervalCount,
 * quantity }`), customers `cus_0000001`…, about 10 periods each. Same seed, same data.
 */
export function generatePeriods(count, seed = 42) {
  return [...periodsOf(count, seed)];
}

/** The periods of {@link generatePeriods} one at a time (a 10-million-period file without holding them). */
export function* periodsOf(count, seed = 42) {
  const random = prng(seed);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  let yielded = 0;
  let customer = 0;
  while (yielded < count) {
    customer += 1;
    const customerId = `cus_${String(customer).padStart(7, '0')}`;
    const wanted = Math.min(int(5, 15), count - yielded);
    let month = int(0, MONTHS - 24); // month offset of the current plan's start
    let day = int(1, 28);
    let plan = int(0, PLANS.length - 1);
    let made = 0;
    while (made < wanted && month < MONTHS) {
      if (made > 0 && random() < 0.35) {
        // Seat add-on overlapping the main plan.
        const length = int(1, 12);
        const running = month + length >= MONTHS;
        yielded += 1;
        yield {
          customerId,
          start: date(month, int(1, 28)),
          end: running ? null : date(month + length, int(1, 28)),
          amount: 10,
          interval: 'month',
          intervalCount: 1,
          quantity: int(1, 5),
        };
        made += 1;
        continue;
      }
      const yearly = random() < 0.15;
      const length = yearly ? 12 : int(1, 6);
      const endMonth = month + length;
      const running = endMonth >= MONTHS && random() < 0.8;
      const quarterly = !yearly && random() < 0.05;
      yielded += 1;
      yield {
        customerId,
        start: date(month, day),
        end: running ? null : date(Math.min(endMonth, MONTHS + 12), day),
        amount: yearly ? PLANS[plan] * 10 : quarterly ? PLANS[plan] * 3 : PLANS[plan],
        interval: yearly ? 'year' : quarterly ? 'quarter' : 'month',
        intervalCount: 1,
        quantity: 1,
      };
      made += 1;
      if (running) break;
      // Next plan: upgrade, downgrade or same, sometimes after a gap (churn, later reactivation).
      plan = Math.max(0, Math.min(PLANS.length - 1, plan + int(-1, 1)));
      month = endMonth + (random() < 0.12 ? int(1, 6) : 0);
      if (random() < 0.5) day = int(1, 28);
    }
  }
}
