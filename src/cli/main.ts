/**
 * The `mrr-kit` command line: its commands declared with citty (arguments, `--help` of each), run
 * with this module's exit codes (0 done, 2 bad input with the reason on stderr, 1 internal error).
 * `bin/mrr-kit` (`src/cli/mrr-kit.ts`) only calls {@link main} with the process's arguments.
 */
import { parseArgs as parseFlags } from 'node:util';
import { defineCommand, renderUsage, runCommand, type ArgsDef, type CommandDef, type SubCommandsDef } from 'citty';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, checkOut, emit, flagNumber, monthFlag, type CliIo } from './io.js';
import { movementsCommand } from './movements.js';
import { PROJECT_FLAGS, projectCommand } from './project.js';
import { fitCommand } from './fit.js';
import { dbtModel, DIALECTS, movementsSql } from './movements-sql.js';

export const VERSION = '0.1.0';

const output = {
  format: { type: 'enum', options: ['csv', 'json'], default: 'csv', description: 'Output format' },
  out: {
    type: 'string',
    valueHint: 'FILE',
    description: 'Write to FILE (atomically: nothing is left there on failure or Ctrl-C) instead of stdout',
  },
} as const satisfies ArgsDef;

const movementsArgs = {
  file: {
    type: 'positional',
    description: 'CSV export of subscription periods; - reads it from standard input',
    valueHint: 'FILE.csv',
  },
  'as-of': {
    type: 'string',
    valueHint: 'YYYY-MM',
    description: 'Last month reported; a month, not a full date (default: the last month a period starts or ends in)',
  },
  map: {
    type: 'string',
    valueHint: 'COLUMN=FIELD',
    description:
      "Feed FIELD (customerId, start, end, amount, interval, intervalCount, quantity, currency, status, trialEnd, or none; the SQL model's customer_id, start_date, end_date, interval_count too) from COLUMN; repeat for several",
  },
  ...output,
  amounts: { type: 'enum', options: ['cents', 'major'], description: 'Amounts are in cents (2900 = 29.00) or in major units' },
  decimal: { type: 'string', valueHint: '.|,', description: 'Decimal mark of the amounts, when the file does not settle it' },
  dates: {
    type: 'enum',
    options: ['iso', 'dmy', 'mdy', 'unix'],
    description: 'How dates are written, when the file does not settle it',
  },
  cancellation: {
    type: 'enum',
    options: ['end', 'ignore'],
    description: 'A cancellation column (Canceled At) without an end column: read it as the end, or ignore it',
  },
  currency: {
    type: 'string',
    valueHint: 'CODE',
    description: 'Currency of the report (default: the only one in the file, else USD)',
  },
  rate: {
    type: 'string',
    valueHint: 'CODE=RATE',
    description: '1 CODE = RATE of --currency, for files with several currencies; repeat',
  },
  delimiter: {
    type: 'string',
    description: 'Field delimiter, one character or \\t for a tab (default: guessed among , ; tab |)',
  },
  'skip-bad-rows': {
    type: 'boolean',
    description: 'Leave out rows that cannot be read (listed on stderr) instead of refusing the file',
  },
} as const satisfies ArgsDef;

const projectArgs = {
  file: {
    type: 'positional',
    required: false,
    valueHint: 'FILE.json',
    description: 'Assumptions as JSON (the same as --assumptions FILE.json); - reads them from standard input',
  },
  assumptions: {
    type: 'string',
    valueHint: 'FILE.json',
    description: "Assumptions as JSON (the calculator's fields); flags override them",
  },
  months: { type: 'string', description: 'Horizon in months, 1–120 (default 12)' },
  'starting-mrr': {
    type: 'string',
    description: 'MRR today, major units (required, unless in FILE.json; 0 to start from nothing)',
  },
  'starting-customers': { type: 'string', description: 'Paying customers today (required, unless in FILE.json)' },
  'new-customers': { type: 'string', description: 'New customers a month' },
  'new-customer-mrr': {
    type: 'string',
    description: "MRR of a new customer (default: today's average; required with new customers and none today)",
  },
  'churn-pct': { type: 'string', description: 'Revenue churn, % of MRR a month' },
  'logo-churn-pct': { type: 'string', description: 'Customers lost, % a month (default: --churn-pct)' },
  'expansion-pct': { type: 'string', description: 'Expansion, % of MRR a month' },
  'contraction-pct': { type: 'string', description: 'Contraction, % of MRR a month' },
  currency: { type: 'string', valueHint: 'CODE', description: 'ISO 4217 code (default USD)' },
  ...output,
} as const satisfies ArgsDef;

