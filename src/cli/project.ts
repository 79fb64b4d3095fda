/**
 * `mrr-kit project`: the calculator's projection (`projectMrr`, the same core call the
 * `<mrr-calculator>` element makes), from flags or a JSON file of assumptions (flags win).
 */
import { projectMrr, validateAssumptions, type MrrAssumptions, type ProjectionMonth } from '../core/mrr.js';
import { currencyDigits } from '../core/money.js';
import { toCsv } from '../core/csv.js';
import { checkOut, currencyFlag, emit, flagNumber, InputError, readJsonFile, STDIN, type CliIo } from './io.js';

/** Flag name → assumption: every number the projection takes. */
export const PROJECT_FLAGS = {
  months: 'months',
  'starting-mrr': 'startingMrr',
  'starting-customers': 'startingCustomers',
  'new-customers': 'newCustomersPerMonth',
  'new-customer-mrr': 'newCustomerMrr',
  'churn-pct': 'churnPct',
  'logo-churn-pct': 'logoChurnPct',
  'expansion-pct': 'expansionPct',
  'contraction-pct': 'contractionPct',
} as const satisfies Record<string, keyof MrrAssumptions>;

export interface ProjectArgs {
  assumptions?: string;
  currency?: string;
  format?: 'csv' | 'json';
  out?: string;
  /** The number flags, as typed. */
  numbers: Partial<Record<keyof typeof PROJECT_FLAGS, string>>;
}

/**
 * What the projection cannot do without, and why: the starting figures (MRR and customers today,
 * or a plan list), never taken as zeros unless given as zeros, and the price of a new customer
 * when there is no customer today to take an average from. Field → what to give.
 */
function missingFigures(assumptions: Record<string, unknown>): [keyof MrrAssumptions, string][] {
  const missing: [keyof MrrAssumptions, string][] = [];
  const plans = Array.isArray(assumptions.plans) && assumptions.plans.length > 0;
  if (plans) return missing;
  if (assumptions.startingMrr === undefined)
    missing.push(['startingMrr', 'MRR today, major units (0 for a business starting from nothing)']);
  if (assumptions.startingCustomers === undefined)
    missing.push(['startingCustomers', 'paying customers today (0 for a business starting from nothing)']);
  if (
    assumptions.startingCustomers === 0 &&
    Number(assumptions.newCustomersPerMonth ?? 0) > 0 &&
    assumptions.newCustomerMrr === undefined
  )
    missing.push(['newCustomerMrr', 'MRR of a new customer (no customer today to take the average price from)']);
  return missing;
}

/** The assumptions from the JSON file (if any) and the flags; InputError when something does not read. */
export async function readAssumptions(args: ProjectArgs, io?: CliIo): Promise<MrrAssumptions> {
  let base: Record<string, unknown> = {};
  if (args.assumptions !== undefined) {
    base = (await readJsonFile(args.assumptions, io)) as Record<string, unknown>;
    if (typeof base !== 'object' || base === null || Array.isArray(base)) {
      throw new InputError(`${args.assumptions} must hold one JSON object of assumptions`);
    }
  }
  const assumptions: Record<string, unknown> = { months: 12, ...base };
  for (const [flag, key] of Object.entries(PROJECT_FLAGS)) {
    const text = args.numbers[flag as keyof typeof PROJECT_FLAGS];
    if (text === undefined) continue;
    const value = flagNumber(text);
    if (!Number.isFinite(value)) throw new InputError(`--${flag} takes a number (a dot for decimals), not "${text}"`);
    assumptions[key] = value;
  }
  if (args.currency !== undefined) assumptions.currency = currencyFlag('--currency', args.currency);
  else if (typeof assumptions.currency === 'string')
    assumptions.currency = currencyFlag(
      `${args.assumptions === STDIN ? 'stdin' : args.assumptions}: "currency"`,
      assumptions.currency,
    );
  const issues = validateAssumptions(assumptions);
  const missing = missingFigures(assumptions);
  if (issues.length > 0 || missing.length > 0) {
    const flagOf = (field: string) => Object.entries(PROJECT_FLAGS).find(([, key]) => key === field.split('.')[0])?.[0];
    const lines = issues.map((i) => {
      const flag = flagOf(i.field);
      const limits = i.params ? ` (${i.params.min ?? '…'}–${i.params.max ?? '…'})` : '';
      return `  - ${i.field}${flag ? ` (--${flag})` : ''}: ${i.code}${limits}`;
    });
    for (const [field, why] of missing) lines.push(`  - ${field} (--${flagOf(field)}): missing: ${why}`);
    const how =
      missing.length > 0 ? '\ngive what is missing as flags or in an assumptions FILE.json (mrr-kit project --help)' : '';
    throw new InputError(`the assumptions cannot be projected:\n${lines.join('\n')}${how}`);
  }
  return assumptions as unknown as MrrAssumptions;
}

const COLUMNS = [
  'month',
  'startingMrr',
  'new',
  'expansion',
  'contraction',
  'churn',
  'endingMrr',
  'customers',
  'newCustomers',
  'churnedCustomers',
] as const satisfies readonly (keyof ProjectionMonth)[];

export async function projectCommand(args: ProjectArgs, io: CliIo): Promise<void> {
  await checkOut(args.out, args.assumptions === undefined ? [] : [args.assumptions]);
  const assumptions = await readAssumptions(args, io);
  const projection = projectMrr(assumptions);
  const digits = currencyDigits(assumptions.currency ?? 'USD');
  const money = new Set(['startingMrr', 'new', 'expansion', 'contraction', 'churn', 'endingMrr']);
  const text =
    args.format === 'json'
      ? `${JSON.stringify(projection, null, 2)}\n`
      : toCsv(
          [
            [...COLUMNS],
            ...projection.months.map((m) =>
              COLUMNS.map((c) => (money.has(c) ? m[c].toFixed(digits) : c === 'month' ? m[c] : Number(m[c].toFixed(2)))),
            ),
          ],
          { newline: '\n' },
        );
  await emit(io, args.out, [text]);
}
