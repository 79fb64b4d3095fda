/**
 * No function of `mrr-kit/core` returns −0, NaN or ±∞. Every export of
 * `src/core/index.ts` is listed below: each function with arbitraries built for it (valid inputs and
 * their edges: zero, huge and tiny amounts, currencies of 0, 2, 3 and 4 decimals, empty lists, −0
 * read from a file), each constant with why walking its value is enough. Every output is walked
 * deeply (objects, arrays, typed arrays, Maps, Sets; functions returned are called) and no number in
 * it may be −0, NaN or ±∞. Formatted text may not show a signed zero ("-0", "-$0.00") or NaN/∞.
 * A new export without an entry here fails the first test, so the list stays complete.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as core from '../../src/core/index.js';
import { InvalidInputError } from '../../src/core/validation.js';
import type {
  BillingInterval,
  Icp,
  IcpClient,
  IcpCriterion,
  MovementRow,
  MrrAssumptions,
  PackageDesign,
  PeriodColumns,
  Segment,
  SubscriptionPeriod,
  UnitEconomicsInputs,
  ValueCanvas,
} from '../../src/core/index.js';

// ---------------------------------------------------------------------------------------------
// Walking an output

/** Where in `value` a number is −0, NaN or ±∞ (or formatted text shows one); null when none is. */
function badNumber(value: unknown, formatted = false, path = '$', seen = new Set<unknown>()): string | null {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return `${path} is -0`;
    if (Number.isNaN(value)) return `${path} is NaN`;
    if (!Number.isFinite(value)) return `${path} is ${value}`;
    return null;
  }
  if (typeof value === 'bigint' || typeof value === 'boolean' || value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (!formatted) return null;
    if (/NaN|∞|Infinity/.test(value)) return `${path} shows ${JSON.stringify(value)}`;
    // A minus sign with no digit other than 0: a signed zero shown ("-0", "-$0.00", "-0 %").
    if (/[-\u2212]/.test(value) && /[0٠]/.test(value) && !/[1-9١-٩]/.test(value)) return `${path} shows ${JSON.stringify(value)}`;
    return null;
  }
  if (typeof value === 'function' || typeof value !== 'object') return null;
  if (seen.has(value)) return null;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    const list = value as unknown as ArrayLike<number>;
    for (let i = 0; i < list.length; i++) {
      const bad = badNumber(list[i], formatted, `${path}[${i}]`, seen);
      if (bad) return bad;
    }
    return null;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      const bad = badNumber(k, formatted, `${path}.key`, seen) ?? badNumber(v, formatted, `${path}.get(${String(k)})`, seen);
      if (bad) return bad;
    }
    return null;
  }
  if (value instanceof Set) {
    for (const v of value) {
      const bad = badNumber(v, formatted, `${path}.item`, seen);
      if (bad) return bad;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const bad = badNumber(v, formatted, `${path}.${k}`, seen);
    if (bad) return bad;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Currencies of 0 (JPY), 2 (USD, EUR), 3 (BHD, KWD) and 4 (CLF) decimals. */
const CURRENCIES = ['JPY', 'USD', 'EUR', 'BHD', 'KWD', 'CLF'] as const;
const LOCALES = ['en', 'fr', 'de', 'ar', 'en-IN', 'fr-CH', 'ja', 'xx_bad!'] as const;
const currency = fc.constantFrom(...CURRENCIES);
/** The currencies a package design takes: ISO 4217 codes the runtime lists (CLF, a fund code, may not be). */
const ISO_CURRENCIES = CURRENCIES.filter((c) => core.isIsoCurrency(c));
const isoCurrency = fc.constantFrom(...ISO_CURRENCIES);
const locale = fc.constantFrom(...LOCALES);
const interval = fc.constantFrom<BillingInterval>(...core.BILLING_INTERVALS);
const digitsOf = (c: string) => core.currencyDigits(c);

/** Any double: finite and not, ±0, subnormal, huge. */
const anyDouble = fc.double();
/** Finite doubles with their edges (±0, the smallest subnormal, ±MAX_VALUE). */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** A number a field takes: usually ≥ 0 (zero, −0 from a file, tiny, huge), sometimes anything. */
const fieldNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, 5e-324, 1e-9, 0.5, 100, 1e9, 1e12),
  fc.double({ min: 0, max: 1e12, noNaN: true }),
  anyDouble,
);

/** An amount of `c` in major units with no more decimals than it has, 0 … max (0, −0, one minor unit, max). */
function money(c: string, max = 1e9): fc.Arbitrary<number> {
  const scale = 10 ** digitsOf(c);
  const maxMinor = Math.floor(max * scale);
  return fc
    .oneof(
      { weight: 1, arbitrary: fc.constantFrom(0, 1, maxMinor, -0) },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: Math.min(maxMinor, 1e6) }) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: Math.min(maxMinor, Number.MAX_SAFE_INTEGER) }) },
    )
    .map((minor) => (Object.is(minor, -0) ? -0 : core.fromMinor(minor, c)));
}

/** A percent 0–100 with up to 2 decimals (−0, 0, 100, 99.99, 0.01…). */
const percent = fc.oneof(
  fc.constantFrom(0, -0, 0.01, 50, 99.99, 100),
  fc.integer({ min: 0, max: 10000 }).map((x) => x / 100),
);
const count = (max = 1000) => fc.oneof(fc.constantFrom(0, -0, 1, max), fc.integer({ min: 0, max }));