const fitArgs = {
  icp: {
    type: 'positional',
    valueHint: 'ICP.json',
    description: 'The ideal customer profile (as the ICP builder saves it); - reads it from standard input',
  },
  prospects: {
    type: 'positional',
    valueHint: 'PROSPECTS.csv',
    description: 'Prospects, one a row; - reads them from standard input',
  },
  map: { type: 'string', valueHint: 'COLUMN=FIELD', description: 'Feed the criterion on FIELD from COLUMN; repeat for several' },
  decimal: { type: 'string', valueHint: '.|,', description: 'Decimal mark of number columns, when the file does not settle it' },
  ...output,
  'skip-bad-rows': {
    type: 'boolean',
    description: 'Leave out rows that cannot be read (listed on stderr) instead of refusing the file',
  },
} as const satisfies ArgsDef;

const sqlArgs = {
  dialect: { type: 'enum', options: [...DIALECTS], default: 'duckdb', description: 'SQL dialect' },
  'as-of': {
    type: 'string',
    valueHint: 'YYYY-MM',
    description: 'Last month reported; a month, not a full date (default: the current month)',
  },
  table: { type: 'string', default: 'subscription_periods', description: 'Table of periods' },
  'currency-digits': { type: 'string', default: '2', description: 'Decimals of the minor unit (2 for cents, 0 for yen)' },
  dbt: { type: 'boolean', description: 'Print the dbt model (every dialect, by target.type) instead' },
  out: output.out,
} as const satisfies ArgsDef;

/**
 * Every flag given, with repeated ones (`--map`, `--rate`) kept as lists; unknown flags, a value
 * missing after a flag and more arguments than the command takes are bad input. citty parses the
 * command's arguments (and checks enums and positionals) but keeps only the last of a repeated flag
 * and lets unknown flags and extra arguments pass.
 */
function strictFlags(rawArgs: string[], args: ArgsDef): Record<string, string | boolean | (string | boolean)[] | undefined> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    options[name] = {
      type: def.type === 'boolean' ? 'boolean' : 'string',
      ...(name === 'map' || name === 'rate' ? { multiple: true } : {}),
    };
    if (def.type === 'boolean') options[`no-${name}`] = { type: 'boolean' };
  }
  try {
    const { values, positionals } = parseFlags({
      args: dashValues(rawArgs, options),
      options,
      allowPositionals: true,
      strict: true,
    });
    const taken = Object.values(args).filter((def) => def.type === 'positional').length;
    if (positionals.length > taken) {
      throw new InputError(
        `unexpected argument "${positionals[taken]}" (${taken === 0 ? 'the command takes none' : `it takes ${taken}`})`,
      );
    }
    return values;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

/**
 * Values that start with a dash, after a flag that takes one: a negative number is the value
 * (`--churn-pct -5` reads as `--churn-pct=-5`, as citty reads it; node's parseArgs calls it
 * ambiguous), `-` is one too (`--out -`, stdout); anything else is the next flag, so the flag
 * before it was given no value, and that is said plainly rather than taking the flag as the value.
 */
function dashValues(rawArgs: string[], options: Record<string, { type: 'string' | 'boolean' }>): string[] {
  const args: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i]!;
    if (arg === '--') return [...args, ...rawArgs.slice(i)];
    const next = rawArgs[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next?.startsWith('-') && next !== '-') {
      if (!/^-\.?\d/.test(next))
        throw new InputError(
          `--${name} needs a value, and "${next}" is a flag (a value starting with a dash: --${name}=${next})`,
        );
      args.push(`${arg}=${next}`);
      i++;
      continue;
    }
    args.push(arg);
  }
  return args;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

