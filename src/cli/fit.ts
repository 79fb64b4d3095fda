/**
 * `mrr-kit fit ICP.json PROSPECTS.csv`: scores prospects as the ICP builder does, with the same
 * reader (`parseCsvRecords`, the import pipeline's streaming CSV reader), the same column guess and
 * number reading (`scoreAll`) and the same scored CSV (`toScoredCsv`).
 */
import { validateIcp, type Icp } from '../core/icp.js';
import { parseCsvRecords } from '../import/records.js';
import { guessProspectMapping, prospectNumberFormat, scoreAll, scoreOf, topReasons, toScoredCsv } from '../icp/scoring.js';
import type { RowError } from '../import/types.js';
import {
  InputError,
  openInput,
  openOutput,
  progressReporter,
  readJsonFile,
  STDIN,
  unclosedQuoteColumn,
  type CliIo,
  type InputFile,
} from './io.js';
import { decimalConflict, describeFileFatal, describeRowError } from './movements.js';

export interface FitArgs {
  icp: string;
  prospects: string;
  map?: readonly string[];
  decimal?: string;
  format?: 'csv' | 'json';
  out?: string;
  /** Leave out rows that cannot be read (listed on stderr) instead of refusing the file. */
  skipBadRows?: boolean;
}

async function readIcp(path: string, io: CliIo): Promise<Icp> {
  const value = await readJsonFile(path, io);
  // The ICP itself, or a saved record that holds it under `icp`.
  const icp = (value as { icp?: unknown })?.icp ?? value;
  if (typeof icp !== 'object' || icp === null || !Array.isArray((icp as Icp).criteria)) {
    throw new InputError(`${path} is not an ICP: expected an object with a "criteria" list`);
  }
  if ((icp as Icp).criteria.length === 0)
    throw new InputError(`${path} has no criteria: nothing to score prospects with (add them in the ICP builder)`);
  const issues = validateIcp(icp as Icp);
  if (issues.length > 0) {
    const lines = issues.map((i) => `  - ${i.field}: ${i.code}`);
    throw new InputError(`${path}: the ICP has issues:\n${lines.join('\n')}`);
  }
  return icp as Icp;
}

/** `mrr-kit fit`: reads the ICP and the prospects (either may be `-`, standard input), scores, writes. */
export async function fitCommand(args: FitArgs, io: CliIo): Promise<void> {
  if (args.icp === STDIN && args.prospects === STDIN)
    throw new InputError('ICP.json and PROSPECTS.csv cannot both be standard input (-): give one as a file');
  const output = await openOutput(io, args.out, [args.icp, args.prospects]);
  try {
    const icp = await readIcp(args.icp, io);
    const input = await openInput(args.prospects, io);
    try {
      await output.write([await fitInput(icp, input, args, io)]);
    } finally {
      await input.dispose();
    }
  } finally {
    await output.discard();
  }
}

/** The scored prospects, as text (CSV or JSON). */
async function fitInput(icp: Icp, input: InputFile, args: FitArgs, io: CliIo): Promise<string> {
  const { blob, name } = input;
  const progress = progressReporter(io);
  const records = await parseCsvRecords(blob, { onProgress: progress.onProgress });
  progress.done();
  if (records.fatal)
    throw new InputError(await describeFileFatal(records.fatal, name, records.delimiter, records.headers, input.path));
  // Rows that do not read are refused with their lines, as `movements` does; --skip-bad-rows
  // leaves them out (the builder's way: scored without them, each listed).
  if (records.errorCount > 0) {
    const shown: string[] = [];
    for (const e of records.errors.slice(0, 10)) {
      // A quote that does not close: its column read back from the file (the reader keeps the line).
      const at = e.code === 'badQuotes' ? await unclosedQuoteColumn(input.path, e.line, records.delimiter) : undefined;
      const error: RowError = {
        ...e,
        ...(at !== undefined && records.headers[at - 1] ? { column: records.headers[at - 1] } : {}),
      };
      shown.push(`  ${name}: ${describeRowError(error, records.headers)}`);
    }
    const more = records.errorCount > shown.length ? `\n  … ${records.errorCount - shown.length} more` : '';
    const rows = `${records.errorCount} row${records.errorCount === 1 ? '' : 's'}`;
    if (!args.skipBadRows) {
      throw new InputError(
        `${name}: ${rows} cannot be read (add --skip-bad-rows to leave them out):\n${shown.join('\n')}${more}`,
      );
    }
    io.stderr.write(`mrr-kit: left out ${rows} that cannot be read:\n${shown.join('\n')}${more}\n`);
  }
  const mapping: Record<string, string | null> = {};
  for (const pair of args.map ?? []) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, Math.max(0, at)).trim();
    const field = pair.slice(at + 1).trim();
    if (at <= 0 || !field) throw new InputError(`--map takes COLUMN=FIELD, not "${pair}"`);
    if (!records.headers.includes(column)) {
      throw new InputError(`--map ${pair}: ${name} has no column "${column}" (columns: ${records.headers.join(', ')})`);
    }
    if (!icp.criteria.some((c) => c.field === field)) {
      throw new InputError(
        `--map ${pair}: the ICP has no criterion on "${field}" (${icp.criteria.map((c) => c.field).join(', ')})`,
      );
    }
    mapping[field] = column;
  }
  let numberFormat: 'dot' | 'comma' | undefined;
  if (args.decimal !== undefined) {
    if (args.decimal !== '.' && args.decimal !== ',') throw new InputError(`--decimal must be . or , not "${args.decimal}"`);
    numberFormat = args.decimal === ',' ? 'comma' : 'dot';
  } else {
    const detected = prospectNumberFormat(icp, records, mapping);
    if (detected.format === 'ambiguous') {
      const resolved = guessProspectMapping(icp, records.headers, mapping);
      const numberColumns = icp.criteria.filter((c) => c.type === 'number').flatMap((c) => resolved[c.field] ?? []);
      const conflict =
        detected.sample === undefined
          ? decimalConflict(
              records.rows.flatMap((row, i) =>
                numberColumns.map((column) => ({
                  text: row[column] ?? '',
                  where: `line ${records.lines[i]}, column ${records.headers.indexOf(column) + 1} ("${column}")`,
                })),
              ),
            )
          : undefined;
      if (conflict !== undefined) {
        throw new InputError(
          `${name}: numbers are written both ways: ${conflict}: which is the decimal mark? add --decimal . or --decimal ,`,
        );
      }
      let where = '';
      for (const [i, row] of records.rows.entries()) {
        const column = Object.values(resolved).find((h) => h && row[h] === detected.sample);
        if (column) {
          where = ` (line ${records.lines[i]}, column ${records.headers.indexOf(column) + 1} ("${column}"))`;
          break;
        }
      }
      throw new InputError(
        `${name}: numbers like "${detected.sample}"${where} read two ways: is the decimal mark a dot or a comma? add --decimal . or --decimal ,`,
      );
    }
  }
  const scores = scoreAll(icp, records, mapping, numberFormat);
  let text: string;
  if (args.format === 'json') {
    const rows = records.rows.map((_, i) => ({ line: records.lines[i], ...scoreOf(scores, i), reasons: topReasons(scores, i) }));
    text = `${JSON.stringify({ prospects: rows, errors: records.errors }, null, 2)}\n`;
  } else {
    text = toScoredCsv(records, scores);
  }
  return text;
}