/** A day `YYYY-MM-DD` between 1999 and 2026. */
const isoDay = fc
  .record({ y: fc.integer({ min: 1999, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const isoMonth = isoDay.map((d) => d.slice(0, 7));

/** Text a person or a file gives as an amount: grammar-built (signs, groups, symbols, Arabic digits) or any. */
const amountText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '-', '−', '+', '$', '-$', '(', 'USD ', '€', ' '),
      fc.stringMatching(/^(0|[1-9]\d{0,12})$/),
      fc.constantFrom('', ',000', '.000', ',00', ',5', ' 000', '.5', ',50', '.00', ',000,000', '٫٥'),
      fc.constantFrom('', '.5', ',5', '.00', ',00', '.999', '.0001'),
      fc.constantFrom('', ' €', '%', ')', ' USD', '-'),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('-0', '-0,00', '-0.00', '−0', '(0)', '-0,000', '-.0', '-0.0001', '٠', '-٠٫٠', '1e400', '0x1F', ''),
  fc.string({ maxLength: 12 }),
);

// Subscription periods

const period: fc.Arbitrary<SubscriptionPeriod> = fc
  .record(
    {
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      start: isoDay,
      end: fc.option(isoDay, { nil: null }),
      amount: fc.oneof(
        fc.constantFrom(0, -0, 0.001, 0.005, 1e-9, 1e12),
        fc.integer({ min: 0, max: 100000 }).map((x) => x / 100),
      ),
      interval,
      intervalCount: fc.integer({ min: 1, max: 3 }),
      quantity: fc.oneof(fc.constant(1), fc.constantFrom(0, -0, 0.5, 3)),
    },
    { requiredKeys: ['customerId', 'start', 'amount'] },
  )
  .map((p) => (p.end && p.end < p.start ? { ...p, end: p.start } : p));
const periods = fc.array(period, { maxLength: 12 });
const periodOptions = fc.record({ currency, asOf: isoMonth }, { requiredKeys: [] });
/** Valid periods and options that always analyse (asOf after every start: no empty range). */
const analysisInput = fc.tuple(periods, fc.record({ currency }, { requiredKeys: [] }));
const columnsOf = ([ps, o]: [SubscriptionPeriod[], { currency?: string }]): PeriodColumns => core.periodsToColumns(ps, o).columns;
const columns = analysisInput.map(columnsOf);
/** Rows of `mrrMovements` (none when the periods' totals leave the exact integers of a double). */
const movementRows: fc.Arbitrary<MovementRow[]> = analysisInput.map(([ps, o]) => {
  try {
    return core.mrrMovements(ps, o);
  } catch (e) {
    if (e instanceof RangeError) return [];
    throw e;
  }
});
const summaryOptions = fc.record(
  {
    month: isoMonth,
    window: fc.integer({ min: 1, max: 24 }),
    grossMarginPct: fc.oneof(fc.constant(100), fc.double({ min: 0.01, max: 100, noNaN: true })),
  },
  { requiredKeys: [] },
);

// MRR projection

const assumptions: fc.Arbitrary<MrrAssumptions> = currency.chain((c) =>
  fc
    .record(
      {
        months: fc.constantFrom(1, 12, 120),
        startingMrr: money(c, 1e11),
        startingCustomers: count(1e9),
        plans: fc.array(
          fc.record({ price: money(c, 1e6), interval, intervalCount: fc.integer({ min: 1, max: 3 }), clients: count(1e4) }),
          { maxLength: 3 },
        ),
        newCustomersPerMonth: fc.oneof(count(1e6), fc.double({ min: 0, max: 1e6, noNaN: true })),
        newCustomerMrr: money(c, 1e9),
        churnPct: fc.integer({ min: 0, max: 5000 }).map((x) => x / 100),
        logoChurnPct: percent,
        expansionPct: percent,
        contractionPct: fc.integer({ min: 0, max: 5000 }).map((x) => x / 100),
        currency: fc.constant(c),
      },
      { requiredKeys: ['months'] },
    )
    .map((a) => ({ ...a, currency: a.currency ?? c })),
);

// Unit economics

const unitInputs: fc.Arbitrary<UnitEconomicsInputs> = currency.chain((c) =>
  fc.oneof(
    fc.record(
      {
        arpa: money(c),
        grossMarginPct: percent,
        churnPct: percent,
        cac: money(c),
        retentionSpendPerClient: fc.option(money(c), { nil: null }),
        currency: fc.constant(c),
      },
      { requiredKeys: ['arpa', 'grossMarginPct', 'churnPct', 'cac'] },
    ),
    fc.record(
      {
        arpa: money(c),
        grossMarginPct: percent,
        churnPct: percent,
        salesSpend: money(c),
        marketingSpend: money(c),
        newCustomers: count(1e9),
        retentionSpendPerClient: fc.option(money(c), { nil: null }),
        currency: fc.constant(c),
      },
      { requiredKeys: ['arpa', 'grossMarginPct', 'churnPct', 'salesSpend', 'marketingSpend', 'newCustomers'] },
    ),
  ),
);
const ltvInputs = currency.chain((c) =>
  fc.record({ arpa: money(c), grossMarginPct: percent, churnPct: percent, currency: fc.constant(c) }),
);
const targets = fc.record(
  { minLtvToCac: fc.double({ min: 0, max: 1e9, noNaN: true }), maxPaybackMonths: fc.double({ min: 0, max: 1e9, noNaN: true }) },
  { requiredKeys: [] },
);

// Revenue motions

const segments: fc.Arbitrary<Segment[]> = fc.array(
  fc.record(
    {
      id: fc.constantFrom('s1', 's2', 's3'),
      name: fc.string({ maxLength: 5 }),
      clients: count(1000),
      mrrPerClient: money('USD', 1e6),
      grossMarginPct: percent,
      motions: fc.array(
        fc.record({
          id: fc.constantFrom('m1', 'm2'),
          kind: fc.constantFrom(...core.MOTION_KINDS),
          frequency: fc.constantFrom(...core.MOTION_FREQUENCIES),
          minutesPerTouch: fc.oneof(fc.constantFrom(0, -0, 44640), fc.integer({ min: 0, max: 600 })),
          hourlyCost: money('USD', 1000),
          toolCostPerClient: money('USD', 1000),
        }),
        { maxLength: 3 },
      ),
      offers: fc.array(
        fc.record({
          id: fc.constantFrom('o1', 'o2'),
          name: fc.string({ maxLength: 5 }),
          kind: fc.constantFrom(...core.OFFER_KINDS),
          mrr: money('USD', 1e5),
          monthlyTakeRatePct: percent,
        }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['id', 'name', 'clients', 'mrrPerClient', 'motions', 'offers'] },
  ),
  { maxLength: 3 },
);
const motionsOptions = fc.record(
  { hoursPerManagerPerMonth: fc.oneof(fc.constantFrom(1, 120, 744), fc.double({ min: 1, max: 744, noNaN: true })), currency },
  { requiredKeys: [] },
);

// Packages

/** A design in `c`: products p0–p3 (ids may repeat), tiers naming them, prices at the edges (a cost a cent above the price). */
const designIn = (c: string): fc.Arbitrary<PackageDesign> =>
  fc
    .record({
      catalog: fc.array(
        fc.record(
          {
            id: fc.constantFrom('p0', 'p1', 'p2', 'p3'),
            name: fc.constantFrom('', 'Reviews', ' '),
            wholesale: money(c, 1e5),
            retail: money(c, 1e5),
            interval,
            intervalCount: fc.integer({ min: 1, max: 3 }),
            setupFee: fc.option(money(c, 1e4), { nil: null }),
          },
          { requiredKeys: ['id', 'name', 'wholesale', 'retail', 'interval'] },
        ),
        { maxLength: 4 },
      ),
      tiers: fc.array(
        fc.record(
          {
            id: fc.constantFrom('good', 'better', 'best', 'constructor'),
            name: fc.constantFrom('Good', ''),
            items: fc.array(
              fc.record({
                productId: fc.constantFrom('p0', 'p1', 'p2', 'p3'),
                quantity: fc.oneof(
                  fc.constantFrom(0, -0, 1, 0.01, 2.5),
                  fc.integer({ min: 0, max: 100000 }).map((x) => x / 100),
                ),
              }),
              { maxLength: 4 },
            ),
            discountPct: fc.option(percent, { nil: null }),
            price: fc.option(money(c, 1e6), { nil: null }),
          },
          { requiredKeys: ['id', 'name', 'items'] },
        ),
        { maxLength: 3 },
      ),
      targetMarginPct: fc.option(percent, { nil: null }),
      annualDiscountPct: fc.option(percent, { nil: null }),
      mix: fc.dictionary(fc.constantFrom('good', 'better', 'best', 'other'), count(1000)),
    })
    .map(({ catalog, tiers, ...rest }) => {
      const ids = new Set(catalog.map((p) => p.id));
      // Items name products of the catalog (an unknown product is a field error, not a result).
      const known = tiers.map((t) => ({ ...t, items: t.items.filter((i) => ids.has(i.productId)) }));
      return { currency: c, catalog, tiers: known, ...rest };
    });
const design = isoCurrency.chain(designIn);
/** The known case: a cost a cent (one minor unit) above the price, in every currency. */
const costAboveDesign = isoCurrency.map((c): PackageDesign => ({
  currency: c,
  catalog: [
    { id: 'p', name: 'P', wholesale: core.fromMinor(1_000_001, c), retail: core.fromMinor(1_000_000, c), interval: 'month' },
  ],
  tiers: [{ id: 't', name: 'T', items: [{ productId: 'p', quantity: 1 }] }],
  targetMarginPct: 50,
}));
const designs = fc.oneof(design, costAboveDesign);

// ICP

const range = fc
  .record(
    {
      min: fc.option(fc.integer({ min: -10, max: 100 }), { nil: null }),
      max: fc.option(fc.integer({ min: -10, max: 200 }), { nil: null }),
    },
    { requiredKeys: [] },
  )
  .map((r) => (r.min != null && r.max != null && r.max <= r.min ? { min: r.min, max: r.min + 1 } : r));
const weight = fc.oneof(
  fc.constantFrom(0, -0, 0.1, 0.2, 0.3, 5),
  fc.integer({ min: 0, max: 500 }).map((x) => x / 100),
);
const criterion: fc.Arbitrary<IcpCriterion> = fc.oneof(
  fc.record({
    id: fc.constantFrom('industry', 'kind'),
    field: fc.constant('industry'),
    weight,
    type: fc.constant('category' as const),
    ideal: fc.array(fc.constantFrom('Dental clinic', 'Law firm'), { maxLength: 2 }),
    acceptable: fc.array(fc.constantFrom('Cafe'), { maxLength: 1 }),
    disqualify: fc.array(fc.constantFrom('Gambling'), { maxLength: 1 }),
  }),
  fc.record({
    id: fc.constantFrom('employees', 'size'),
    field: fc.constant('employees'),
    weight,
    type: fc.constant('number' as const),
    ideal: fc.array(range, { maxLength: 2 }),
    acceptable: fc.array(range, { maxLength: 2 }),
    disqualify: fc.array(range, { maxLength: 1 }),
  }),
  fc.record({
    id: fc.constant('hasWebsite'),
    field: fc.constant('hasWebsite'),
    weight,
    type: fc.constant('boolean' as const),
    ideal: fc.oneof(fc.boolean(), fc.array(fc.boolean(), { maxLength: 1 })),
    acceptable: fc.array(fc.boolean(), { maxLength: 1 }),
  }),
);
const icp: fc.Arbitrary<Icp> = fc.oneof(
  fc.constant(core.STARTER_ICP as Icp),
  fc.record(
    {
      criteria: fc.array(criterion, { maxLength: 4 }),
      thresholds: fc.record(
        { A: fc.constantFrom(80, 100), B: fc.constantFrom(60, 50), C: fc.constantFrom(40, 0) },
        { requiredKeys: [] },
      ),
      minCoverage: fc.constantFrom(0, -0, 0.5, 1),
    },
    { requiredKeys: ['criteria'] },
  ),
);
const cellValue = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '-0',
    '-0.0',
    '0',
    '1,200',
    '12k',
    'yes',
    'no',
    'Dental  clinic',
    'cafe',
    'Gambling',
    '1e3',
    '.5',
    '-3.5',
  ),
  fc.constantFrom(0, -0, 7, 1e308, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, undefined),
  fc.integer({ min: -20, max: 300 }).map(String),
);
const account = fc.option(
  fc.record(
    { industry: cellValue, employees: cellValue, hasWebsite: cellValue, monthlyMarketingBudget: cellValue, rating: cellValue },
    { requiredKeys: [] },
  ),
  { nil: null },
);

const client: fc.Arbitrary<IcpClient> = fc.record({
  mrr: fc.oneof(fc.constantFrom(0, -0, '-0', '0.001', 1e9, '1,200.50'), fc.integer({ min: 0, max: 10000 })),
  start: isoDay,
  end: fc.option(isoDay, { nil: null }),
  industry: fc.constantFrom('Dental clinic', 'Cafe', 'Law firm', '', 'Gambling'),
  employees: fc.oneof(fc.constantFrom('-0', -0, '', 'many'), fc.integer({ min: 0, max: 500 })),
  hasWebsite: fc.constantFrom('yes', 'no', '', true),
});
const learnOptions = fc.record(
  {
    fields: fc.constant(['industry', 'employees', { field: 'hasWebsite', type: 'boolean' as const }, 'missing']),
    asOf: isoDay,
    target: fc.constantFrom('value' as const, 'retention' as const),
    bins: fc.integer({ min: 1, max: 6 }),
    minClients: fc.integer({ min: 0, max: 5 }),
    minSample: fc.constantFrom(0, 1, 5, 30),
    currency,
  },
  { requiredKeys: ['fields', 'asOf'] },
);
const clients = fc.array(client, { maxLength: 45 });

// Canvas

const canvas: fc.Arbitrary<ValueCanvas> = fc.record({
  jobs: fc.constant([]),
  pains: fc.array(
    fc.record({ id: fc.constantFrom('p1', 'p2'), text: fc.constant('x'), severity: fc.constantFrom(...core.PAIN_SEVERITIES) }),
    { maxLength: 4 },
  ),
  gains: fc.array(
    fc.record({ id: fc.constantFrom('g1', 'g2'), text: fc.constant('x'), relevance: fc.constantFrom(...core.GAIN_RELEVANCES) }),
    { maxLength: 4 },
  ),
  relievers: fc.array(
    fc.record({
      id: fc.constant('r'),
      text: fc.constant('x'),
      productIds: fc.array(fc.constantFrom('a', 'b')),
      painIds: fc.array(fc.constantFrom('p1', 'p2')),
    }),
    { maxLength: 2 },
  ),
  creators: fc.array(
    fc.record({
      id: fc.constant('c'),
      text: fc.constant('x'),
      productIds: fc.array(fc.constantFrom('a', 'b')),
      gainIds: fc.array(fc.constantFrom('g1', 'g2')),
    }),
    { maxLength: 2 },
  ),
});

// Files

/** A catalog CSV: header, rows with amounts written in either format, −0, blanks, formulas. */
const catalogCsv = fc
  .array(
    fc.tuple(
      fc.constantFrom('p0', 'p1', '', '=cmd'),
      fc.constantFrom('Reviews', "'=SUM(A1)"),
      amountText,
      amountText,
      fc.constantFrom('month', 'year', 'monthly', 'once', 'fortnight', ''),
      fc.constantFrom('', '1', '2', '-0', '0'),
      fc.constantFrom('', '-0', '0', '12.5', '1.200,50'),
    ),
    { maxLength: 5 },
  )
  .chain((rows) =>
    fc
      .constantFrom(',', ';', '\t')
      .map((sep) =>
        [['id', 'name', 'wholesale', 'retail', 'interval', 'intervalCount', 'setupFee'], ...rows]
          .map((r) =>
            r.map((cell) => (cell.includes(sep) || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell)).join(sep),
          )
          .join('\n'),
      ),
  );
const productJsonValue = fc.oneof(fc.constantFrom(0, -0, 1e-3, 12.5, 1e12), fc.constantFrom('-0', 'x'));
/** JSON text as a file gives it: `-0` written literally is read as −0 by JSON.parse. */
const catalogJson = fc
  .array(
    fc.record({
      id: fc.constantFrom('p0', 'p1'),
      name: fc.constant('P'),
      wholesale: productJsonValue,
      retail: productJsonValue,
      interval,
      intervalCount: fc.constantFrom(1, -0),
      setupFee: productJsonValue,
    }),
    { maxLength: 4 },
  )
  .map((list) => JSON.stringify(list).replace(/"-0"/g, '-0'));
const designJson = designs.map((d) => JSON.stringify(d).replace(/:0([,}])/g, ':-0$1'));
const numberFormat = fc.constantFrom<core.NumberFormat | undefined>('dot', 'comma', undefined);

// ---------------------------------------------------------------------------------------------
// The table: every export of mrr-kit/core

interface Probe {
  /** The arguments of one call. */
  args: fc.Arbitrary<readonly unknown[]>;
  /** How to call it when not `fn(...args)` (a class, a function returned). */
  call?: (fn: (...a: never[]) => unknown, args: readonly unknown[]) => unknown;
  /** The output is (or holds) text formatted for people: it may not show a signed zero, NaN or ∞. */
  formatted?: boolean;
}

const args = (...arbs: fc.Arbitrary<unknown>[]) => fc.tuple(...arbs) as fc.Arbitrary<readonly unknown[]>;

const FUNCTIONS: Record<string, Probe> = {
  // money.ts
  isBillingInterval: { args: args(fc.oneof(interval, fc.string(), fc.anything())) },
  readInterval: { args: args(fc.oneof(fc.constantFrom('Monthly', ' annual ', 'once', '__proto__', 'constructor'), fc.string())) },
  currencyDigits: { args: args(currency) },
  // Told only digits Intl gives (a wrong table would change every later amount in this run).
  knowCurrencyDigits: { args: args(fc.constant({ USD: 2, JPY: 0 })) },
  isCurrency: { args: args(fc.oneof(currency, fc.string({ maxLength: 4 }))) },
  toMinor: {
    args: args(
      fc.oneof(
        fieldNumber,
        finite.map((x) => -Math.abs(x)),
        fc.constantFrom(-0.001, -0.3, -0.5, -1e-9),
      ),
      currency,
    ),
  },
  fromMinor: {
    args: args(fc.oneof(fc.integer(), fc.constantFrom(0, -0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER)), currency),
  },
  roundHalfAway: { args: args(fc.oneof(anyDouble, fc.constantFrom(-0.3, -0.5, -1e-300, -0.49999999999999994))) },
  toMonthlyMinor: {
    args: args(
      fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom(0, -0, -1, 1)),
      interval,
      fc.oneof(fc.integer({ min: 1, max: 120 }), fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.5)),
    ),
  },
  toMonthly: {
    args: currency.chain((c) =>
      args(fc.oneof(money(c), fc.constantFrom(-0.001, -0.004)), interval, fc.integer({ min: 1, max: 120 }), fc.constant(c)),
    ),
  },
  canonicalLocale: { args: args(fc.oneof(locale, fc.string({ maxLength: 8 }))) },
  formatMoney: {
    args: args(
      fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(0, -0, -1, -4, Number.NaN, Number.POSITIVE_INFINITY)),
      currency,
      locale,
      fc.record({ compact: fc.boolean(), whole: fc.boolean(), round: fc.boolean() }, { requiredKeys: [] }),
    ),
    formatted: true,
  },
  formatNumber: {
    args: args(
      fc.oneof(anyDouble, fc.constantFrom(-0, -0.001, -0.4, -1e-20)),
      locale,
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 4 }),
    ),
    formatted: true,
  },
  formatPercent: {
    args: args(fc.oneof(anyDouble, fc.constantFrom(-0, -0.001, -0.04, -1e-20)), locale, fc.integer({ min: 0, max: 3 })),
    formatted: true,
  },
  parseAmount: { args: args(amountText, locale) },
  parseMoney: { args: args(amountText, currency, locale, fc.record({ allowNegative: fc.boolean() })) },
  // mrr.ts
  validateAssumptions: { args: args(fc.oneof(assumptions, fc.anything())) },
  plansToMrr: {
    args: currency.chain((c) =>
      args(
        fc.array(
          fc.record({ price: money(c, 1e6), interval, intervalCount: fc.integer({ min: 1, max: 3 }), clients: count(1e4) }),
          { maxLength: 4 },
        ),
        fc.constant(c),
      ),
    ),
  },
  projectMrr: { args: args(assumptions) },
  churnReductionValue: { args: args(assumptions, fc.oneof(percent, fc.constantFrom(1, 0.5, 100))) },
  // goal-seek.ts
  goalSeek: {
    args: args(
      assumptions,
      fc.record(
        {
          field: fc.constantFrom(
            'newCustomersPerMonth' as const,
            'newCustomerMrr' as const,
            'expansionPct' as const,
            'churnPct' as const,
          ),
          targetEndingMrr: fc.oneof(
            fc.constantFrom(0, -0, 0.01, 1e12, 5e12, 1e15),
            fc.double({ min: 0, max: 1e9, noNaN: true }),
            anyDouble,
          ),
          startingAtSamePrice: fc.boolean(),
        },
        { requiredKeys: ['field', 'targetEndingMrr'] },
      ),
    ),
  },
  // unit-economics.ts
  validateUnitEconomics: { args: args(fc.oneof(unitInputs, fc.anything())) },
  unitEconomics: { args: args(unitInputs) },
  ltvCurve: { args: args(ltvInputs, percent, percent, fc.integer({ min: 2, max: 50 })) },
  churnImprovementValue: {
    args: args(
      ltvInputs,
      fc.oneof(
        fc.constantFrom(0.01, 1, 100),
        percent.filter((p) => p > 0),
      ),
    ),
  },
  validateTargets: { args: args(fc.oneof(targets, fc.anything())) },
  evaluateTargets: {
    args: args(
      unitInputs.map((i) => core.unitEconomics(i)),
      targets,
    ),
  },
  // motions.ts
  touchesPerMonth: { args: args(fc.constantFrom(...core.MOTION_FREQUENCIES)) },
  validateMotionsPlan: { args: args(segments, motionsOptions) },
  motionsPlan: { args: args(segments, motionsOptions) },
  // recommendations.ts: from real results of the pillars (and none of them).
  recommendations: {
    args: args(
      fc.record(
        {
          currency,
          economics: fc.tuple(unitInputs, targets).map(([i, t]) => {
            const result = core.unitEconomics(i);
            return { result, targets: t, status: core.evaluateTargets(result, t), churnPct: i.churnPct };
          }),
          motions: fc.tuple(segments, motionsOptions).map(([s, o]) => core.motionsPlan(s, o)),
          icp: fc.record({ name: fc.string(), pains: fc.array(fc.string(), { maxLength: 5 }) }),
        },
        { requiredKeys: ['currency'] },
      ),
    ),
  },
  defaultSegments: { args: args() },
  // movements.ts, period-columns.ts, cohorts.ts, metrics.ts
  columnsToPeriods: { args: args(columns) },
  isPeriodColumns: { args: args(fc.oneof(columns, fc.anything())) },
  validatePeriod: { args: args(period, fc.record({ currency }, { requiredKeys: [] })) },
  findPeriodIssues: { args: args(periods, fc.record({ currency }, { requiredKeys: [] })) },
  periodsToColumns: { args: args(periods, fc.record({ currency }, { requiredKeys: [] })) },
  mrrMovements: { args: args(fc.oneof(periods, columns), periodOptions) },
  analyzeSubscriptions: { args: args(fc.oneof(periods, columns), periodOptions) },
  groupedByCustomer: { args: args(columns) },
  partMovements: {
    args: args(
      columns,
      fc.record({ asOf: isoMonth, skipFirst: fc.boolean(), skipLast: fc.boolean() }, { requiredKeys: ['skipFirst', 'skipLast'] }),
    ),
  },
  // The columns as one part (its totals, nothing at the edges), or cut in two where the engine can.
  analyzeParts: {
    args: fc.tuple(columns, fc.record({ asOf: isoMonth }, { requiredKeys: [] }), fc.boolean()),
    call: (fn, [c, options, cut]) => {
      const cols = c as PeriodColumns;
      const asOf = (options as { asOf?: string }).asOf;
      const at = cut ? cols.customer.indexOf(1) : -1;
      const parts =
        at > 0
          ? [
              { start: 0, movements: core.partMovements({ ...cols, length: at }, { asOf, skipFirst: false, skipLast: true }) },
              {
                start: at,
                movements: core.partMovements(core.sliceColumns(cols, at, cols.length), {
                  asOf,
                  skipFirst: true,
                  skipLast: false,
                }),
              },
            ]
          : [{ start: 0, movements: core.partMovements(cols, { asOf, skipFirst: false, skipLast: false }) }];
      return parts.every((p) => p.movements) ? fn(...([cols, parts, options] as never[])) : undefined;
    },
  },
  monthlyMetrics: { args: args(movementRows) },
  summaryMetrics: { args: args(movementRows, summaryOptions) },
  measuredAssumptions: {
    args: fc.tuple(movementRows, summaryOptions),
    call: (fn, [rows, options]) =>
      fn(...([core.summaryMetrics(rows as MovementRow[], options as core.SummaryOptions), rows] as never[])),
  },
  cohortRetention: { args: args(fc.oneof(periods, columns), periodOptions) },
  averageRetention: {
    args: args(
      analysisInput.map(([ps, o]) => {
        try {
          return core.cohortRetention(ps, o);
        } catch (e) {
          if (e instanceof RangeError) return { cohorts: [], maxAge: 0 };
          throw e;
        }
      }),
    ),
  },
  monthlyMinorOf: {
    args: currency.chain((c) => args(money(c, 1e9), fc.constant(10 ** digitsOf(c)), interval, fc.integer({ min: 1, max: 120 }))),
  },
  emptyColumns: { args: args(currency) },
  PeriodColumnsBuilder: {
    args: args(
      currency,
      fc.integer({ min: 0, max: 40 }),
      fc.array(fc.tuple(fc.constantFrom('a', 'b', '-0'), fc.integer({ min: 0, max: 1e6 })), { maxLength: 40 }),
    ),
    call: (_, [c, capacity, rows]) => {
      const builder = new core.PeriodColumnsBuilder(c as string, capacity as number);
      for (const [id, minor] of rows as [string, number][])
        builder.append(builder.customerIndex(id), 24320 * 32 + 1, core.RUNNING, minor);
      return builder.build();
    },
  },
  sliceColumns: { args: args(columns, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })) },
  concatColumns: {
    args: fc.tuple(columns, fc.integer({ min: 0, max: 15 })),
    call: (fn, [c, at]) => {
      const all = c as PeriodColumns;
      return fn(
        ...([
          [core.sliceColumns(all, 0, at as number), core.sliceColumns(all, at as number, all.length)],
          all.customerIds,
          all.currency,
        ] as never[]),
      );
    },
  },
  // icp.ts, icp-learn.ts
  isIcpUnknown: { args: args(cellValue) },
  readIcpNumber: { args: args(fc.oneof(cellValue, finite, fc.stringMatching(/^[+-]?\d{0,4}(\.\d{0,3})?$/))) },
  readIcpBoolean: { args: args(cellValue) },
  icpCategoryKey: { args: args(fc.string()) },
  inIcpRange: { args: args(finite, range) },
  icpFit: { args: args(icp, account) },
  icpScorer: {
    args: args(icp, fc.array(account, { maxLength: 5 })),
    call: (fn, [i, accounts]) => (accounts as []).map((a) => (fn(...([i] as never[])) as (x: unknown) => unknown)(a)),
  },
  icpBatchScorer: {
    args: args(icp, fc.array(account, { maxLength: 5 })),
    call: (fn, [i, accounts]) => {
      const score = fn(...([i] as never[])) as (x: unknown, codes?: Uint8Array) => unknown;
      return (accounts as []).map((a) => structuredClone(score(a, new Uint8Array(16))));
    },
  },
  validateIcp: { args: args(icp) },
  quantileRanges: {
    args: args(
      fc.array(fc.oneof(finite, fc.constantFrom(-0, 0, 1e-300, -1e-300)), { maxLength: 30 }),
      fc.integer({ min: 1, max: 8 }),
    ),
  },
  weightFromInformationValue: { args: args(anyDouble) },
  learnIcp: { args: args(clients, learnOptions) },
  holdoutCheck: {
    args: fc.tuple(clients, learnOptions, fc.integer({ min: 0, max: 5 })),
    call: (fn, [c, o, every]) => fn(...([c, { ...(o as object), every }] as never[])),
  },
  againstChance: {
    args: args(
      fc.oneof(
        fc.constant(null),
        fc.record({ highValue: count(), others: count(), highValueInAB: count(), othersInAB: count() }),
      ),
    ),
  },
  // currencies.ts
  currencyCodes: { args: args() },
  isIsoCurrency: { args: args(fc.oneof(currency, fc.string({ maxLength: 4 }), fc.anything())) },
  // packages.ts
  isSafeHref: { args: args(fc.oneof(fc.constantFrom('/signup', 'java\tscript:x', 'mailto:a@b'), fc.string())) },
  validatePackageDesign: { args: args(fc.oneof(designs, fc.anything())) },
  packageEconomics: { args: args(designs) },
  tierOffer: {
    args: args(designs, fc.constantFrom('good', 'better', 'best', 't', 'none'), fc.constantFrom('month', 'year')),
    call: (fn, [d, tier, every]) => fn(...([core.packageEconomics(d as PackageDesign), tier, every] as never[])),
  },
  // canvas.ts
  canvasFit: {
    args: args(
      canvas,
      fc.record(
        {
          productIds: fc.array(fc.constantFrom('a', 'b')),
          top: fc.oneof(fc.integer({ min: -1, max: 10 }), fc.constantFrom(0, -0, 0.5)),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  // catalog-io.ts
  catalogToCsv: { args: args(design.map((d) => d.catalog)) },
  parseCatalogCsv: {
    args: args(
      catalogCsv,
      fc.record({ numberFormat: fc.constantFrom<core.NumberFormat>('dot', 'comma'), locale }, { requiredKeys: [] }),
    ),
  },
  catalogToJson: { args: args(design.map((d) => d.catalog)) },
  parseCatalogJson: { args: args(fc.oneof(catalogJson, fc.string())) },
  designToJson: { args: args(design) },
  parseDesignJson: { args: args(fc.oneof(designJson, fc.string())) },
  // number-format.ts
  numberFormatOfLocale: { args: args(locale) },
  readsTwoWays: { args: args(amountText) },
  detectNumberFormat: { args: args(fc.array(amountText, { maxLength: 6 })) },
  twoWaySample: { args: args(fc.array(amountText, { maxLength: 6 })) },
  sampleCells: {
    args: args(
      fc.array(fc.dictionary(fc.constantFrom('a', 'b'), amountText), { maxLength: 6 }),
      fc.constant(['a', 'b']),
      fc.integer({ min: 0, max: 5 }),
    ),
  },
  readFileAmount: { args: args(amountText, numberFormat) },
  plainAmountAt: {
    // A cell inside a line: read in place between its bounds.
    args: args(amountText, numberFormat),
    call: (fn, [text, format]) => (fn as (...a: unknown[]) => unknown)(`x,${String(text)},y`, 2, 2 + String(text).length, format),
  },
  readFileNumber: { args: args(amountText, numberFormat) },
  plainNumberText: { args: args(amountText, numberFormat) },
  // config.ts
  validateConfig: {
    args: args(
      fc.oneof(
        fc.anything(),
        fc.record(
          {
            theme: fc.oneof(fc.constantFrom(...core.THEMES), fc.string()),
            headingLevel: fc.oneof(fc.integer({ min: -1, max: 8 }), fc.constantFrom(-0, 2.5, NaN)),
            brandName: fc.string(),
            leads: fc.oneof(fc.anything(), fc.record({ endpoint: fc.string(), consentText: fc.string() }, { requiredKeys: [] })),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  },
  // csv.ts
  neutralizeFormulas: { args: args(fc.string()) },
  readCsvCell: { args: args(fc.string()) },
  cellText: { args: args(fc.oneof(fc.string(), anyDouble, fc.boolean(), fc.constantFrom(null, undefined, -0, { a: 1 }))) },
  csvCell: { args: args(fc.oneof(fc.string(), anyDouble, fc.constantFrom(null, undefined, -0))) },
  csvLine: { args: args(fc.array(fc.oneof(fc.string(), finite), { maxLength: 4 })) },
  toCsv: { args: args(fc.array(fc.array(fc.string(), { maxLength: 3 }), { maxLength: 3 })) },
};

/** Exports that are not functions: their values are walked as they are (they take no input). */
const CONSTANTS: Record<string, string> = {
  BILLING_INTERVALS: 'a list of interval names',
  THEMES: 'a list of theme names',
  ICP_FIELD_ALIASES: 'column names per field, no numbers',
  LEAD_FIELD_TYPES: 'a list of input types',
  MAX_AMOUNT: 'a limit',
  MAX_HORIZON_MONTHS: 'a limit',
  MAX_MRR_MINOR: 'a limit',
  MAX_STARTING_MRR: 'a limit',
  MOTION_KINDS: 'a list of names',
  MOTION_FREQUENCIES: 'a list of names',
  OFFER_KINDS: 'a list of names',
  MAX_SEGMENTS: 'a limit',
  SEGMENT_MONTHLY_MAX: 'a limit',
  RUNNING: 'the end day of a running period (−1)',
  MIN_LTV_MONTHS: 'a limit',
  ICP_DEFAULT_THRESHOLDS: 'default tier thresholds',
  ICP_DEFAULT_MIN_COVERAGE: 'a default',
  ICP_MAX_WEIGHT: 'a limit',
  ICP_MATCH_CODES: 'a list of match names',
  STARTER_ICP: 'example data (its ranges are walked)',
  ICP_LEARN_MIN_CLIENTS: 'a limit',
  MAX_QUANTITY: 'a limit',
  MAX_TIER_MONTHLY: 'a limit',
  STARTER_CATALOG: 'example data',
  STARTER_TIERS: 'example data',
  STARTER_SETTINGS: 'example data',
  PAIN_SEVERITIES: 'a list of names',
  GAIN_RELEVANCES: 'a list of names',
  JOB_IMPORTANCES: 'a list of names',
  CATALOG_COLUMNS: 'a list of column names',
  REQUIRED_COLUMNS: 'a list of column names',
  MAX_CATALOG_ROWS: 'a limit',
};

const exported = core as unknown as Record<string, unknown>;
const RUNS = 150;

describe('mrr-kit/core: no output is −0, NaN or ±∞', () => {
  it('lists every export: each function has arbitraries, each constant a reason', () => {
    const functions = Object.keys(exported).filter((k) => typeof exported[k] === 'function');
    const constants = Object.keys(exported).filter((k) => typeof exported[k] !== 'function');
    // A new export fails here until it gets an entry; an entry whose export went away fails too.
    expect(
      functions.filter((k) => !(k in FUNCTIONS)),
      'functions without arbitraries',
    ).toEqual([]);
    expect(
      constants.filter((k) => !(k in CONSTANTS)),
      'constants not listed',
    ).toEqual([]);
    expect(
      Object.keys(FUNCTIONS).filter((k) => typeof exported[k] !== 'function'),
      'entries of no function',
    ).toEqual([]);
    expect(
      Object.keys(CONSTANTS).filter((k) => !(k in exported) || typeof exported[k] === 'function'),
      'entries of no constant',
    ).toEqual([]);
  });

  it('constants hold no −0, NaN or ±∞', () => {
    for (const name of Object.keys(CONSTANTS)) expect(badNumber(exported[name]), name).toBeNull();
  });

  for (const [name, probe] of Object.entries(FUNCTIONS)) {
    it(name, () => {
      const fn = exported[name] as ((...a: never[]) => unknown) | undefined;
      if (typeof fn !== 'function') return; // reported by the listing test
      let returned = 0;
      fc.assert(
        fc.property(probe.args, (list) => {
          let out: unknown;
          try {
            out = probe.call ? probe.call(fn, list) : fn(...(list as never[]));
          } catch (e) {
            // Refusing bad input is allowed (InvalidInputError, RangeError); only what is returned is judged.
            if (e instanceof InvalidInputError || e instanceof RangeError) return;
            throw e;
          }
          returned += 1;
          const bad = badNumber(out, probe.formatted);
          if (bad) throw new Error(`${name}(${describeArgs(list)}) → ${bad}`);
        }),
        { numRuns: RUNS },
      );
      // Arbitraries mostly build valid input: a property that only ever sees refusals proves nothing.
      expect(returned, `${name} returned for too few inputs`).toBeGreaterThan(RUNS / 3);
    });
  }

  it('the cases this property found, each fixed: 0 where −0, NaN or ∞ came out', () => {
    const zero = (x: unknown) => Object.is(x, 0);
    expect(zero(core.roundHalfAway(-0.3))).toBe(true); // was −0 (−1 × Math.round(0.3))
    expect(zero(core.toMonthlyMinor(-1, 'year'))).toBe(true); // −1 ÷ 12 rounds to −0
    expect(core.roundHalfAway(Number.MAX_VALUE)).toBe(Number.MAX_VALUE); // was Infinity (the nudge overflowed)
    expect(core.formatNumber(-0.001, 'en')).toBe('0'); // was "-0"
    expect(core.formatMoney(-1, 'KWD', 'en', { round: true }).replace(/\s/g, ' ')).toBe('KWD 0'); // was "-KWD 0"
    expect(core.formatPercent(-0, 'en')).toBe('0%'); // was "-0%"
    expect(core.parseAmount('-0,00', 'en')).toEqual({
      ok: false,
      code: 'badGrouping',
      readings: { decimal: 0, grouped: 0, digits: 2 },
    });
    expect(zero(core.readIcpNumber('-0'))).toBe(true);
    // −0 passes "≥ 0": read as 0 by the validation, so results do not echo it.
    expect(zero(core.projectMrr({ months: 1, startingCustomers: -0, churnPct: 5 }).months[0]?.churnedCustomers)).toBe(true);
    expect(zero(core.unitEconomics({ arpa: 0, grossMarginPct: -0, churnPct: 1, cac: 1 }).ltvToCac.value)).toBe(true);
    expect(zero(core.ltvCurve({ arpa: 1, grossMarginPct: 50 }, 1, -0, 2)[1]?.churnPct)).toBe(true);
    expect(
      zero(core.parseCatalogJson('[{"id":"p","name":"P","wholesale":-0,"retail":1,"interval":"month"}]').products[0]?.wholesale),
    ).toBe(true);
    expect(
      zero(core.parseDesignJson('{"currency":"USD","catalog":[],"tiers":[],"targetMarginPct":-0}').design?.targetMarginPct),
    ).toBe(true);
  });

  it('a cost one minor unit above the price gives a margin of 0 %, not −0 %, in every currency', () => {
    for (const c of ISO_CURRENCIES) {
      const [design] = fc.sample(
        costAboveDesign.filter((d) => d.currency === c),
        1,
      );
      const result = core.packageEconomics(design!);
      // price 1,000,000 minor units, cost 1,000,001: (1,000,000 − 1,000,001) × 100 ÷ 1,000,000 = −0.0001 %,
      // which is 0.00 % at 2 decimals (and was −0).
      expect(Object.is(result.tiers[0]?.marginPct, 0), c).toBe(true);
    }
  });
});

/** Arguments for a failure message: −0 and typed arrays shown as they are. */
function describeArgs(list: readonly unknown[]): string {
  return list
    .map((a) =>
      JSON.stringify(a, (_k, v: unknown) =>
        Object.is(v, -0)
          ? '-0'
          : typeof v === 'number' && !Number.isFinite(v)
            ? String(v)
            : ArrayBuffer.isView(v)
              ? Array.from(v as unknown as ArrayLike<number>)
              : v,
      ),
    )
    .join(', ')
    .slice(0, 600);
}
