// The mrr-kit command line, in process: its arguments, its refusals (exit 2, the line and column
// on stderr, the flag that answers), atomic --out, and its figures against the engine.
import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { InputError, writeAtomically, type CliIo } from '../../src/cli/io.js';
import { guessMapping } from '../../src/import/mapping.js';
import { streamImport } from '../../src/import/stream.js';
import { analyzeSubscriptions } from '../../src/core/movements.js';
import { projectMrr } from '../../src/core/mrr.js';
import { workedExampleIcp } from '../shared/icp-example.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
// The dbt mrr-playbook sample, as copied into test/fixtures (identical to ../shared: fixtures.test.ts).
const PLAYBOOK = new URL('../fixtures/dbt-subscription-periods.csv', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'mrr-cli-'));

/** Runs mrr-kit with `args`; what it wrote and its exit code. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runOn({}, ...args);
}

/** Runs mrr-kit with stderr a terminal or not (`isTTY`), or a stdout that throws (`failingStdout`). */
async function runOn(
  { isTTY = false, failingStdout = false, stdin }: { isTTY?: boolean; failingStdout?: boolean; stdin?: string },
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (t: string) => {
        if (failingStdout) throw new TypeError('a bug');
        return (stdout += t);
      },
    },
    stderr: { write: (t: string) => (stderr += t), isTTY },
    // Standard input in chunks of 1000 bytes, as a pipe hands it on.
    ...(stdin === undefined
      ? {}
      : {
          stdin: Readable.from(
            Array.from({ length: Math.ceil(stdin.length / 1000) }, (_, i) => stdin.slice(i * 1000, i * 1000 + 1000)),
          ),
        }),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('mrr-kit arguments', () => {
  it('prints help for the program and each command, with the exit codes', async () => {
    const top = await run('--help');
    expect(top.code).toBe(0);
    for (const name of ['movements', 'project', 'fit', 'sql']) expect(top.stdout).toContain(name);
    for (const [command, flags] of [
      ['movements', ['--as-of', '--map', '--format', '--out', '--amounts', '--decimal']],
      ['project', ['--assumptions', '--churn-pct', '--months']],
      ['fit', ['--map', '--decimal']],
      ['sql', ['--dialect', '--as-of', '--dbt']],
    ] as const) {
      const help = await run(command, '--help');
      expect(help.code).toBe(0);
      for (const flag of flags) expect(help.stdout).toContain(flag);
      expect(help.stdout).toContain('Exit codes: 0');
      expect(help.stdout.split('\n').filter((line) => / $/.test(line))).toEqual([]);
    }
  });

  it('refuses an unknown command, an unknown flag, a bad choice and a missing file with exit code 2', async () => {
    const cases = [
      [['nope'], /unknown command "nope"/],
      [['movements', PLAYBOOK, '--bogus'], /--bogus/],
      [['movements', PLAYBOOK, '--format', 'xml'], /--format/],
      [['movements', join(dir, 'missing.csv')], /cannot read .*missing\.csv: no such file/],
      [['movements'], /FILE/],
      [['movements', PLAYBOOK, '--as-of', '2024-13'], /--as-of must be a month/],
      [['movements', PLAYBOOK, '--map', 'nope=amount'], /no column "nope"/],
      [['movements', PLAYBOOK, '--map', 'monthly_amount=price'], /"price" is not a field/],
      [['sql', '--as-of', 'June'], /--as-of must be a month YYYY-MM, not "June"/],
      [['sql', '--currency-digits', '9'], /--currency-digits must be a whole number 0–4/],
      [['sql', '--dialect', 'oracle'], /--dialect.*duckdb, bigquery, snowflake, spark/],
      [['sql', 'extra'], /unexpected argument "extra"/],
      [['movements', PLAYBOOK, 'second.csv'], /unexpected argument "second\.csv"/],
      [['movements', PLAYBOOK, '--format', 'xml', '--out', join(dir, 'never.csv')], /--format/],
      [['project', '--churn-pct', 'lots'], /--churn-pct takes a number/],
    ] as const;
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('--as-of: movements and sql accept the same months and refuse the same values, with the same message', async () => {
    for (const command of [['movements', PLAYBOOK], ['sql']]) {
      expect((await run(...command, '--as-of', '2020-03')).code, command[0]).toBe(0);
      // A full date is refused by both (the figures are month-end ones), naming the month to give.
      const day = await run(...command, '--as-of', '2020-03-15');
      expect(day.code, command[0]).toBe(2);
      expect(day.stderr).toBe(
        'mrr-kit: --as-of must be a month YYYY-MM, not "2020-03-15" (the figures are month-end ones: for that month, --as-of 2020-03)\n',
      );
      expect(day.stdout).toBe('');
      for (const bad of ['2020-3', '0000-01', '2020-00', '2020-03-15T00:00', '202003', ' 2020-03']) {
        const r = await run(...command, '--as-of', bad);
        expect(r.code, `${command[0]} --as-of ${bad}`).toBe(2);
        expect(r.stderr).toMatch(/^mrr-kit: --as-of must be a month YYYY-MM, not "/);
      }
    }
  });

  it('--currency takes ISO 4217 codes only (ABC is three letters, not a currency), in movements and project', async () => {
    const project = ['project', '--starting-mrr', '100', '--starting-customers', '1', '--months', '1'];
    for (const command of [['movements', PLAYBOOK], project]) {
      for (const code of ['ABC', 'usdd', 'US', '€']) {
        const r = await run(...command, '--currency', code);
        expect(r.code, `${command[0]} --currency ${code}`).toBe(2);
        expect(r.stderr).toBe(`mrr-kit: --currency: "${code}" is not an ISO 4217 currency code (USD, EUR, GBP, JPY, …)\n`);
        expect(r.stdout).toBe('');
      }
      for (const code of ['EUR', 'jpy']) expect((await run(...command, '--currency', code)).code, code).toBe(0);
    }
    const rate = await run('movements', PLAYBOOK, '--currency', 'EUR', '--rate', 'ABC=1.1');
    expect(rate.code).toBe(2);
    expect(rate.stderr).toMatch(/--rate ABC=1\.1: "ABC" is not an ISO 4217 currency code/);
    const file = join(dir, 'currency-abc.json');
    writeFileSync(file, JSON.stringify({ startingMrr: 100, startingCustomers: 1, currency: 'ABC' }));
    const inFile = await run('project', file);
    expect(inFile.code).toBe(2);
    expect(inFile.stderr).toMatch(/currency-abc\.json: "currency": "ABC" is not an ISO 4217 currency code/);
  });

  it('a negative number after a flag is its value (--flag -5 as --flag=-5); a flag after a flag is said plainly', async () => {
    const start = ['--starting-mrr', '100', '--starting-customers', '1'];
    const spaced = await run('project', ...start, '--churn-pct', '-5');
    const joined = await run('project', ...start, '--churn-pct=-5');
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toBe('mrr-kit: the assumptions cannot be projected:\n  - churnPct (--churn-pct): outOfRange (0–100)\n');
    expect(spaced).toEqual(joined);
    expect((await run('project', ...start, '--expansion-pct', '-.5')).stderr).toMatch(
      /expansionPct \(--expansion-pct\): outOfRange/,
    );
    expect((await run('sql', '--currency-digits', '-1')).stderr).toMatch(
      /--currency-digits must be a whole number 0–4, not "-1"/,
    );
    const flag = await run('movements', PLAYBOOK, '--out', '--format', 'json');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe(
      'mrr-kit: --out needs a value, and "--format" is a flag (a value starting with a dash: --out=--format)\n',
    );
    // `-` stays a value (--out - is stdout).
    expect((await run('movements', PLAYBOOK, '--out', '-')).stdout).toBe((await run('movements', PLAYBOOK)).stdout);
  });

  it('number flags are decimal numbers: 0x10, 0b11, 1_000 and an empty value are refused, 1e3 and .5 read', async () => {
    const start = ['project', '--starting-mrr', '100', '--starting-customers', '1'];
    for (const text of ['0x3', '0b11', '0o7', '1_000', '', ' ', 'Infinity', '3.']) {
      const r = await run(...start, '--months', text);
      expect(r.code, `--months "${text}"`).toBe(text === '3.' ? 0 : 2);
      if (text !== '3.') expect(r.stderr).toBe(`mrr-kit: --months takes a number (a dot for decimals), not "${text}"\n`);
    }
    expect((await run(...start, '--starting-mrr', '1e3', '--months', '1')).stdout.split('\n')[1]).toMatch(/^1,1000\.00,/);
    expect((await run(...start, '--churn-pct', '.5', '--months', '1')).code).toBe(0);
    expect((await run('sql', '--currency-digits', '0x2')).stderr).toMatch(
      /--currency-digits must be a whole number 0–4, not "0x2"/,
    );
    expect((await run('movements', PLAYBOOK, '--currency', 'USD', '--rate', 'EUR=0x2')).stderr).toMatch(
      /--rate takes CODE=RATE with a positive rate/,
    );
  });

  it("--delimiter: one character, or \\t / tab for a tab (a shell passes '\\t' as two characters); else refused", async () => {
    const tsv = join(dir, 'periods.tsv');
    writeFileSync(tsv, 'customer_id\tstart_date\tend_date\tamount\nc1\t2024-01-05\t\t29.00\nc2\t2024-02-05\t\t10.50\n');
    const guessed = await run('movements', tsv);
    expect(guessed.code).toBe(0);
    for (const tab of ['\\t', 'tab', '\t']) {
      const r = await run('movements', tsv, '--delimiter', tab);
      expect([r.code, r.stdout], JSON.stringify(tab)).toEqual([0, guessed.stdout]);
    }
    for (const bad of ['', 'ab', '"', '\n']) {
      const r = await run('movements', tsv, '--delimiter', bad);
      expect(r.code, JSON.stringify(bad)).toBe(2);
      expect(r.stderr).toBe(`mrr-kit: --delimiter takes one character (, ; | or \\t for a tab), not "${bad}"\n`);
    }
  });

  it('exit code 1 for an internal error, with what failed on stderr', async () => {
    const r = await runOn({ failingStdout: true }, 'sql');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mrr-kit: internal error: TypeError: a bug/);
  });

  it('progress (rows read, rate) on stderr when it is a terminal; quiet otherwise; the same output', async () => {
    const tty = await runOn({ isTTY: true }, 'movements', PLAYBOOK);
    const piped = await runOn({ isTTY: false }, 'movements', PLAYBOOK);
    expect([tty.code, piped.code]).toEqual([0, 0]);
    expect(tty.stderr).toMatch(/121 rows read \(100 %\), [\d,]+ rows\/s/);
    expect(piped.stderr).toBe('');
    expect(tty.stdout).toBe(piped.stdout);
  });

  it('prints its version', async () => {
    expect((await run('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('mrr-kit movements: refusals name the line, the column and the flag that answers', () => {
  it('two-way amounts: asks --decimal, then reads with it', async () => {
    const refused = await run('movements', join(FIXTURES, 'two-way-amounts.csv'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/"12\.000" \(line 2, column 4 \("monthly_amount"\)\) read two ways/);
    expect(refused.stderr).toContain('--decimal . or --decimal ,');
    const dot = await run('movements', join(FIXTURES, 'two-way-amounts.csv'), '--decimal', '.');
    const comma = await run('movements', join(FIXTURES, 'two-way-amounts.csv'), '--decimal', ',');
    expect([dot.code, comma.code]).toEqual([0, 0]);
    expect(dot.stdout).not.toBe(comma.stdout);
  });

  it('amounts written both ways (a dot here, a comma there): the question quotes those cells, not a made-up 12.000', async () => {
    const file = join(dir, 'both-ways.csv');
    writeFileSync(file, 'customer_id,start_date,end_date,amount\nc1,2024-01-05,,$29.00\nc2,2024-02-05,,"29,00 €"\n');
    const r = await run('movements', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the amounts in column 4 ("amount") are written both ways: "$29.00" (line 2) reads with a dot, "29,00 €" (line 3) with a comma: which is the decimal mark? add --decimal . or --decimal ,',
    );
    expect(r.stderr).not.toContain('12.000');
    const icp = join(dir, 'icp-both-ways.json');
    writeFileSync(icp, JSON.stringify(workedExampleIcp()));
    const prospects = join(dir, 'both-ways-prospects.csv');
    writeFileSync(prospects, 'name,industry,employees\nA,Dental,"1,5"\nB,Legal,2.5\n');
    const fit = await run('fit', icp, prospects);
    expect(fit.code).toBe(2);
    expect(fit.stderr).toContain(
      'numbers are written both ways: "2.5" (line 3, column 3 ("employees")) reads with a dot, "1,5" (line 2, column 3 ("employees")) with a comma',
    );
    expect(fit.stderr).not.toContain('undefined');
  });

  it('cents: asks --amounts, and --amounts cents reads 2900 as 29.00', async () => {
    const file = join(FIXTURES, 'stripe-cents.csv');
    const refused = await run('movements', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/column 4 \("Amount"\) are all whole numbers like cents.*--amounts cents or --amounts major/);
    const cents = await run('movements', file, '--amounts', 'cents', '--format', 'json');
    const major = await run('movements', file, '--amounts', 'major', '--format', 'json');
    const ending = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as { movements: { endingMrr: number }[] }).movements.at(-1)!.endingMrr;
    // Yearly prices make monthly amounts that round to the cent either way: a ratio of 100, not exactly.
    expect(ending(major) / ending(cents)).toBeCloseTo(100, 1);
  });

  it('a cancellation column: asks --cancellation', async () => {
    const r = await run('movements', join(FIXTURES, 'canceled-only.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column 3 \("Canceled At"\).*--cancellation end.*--cancellation ignore/);
    expect((await run('movements', join(FIXTURES, 'canceled-only.csv'), '--cancellation', 'end')).code).toBe(0);
  });

  it('bad rows: refused with each line and column; --skip-bad-rows leaves them out and says so', async () => {
    const file = join(FIXTURES, 'bad-rows.csv');
    const refused = await run('movements', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 3, column 3 ("end_date"): "2024-01-01" ends before the period starts');
    expect(refused.stderr).toContain('line 8, column 4 ("monthly_amount"): "abc" is not an amount');
    expect(refused.stderr).toContain('line 13: has too few cells');
    const skipped = await run('movements', file, '--skip-bad-rows');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('left out 7 rows');
    expect(skipped.stdout.split('\n')[0]).toBe(
      'month,startingMrr,new,expansion,contraction,churn,reactivation,endingMrr,customers,newCustomers,churnedCustomers,reactivatedCustomers',
    );
  });

  it('a quote that never closes: refused with its line and the column where it opens (movements, fit)', async () => {
    const file = join(dir, 'open-quote.csv');
    writeFileSync(file, 'customer_id;start_date;end_date;amount\nc1;2024-01-05;;30\nc2;2024-01-06;;"30\nc3;2024-01-07;;30\n');
    const r = await run('movements', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('open-quote.csv, line 3, column 4 ("amount"): a quoted cell opens and never closes');
    const icp = join(dir, 'icp-quote.json');
    writeFileSync(icp, JSON.stringify(workedExampleIcp()));
    const prospects = join(dir, 'open-quote-prospects.csv');
    writeFileSync(prospects, 'name,industry\nA,"Dental\nB,Legal\n');
    const fit = await run('fit', icp, prospects);
    expect(fit.code).toBe(2);
    expect(fit.stderr).toContain('open-quote-prospects.csv: line 2, column 2 ("industry"): has a quote that does not close');
  });

  it('empty, binary and header-only files', async () => {
    for (const [name, message] of [
      ['empty.csv', /is empty/],
      ['binary.csv', /not a text/],
      ['header-only.csv', /no data rows/],
    ] as const) {
      const r = await run('movements', join(FIXTURES, name));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('mrr-kit movements: the figures are the engine’s', () => {
  async function engine(file: string, asOf?: string) {
    const csv = readFileSync(file, 'utf8');
    const { columns } = await streamImport(csv, guessMapping(csv.slice(0, csv.indexOf('\n')).split(',')));
    return analyzeSubscriptions(columns, asOf ? { asOf } : {});
  }

  it('CSV and JSON of the dbt playbook fixture, with and without --as-of', async () => {
    for (const asOf of [undefined, '2020-06']) {
      const expected = await engine(PLAYBOOK, asOf);
      const json = await run('movements', PLAYBOOK, '--format', 'json', ...(asOf ? ['--as-of', asOf] : []));
      expect(json.code).toBe(0);
      const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(['movements', 'summary', 'cohorts']);
      expect(parsed.movements).toEqual(expected.movements);
      expect(parsed.cohorts).toEqual(expected.cohorts);
      const csv = await run('movements', PLAYBOOK, ...(asOf ? ['--as-of', asOf] : []));
      const lines = csv.stdout.trim().split('\n');
      expect(lines).toHaveLength(expected.movements.length + 1);
      const last = expected.movements.at(-1)!;
      expect(lines.at(-1)).toBe(
        [last.month, last.startingMrr, last.new, last.expansion, last.contraction, last.churn, last.reactivation, last.endingMrr]
          .map((v, i) => (i === 0 ? v : (v as number).toFixed(2)))
          .concat([last.customers, last.newCustomers, last.churnedCustomers, last.reactivatedCustomers].map(String))
          .join(','),
      );
    }
  });

  it('--map moves a column to another field (and none drops one)', async () => {
    const file = join(dir, 'renamed.csv');
    writeFileSync(file, 'who,from,until,fee,note\nc1,2024-01-10,,30,x\nc2,2024-02-10,2024-04-01,20,y\n');
    const refused = await run('movements', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no column was recognised as customerId');
    const r = await run(
      'movements',
      file,
      '--map',
      'who=customerId',
      '--map',
      'from=start',
      '--map',
      'until=end',
      '--map',
      'fee=amount',
    );
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[7]),
    ).toEqual(['30.00', '50.00', '50.00', '30.00']);
    // The SQL model's column names (and any case) name the same fields.
    const sqlNames = await run(
      'movements',
      file,
      '--map',
      'who=customer_id',
      '--map',
      'from=START_DATE',
      '--map',
      'until=end_date',
      '--map',
      'fee=Amount',
    );
    expect(sqlNames.code).toBe(0);
    expect(sqlNames.stdout).toBe(r.stdout);
  });

  it('--map naming a missing column lists the columns short (a 10,000-character header is cut)', async () => {
    const file = join(dir, 'long-header.csv');
    writeFileSync(file, `customer_id,start_date,amount,${'h'.repeat(10_000)}\nc1,2024-01-10,30,x\n`);
    const r = await run('movements', file, '--map', 'nope=amount');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file has no column "nope"');
    expect(r.stderr).toContain(`"customer_id", "start_date", "amount", "${'h'.repeat(60)}…"`);
    expect(r.stderr.length).toBeLessThan(400);
  });

  it('a file whose every row is left out on purpose: an empty table, and stderr says why', async () => {
    const file = join(dir, 'trials.csv');
    writeFileSync(
      file,
      'customer_id,start_date,amount,status\nc1,2024-01-01,0,trialing\nc2,2024-01-01,10,trialing\nc3,2024-02-01,0,active\n',
    );
    const r = await run('movements', file);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no month with MRR');
    expect(r.stderr).toContain('2 trials, 1 zero amounts');
  });
});

describe('mrr-kit reads standard input for -', () => {
  // The spooled copies go to a temporary folder of this file's own (TMPDIR, which os.tmpdir()
  // reads): another run of the tests at once (two CI runs on one machine) spools into /tmp too,
  // and its copies must not count as ours.
  let savedTmp: string | undefined;
  let ownTmp = '';
  beforeAll(() => {
    savedTmp = process.env.TMPDIR;
    ownTmp = mkdtempSync(join(tmpdir(), 'mrr-kit-cli-test-'));
    process.env.TMPDIR = ownTmp;
  });
  afterAll(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(ownTmp, { recursive: true, force: true });
  });
  const spools = () => readdirSync(tmpdir()).filter((f) => f.startsWith('mrr-kit-stdin-'));

  it('movements -: the same figures as from the file, and the spooled copy removed', async () => {
    const before = spools();
    const text = readFileSync(PLAYBOOK, 'utf8');
    for (const format of ['csv', 'json']) {
      const fromFile = await run('movements', PLAYBOOK, '--format', format);
      const fromStdin = await runOn({ stdin: text }, 'movements', '-', '--format', format);
      expect(fromStdin.code).toBe(0);
      expect(fromStdin.stderr).toBe('');
      expect(fromStdin.stdout).toBe(fromFile.stdout);
    }
    const out = join(dir, 'from-stdin.csv');
    expect((await runOn({ stdin: text }, 'movements', '-', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe((await run('movements', PLAYBOOK)).stdout);
    expect(spools()).toEqual(before);
  });

  it('refusals name stdin, with the line and column (read back from the spooled copy)', async () => {
    const before = spools();
    const quote = await runOn(
      { stdin: 'customer_id;start_date;end_date;amount\nc1;2024-01-05;;30\nc2;2024-01-06;;"30\nc3;2024-01-07;;30\n' },
      'movements',
      '-',
    );
    expect(quote.code).toBe(2);
    expect(quote.stderr).toBe('mrr-kit: stdin, line 3, column 4 ("amount"): a quoted cell opens and never closes\n');
    const rows = await runOn({ stdin: readFileSync(join(FIXTURES, 'bad-rows.csv'), 'utf8') }, 'movements', '-');
    expect(rows.code).toBe(2);
    expect(rows.stderr).toContain('stdin: line 3, column 3 ("end_date"): "2024-01-01" ends before the period starts');
    const empty = await runOn({ stdin: '' }, 'movements', '-');
    expect([empty.code, empty.stderr]).toEqual([2, 'mrr-kit: stdin is empty\n']);
    expect(spools()).toEqual(before);
  });

  it('fit ICP.json - and fit - PROSPECTS.csv score as from files; both - is refused', async () => {
    const icp = join(dir, 'icp-stdin.json');
    writeFileSync(icp, JSON.stringify(workedExampleIcp()));
    const prospects = join(dir, 'prospects-stdin.csv');
    const text = 'name,industry,employees,reviewCount,hasWebsite\nA,Dental,7,30,yes\nB,Gambling,20,5,no\n';
    writeFileSync(prospects, text);
    const fromFiles = await run('fit', icp, prospects);
    expect(fromFiles.code).toBe(0);
    const csvOnStdin = await runOn({ stdin: text }, 'fit', icp, '-');
    expect([csvOnStdin.code, csvOnStdin.stdout]).toEqual([0, fromFiles.stdout]);
    const icpOnStdin = await runOn({ stdin: JSON.stringify(workedExampleIcp()) }, 'fit', '-', prospects);
    expect([icpOnStdin.code, icpOnStdin.stdout]).toEqual([0, fromFiles.stdout]);
    const bad = await runOn({ stdin: 'name,industry\nA,"Dental\nB,Legal\n' }, 'fit', icp, '-');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('stdin: line 2, column 2 ("industry"): has a quote that does not close');
    const both = await runOn({ stdin: text }, 'fit', '-', '-');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot both be standard input/);
  });

  it('project -: the assumptions JSON from standard input; a JSON error names stdin', async () => {
    const json = JSON.stringify({ months: 3, startingMrr: 5000, startingCustomers: 50, churnPct: 2 });
    const file = join(dir, 'assumptions-stdin.json');
    writeFileSync(file, json);
    const r = await runOn({ stdin: json }, 'project', '-');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await run('project', file)).stdout);
    expect((await runOn({ stdin: json }, 'project', '--assumptions', '-')).stdout).toBe(r.stdout);
    const bad = await runOn({ stdin: '{\n  "months": 3,,\n}' }, 'project', '-');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^mrr-kit: stdin, line 2, column 15: not JSON/);
  });

  it('a pipe named as a file (a FIFO, <(gunzip -c …)) is read like standard input, not refused as not a file', async () => {
    const before = spools();
    const fifo = join(dir, 'periods.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo); // opens once the command opens the other end
    writer.end(readFileSync(PLAYBOOK));
    const r = await run('movements', fifo);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe((await run('movements', PLAYBOOK)).stdout);
    expect(spools()).toEqual(before);
  });

  it('--help of movements and fit says - reads standard input', async () => {
    expect((await run('movements', '--help')).stdout).toMatch(/- reads it from standard input/);
    const fit = (await run('fit', '--help')).stdout;
    expect(fit).toMatch(/- reads them from standard input/);
    expect(fit).toMatch(/- reads it from standard input/);
  });
});

describe('mrr-kit --out is atomic', () => {
  it('writes the file whole on success', async () => {
    const out = join(dir, 'sub', 'movements.csv');
    const r = await run('movements', PLAYBOOK, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^month,startingMrr,/);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['movements.csv']);
  });

  it('leaves an existing file as it was, and no temporary file, when the input is refused', async () => {
    const out = join(dir, 'kept.csv');
    writeFileSync(out, 'previous run\n');
    const r = await run('movements', join(FIXTURES, 'bad-rows.csv'), '--out', out);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous run\n');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses an --out it cannot write (exit 2, before reading the file) and leaves the file there as it was', async () => {
    const kept = join(dir, 'kept-out.csv');
    writeFileSync(kept, 'previous run\n');
    for (const [out, message] of [
      [dir, /cannot write .*: it is a directory/],
      [join(kept, 'movements.csv'), /cannot write .*kept-out\.csv is not a directory/],
    ] as const) {
      // A missing input: the --out is refused first, so a long read is not wasted.
      const r = await run('movements', join(dir, 'missing.csv'), '--out', out);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('internal error');
      for (const command of [['sql'], ['project'], ['fit', join(dir, 'missing.json'), PLAYBOOK]]) {
        expect((await run(...command, '--out', out)).stderr).toMatch(message);
      }
    }
    expect(readFileSync(kept, 'utf8')).toBe('previous run\n');
    // Found only when writing (a path made unwritable during the run): still bad input, not a bug.
    const late = writeAtomically(join(kept, 'late.csv'), ['month\n']);
    await expect(late).rejects.toThrow(InputError);
    await expect(late).rejects.toThrow(/cannot write .*late\.csv: a part of the path is not a directory/);
  });

  it('refuses an --out that is one of the inputs (it would replace it), leaving it as it was', async () => {
    const input = join(dir, 'input-and-output.csv');
    writeFileSync(input, readFileSync(PLAYBOOK, 'utf8'));
    const r = await run('movements', input, '--out', input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*input-and-output\.csv is the input/);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(PLAYBOOK, 'utf8'));
    const assumptions = join(dir, 'assumptions-kept.json');
    writeFileSync(assumptions, '{"months": 2}');
    expect((await run('project', assumptions, '--out', assumptions)).code).toBe(2);
    expect(readFileSync(assumptions, 'utf8')).toBe('{"months": 2}');
  });

  it('--out through a symbolic link writes the file it points to; a pipe or device is written in place', async () => {
    const real = join(dir, 'linked-real.csv');
    const link = join(dir, 'linked.csv');
    writeFileSync(real, 'previous run\n');
    symlinkSync(real, link);
    const expected = (await run('movements', PLAYBOOK)).stdout;
    expect((await run('movements', PLAYBOOK, '--out', link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(expected);
    // A FIFO (as /dev/stdout or a named pipe): what reads it gets the output, and it stays a FIFO.
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    let received = '';
    const reader = createReadStream(fifo, 'utf8').on('data', (c) => (received += String(c)));
    const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    expect((await run('movements', PLAYBOOK, '--out', fifo)).code).toBe(0);
    await done;
    expect(received).toBe(expected);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('leaves nothing when writing fails half way', async () => {
    const out = join(dir, 'half.csv');
    function* parts() {
      yield 'month,endingMrr\n';
      yield '2024-01,10.00\n';
      throw new Error('disk full');
    }
    await expect(writeAtomically(out, parts())).rejects.toThrow('disk full');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('half'))).toEqual([]);
  });
});

describe('mrr-kit project, sql, fit', () => {
  it('project: flags and a JSON file give the calculator’s projection', async () => {
    const assumptions = join(dir, 'assumptions.json');
    writeFileSync(assumptions, JSON.stringify({ months: 6, startingMrr: 10000, startingCustomers: 100, churnPct: 3 }));
    const r = await run('project', '--assumptions', assumptions, '--new-customers', '10', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      projectMrr({ months: 6, startingMrr: 10000, startingCustomers: 100, churnPct: 3, newCustomersPerMonth: 10 }),
    );
    const csv = await run('project', '--starting-mrr', '5000', '--starting-customers', '50', '--months', '3');
    expect(csv.stdout.trim().split('\n')).toHaveLength(4);
    const bad = await run('project', '--months', '500');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/months \(--months\)/);
  });

  it('project without its starting figures: refused naming the flags to give, never a projection of zeros', async () => {
    const bare = await run('project');
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('startingMrr (--starting-mrr): missing');
    expect(bare.stderr).toContain('startingCustomers (--starting-customers): missing');
    expect(bare.stderr).toContain('FILE.json');
    const half = await run('project', '--starting-mrr', '20000', '--churn-pct', '2');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('startingCustomers (--starting-customers): missing');
    expect(half.stderr).not.toContain('--starting-mrr)');
    // A file holding them counts; so do explicit zeros, but then new customers need their price.
    const file = join(dir, 'starting-in-file.json');
    writeFileSync(file, JSON.stringify({ startingMrr: 1000, startingCustomers: 10 }));
    expect((await run('project', file, '--months', '2')).code).toBe(0);
    const unpriced = await run('project', '--starting-mrr', '0', '--starting-customers', '0', '--new-customers', '5');
    expect(unpriced.code).toBe(2);
    expect(unpriced.stderr).toContain('newCustomerMrr (--new-customer-mrr): missing');
    const fromNothing = await run(
      ...['project', '--starting-mrr', '0', '--starting-customers', '0', '--new-customers', '5', '--new-customer-mrr', '40'],
      ...['--months', '1'],
    );
    expect(fromNothing.code).toBe(0);
    expect(fromNothing.stdout.split('\n')[1]).toBe('1,0.00,200.00,0.00,0.00,0.00,200.00,5,5,0');
  });

  it('project FILE.json: the assumptions file as a plain argument, as --assumptions reads it', async () => {
    const assumptions = join(dir, 'assumptions-positional.json');
    writeFileSync(assumptions, JSON.stringify({ months: 4, startingMrr: 8000, startingCustomers: 80, churnPct: 2 }));
    const r = await run('project', assumptions, '--expansion-pct', '1', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      projectMrr({ months: 4, startingMrr: 8000, startingCustomers: 80, churnPct: 2, expansionPct: 1 }),
    );
    expect((await run('project', assumptions)).stdout).toBe((await run('project', '--assumptions', assumptions)).stdout);
    const both = await run('project', assumptions, '--assumptions', assumptions);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/not both/);
    const currency = await run('project', assumptions, '--currency', 'dollars');
    expect(currency.code).toBe(2);
    expect(currency.stderr).toMatch(/--currency: "dollars" is not an ISO 4217 currency code/);
  });

  it('a JSON file that does not parse: refused naming its line and column (project, fit)', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "months": 6,,\n  "churnPct": 2\n}\n');
    const project = await run('project', bad);
    expect(project.code).toBe(2);
    expect(project.stderr).toMatch(/bad\.json, line 2, column 15: not JSON/);
    const prospects = join(dir, 'json-prospects.csv');
    writeFileSync(prospects, 'name,industry\nA,Dental\n');
    const fit = await run('fit', bad, prospects);
    expect(fit.code).toBe(2);
    expect(fit.stderr).toMatch(/bad\.json, line 2, column 15: not JSON/);
    writeFileSync(bad, '{"criteria": [');
    expect((await run('fit', bad, prospects)).stderr).toMatch(
      /bad\.json, line 1, column 15: not JSON \(the JSON ends too soon\)/,
    );
    const missing = await run('project', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: no such file or directory/);
  });

  it('a JSON file saved with a byte order mark reads as without it (project, fit)', async () => {
    const assumptions = { months: 2, startingMrr: 1000, startingCustomers: 10 };
    const plain = join(dir, 'plain.json');
    const bom = join(dir, 'bom.json');
    writeFileSync(plain, JSON.stringify(assumptions));
    writeFileSync(bom, `\ufeff${JSON.stringify(assumptions)}`);
    const r = await run('project', bom);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await run('project', plain)).stdout);
    const icp = join(dir, 'icp-bom.json');
    writeFileSync(icp, `\ufeff${JSON.stringify(workedExampleIcp())}`);
    const prospects = join(dir, 'bom-prospects.csv');
    writeFileSync(prospects, 'name,industry\nA,Dental\n');
    expect((await run('fit', icp, prospects)).code).toBe(0);
  });

  it('fit: rows that cannot be read are refused with their lines; --skip-bad-rows leaves them out, listed', async () => {
    const icp = join(dir, 'icp-rows.json');
    writeFileSync(icp, JSON.stringify(workedExampleIcp()));
    const prospects = join(dir, 'bad-prospects.csv');
    writeFileSync(prospects, 'name,industry,employees\nA,Dental,7\nB,Legal\nC,Legal,3,4\n');
    const refused = await run('fit', icp, prospects, '--out', join(dir, 'scored.csv'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('2 rows cannot be read (add --skip-bad-rows to leave them out)');
    expect(refused.stderr).toContain('bad-prospects.csv: line 3: has too few cells (2 cells, the header has 3)');
    expect(refused.stderr).toContain('bad-prospects.csv: line 4: has too many cells (4 cells, the header has 3)');
    expect(existsSync(join(dir, 'scored.csv'))).toBe(false);
    const skipped = await run('fit', icp, prospects, '--skip-bad-rows');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('left out 2 rows that cannot be read');
    expect(skipped.stderr).toContain('line 3: has too few cells');
    expect(skipped.stdout.trim().split('\r\n')).toHaveLength(2);
  });

  it('sql: each dialect, the dbt model, and --out', async () => {
    const duckdb = await run('sql', '--as-of', '2024-06');
    expect(duckdb.code).toBe(0);
    expect(duckdb.stdout).toContain('FROM subscription_periods');
    expect((await run('sql', '--dialect', 'bigquery')).stdout).toContain('GENERATE_ARRAY');
    expect((await run('sql', '--dialect', 'snowflake', '--table', 'raw.periods')).stdout).toContain('FROM raw.periods');
    expect((await run('sql', '--dialect', 'spark')).stdout).toContain('explode(sequence(');
    expect((await run('sql', '--dbt')).stdout).toBe(
      readFileSync(new URL('../../sql/models/mrr_movements.sql', import.meta.url), 'utf8'),
    );
    expect((await run('sql', '--dialect', 'oracle')).code).toBe(2);
  });

  it('fit: an ICP without criteria is refused (it scored every prospect blank, exit 0)', async () => {
    const icp = join(dir, 'icp-no-criteria.json');
    writeFileSync(icp, JSON.stringify({ ...workedExampleIcp(), criteria: [] }));
    const prospects = join(dir, 'no-criteria-prospects.csv');
    writeFileSync(prospects, 'name,industry\nA,Dental\n');
    const r = await run('fit', icp, prospects);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/icp-no-criteria\.json has no criteria: nothing to score prospects with/);
    expect(r.stdout).toBe('');
  });

  it('fit: scores as the builder does; two-way numbers are asked about', async () => {
    const icp = join(dir, 'icp.json');
    writeFileSync(icp, JSON.stringify(workedExampleIcp()));
    const prospects = join(dir, 'prospects.csv');
    writeFileSync(prospects, 'name,industry,employees,reviewCount,hasWebsite\nA,Dental,7,30,yes\nB,Gambling,20,5,no\n');
    const r = await run('fit', icp, prospects, '--format', 'json');
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { prospects: { line: number; score: number; tier: string }[] }).prospects;
    expect(rows.map((p) => [p.line, p.score, p.tier])).toEqual([
      [2, 77.27, 'B'],
      [3, expect.any(Number), 'D'],
    ]);
    expect((await run('fit', icp, prospects)).stdout.split('\r\n')[0]).toMatch(/^name,industry,/);
    writeFileSync(prospects, 'name,industry,employees\nA,Dental,1.500\n');
    const asked = await run('fit', icp, prospects);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/"1\.500" \(line 2, column 3 \("employees"\)\) read two ways.*--decimal/);
    expect((await run('fit', join(dir, 'missing.json'), prospects)).code).toBe(2);
  });
});