export function commands(io: CliIo): Record<'movements' | 'project' | 'fit' | 'sql', SubCommandsDef[string]> {
  const movements = defineCommand({
    meta: {
      name: 'movements',
      description: 'MRR movements of a CSV export, read and computed as <mrr-movements> does',
    },
    args: movementsArgs,
    async run({ args, rawArgs }) {
      const flags = strictFlags(rawArgs, movementsArgs);
      if (!args.file) throw new InputError('movements needs a FILE.csv (mrr-kit movements --help)');
      await movementsCommand(
        {
          file: args.file,
          asOf: args['as-of'],
          map: asList(flags.map),
          format: args.format,
          out: args.out,
          amounts: args.amounts,
          decimal: args.decimal,
          dates: args.dates,
          cancellation: args.cancellation,
          currency: args.currency,
          rate: asList(flags.rate),
          delimiter: args.delimiter,
          skipBadRows: Boolean(args['skip-bad-rows']),
        },
        io,
      );
    },
  });
  const project = defineCommand({
    meta: { name: 'project', description: 'MRR projection month by month, as the calculator computes it' },
    args: projectArgs,
    async run({ args, rawArgs }) {
      strictFlags(rawArgs, projectArgs);
      const numbers: Record<string, string> = {};
      for (const flag of Object.keys(PROJECT_FLAGS)) {
        const value = (args as Record<string, unknown>)[flag];
        if (typeof value === 'string') numbers[flag] = value;
      }
      if (args.file !== undefined && args.assumptions !== undefined)
        throw new InputError('give the assumptions once: FILE.json or --assumptions FILE.json, not both');
      await projectCommand(
        { assumptions: args.file ?? args.assumptions, currency: args.currency, format: args.format, out: args.out, numbers },
        io,
      );
    },
  });
  const fit = defineCommand({
    meta: { name: 'fit', description: 'Scores prospects against an ideal customer profile, as the ICP builder does' },
    args: fitArgs,
    async run({ args, rawArgs }) {
      const flags = strictFlags(rawArgs, fitArgs);
      if (!args.icp || !args.prospects) throw new InputError('fit needs ICP.json and PROSPECTS.csv (mrr-kit fit --help)');
      await fitCommand(
        {
          icp: args.icp,
          prospects: args.prospects,
          map: asList(flags.map),
          decimal: args.decimal,
          format: args.format,
          out: args.out,
          skipBadRows: Boolean(args['skip-bad-rows']),
        },
        io,
      );
    },
  });
  const sql = defineCommand({
    meta: {
      name: 'sql',
      description:
        'The movements model as one SQL query over subscription_periods(customer_id, start_date, end_date, amount, interval, interval_count): month, ending_mrr, new, expansion, contraction, churn, reactivation, customers',
    },
    args: sqlArgs,
    async run({ args, rawArgs }) {
      strictFlags(rawArgs, sqlArgs);
      const digits = flagNumber(args['currency-digits']);
      if (!Number.isInteger(digits) || digits < 0 || digits > 4)
        throw new InputError(`--currency-digits must be a whole number 0–4, not "${args['currency-digits']}"`);
      const asOf = monthFlag('--as-of', args['as-of']);
      await checkOut(args.out);
      let text: string;
      try {
        text = args.dbt ? dbtModel() : movementsSql({ dialect: args.dialect, asOf, table: args.table, currencyDigits: digits });
      } catch (e) {
        if (e instanceof RangeError) throw new InputError(e.message);
        throw e;
      }
      await emit(io, args.out, [text]);
    },
  });
  return { movements, project, fit, sql };
}

/** The `mrr-kit` command with its subcommands. */
export function program(io: CliIo): CommandDef<ArgsDef> {
  return defineCommand({
    meta: {
      name: 'mrr-kit',
      version: VERSION,
      description: 'MRR Kit on the command line: movements, projections, ICP fit, the SQL model',
    },
    subCommands: commands(io),
  });
}

/** Runs `mrr-kit` with `rawArgs` (without node and the script); resolves with the exit code. */
export async function main(rawArgs: string[], io: CliIo): Promise<number> {
  const root = program(io);
  const subs = commands(io);
  const name = rawArgs.find((a) => !a.startsWith('-'));
  const sub =
    name !== undefined && Object.hasOwn(subs, name) ? (subs[name as keyof typeof subs] as CommandDef<ArgsDef>) : undefined;
  try {
    if (rawArgs.includes('--help') || rawArgs.includes('-h') || rawArgs.length === 0) {
      // citty pads every description to the widest one: no trailing spaces in a terminal or a file.
      const usage = (sub ? await renderUsage(sub, root) : await renderUsage(root)).replace(/[ \t]+$/gm, '');
      io.stdout.write(`${usage}\n\n${EXIT_CODES}\n`);
      return EXIT_OK;
    }
    if (rawArgs.length === 1 && (rawArgs[0] === '--version' || rawArgs[0] === '-v')) {
      await emit(io, undefined, [`${VERSION}\n`]);
      return EXIT_OK;
    }
    if (name !== undefined && !sub) throw new InputError(`unknown command "${name}" (commands: ${Object.keys(subs).join(', ')})`);
    await runCommand(root, { rawArgs });
    return EXIT_OK;
  } catch (e) {
    // citty's own refusals (a bad enum value, a missing positional) are bad input too.
    if (e instanceof InputError || (e as { name?: string }).name === 'CLIError') {
      io.stderr.write(`mrr-kit: ${(e as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(`mrr-kit: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_INTERNAL;
  }
}

export const EXIT_CODES =
  'Exit codes: 0 done; 2 bad input (the reason, with its line and column, on stderr); 1 internal error; 130 or 143 interrupted (SIGINT, SIGTERM), nothing left in --out.';
