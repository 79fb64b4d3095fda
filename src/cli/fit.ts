/**
 * `mrr-kit fit ICP.json PROSPECTS.csv`: scores prospects as the ICP builder does, with the same
 * reader (`parseCsvRecords`, the import pipeline's streaming CSV reader), the same column guess and
 * number reading (`scoreAll`) and the same scored CSV (`toScoredCsv`).
 */
import { readFile } from 'node:fs/promises';
import { validateIcp, type Icp } from '../core/icp.js';
import { parseCsvRecords } from '../import/records.js';
import { guessProspectMapping, prospectNumberFormat, scoreAll, scoreOf, topReasons, toScoredCsv } from '../icp/scoring.js';
import { emit, fileBlob, InputError, progressReporter, type CliIo } from './io.js';
import { describeFatal } from './movements.js';

export interface FitArgs {
  icp: string;
  prospects: string;
  map?: readonly string[];
  decimal?: string;
  format?: 'csv' | 'json';
  out?: string;
}

async function readIcp(path: string): Promise<Icp> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read the ICP ${path}: ${(e as Error).message}`);
  }
  // The ICP itself, or a saved record that holds it under `icp`.
  const icp = (value as { icp?: unknown })?.icp ?? value;
  if (typeof icp !== 'object' || icp === null || !Array.isArray((icp as Icp).criteria)) {
    throw new InputError(`${path} is not an ICP: expected an object with a "criteria" list`);
  }
  const issues = validateIcp(icp as Icp);
  if (issues.length > 0) {
    throw new InputError(`${path}: the ICP has issues:\n${issues.map((i) => `  - ${JSON.stringify(i)}`).join('\n')}`);
  }
  return icp as Icp;
}

export async function fitCommand(args: FitArgs, io: CliIo): Promise<void> {
  const icp = await readIcp(args.icp);
  const blob = await fileBlob(args.prospects);
  const progress = progressReporter(io);
  const records = await parseCsvRecords(blob, { onProgress: progress.onProgress });
  progress.done();
  if (records.fatal) throw new InputError(describeFatal(records.fatal, args.prospects));
  const mapping: Record<string, string | null> = {};
  for (const pair of args.map ?? []) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, Math.max(0, at)).trim();
    const field = pair.slice(at + 1).trim();
    if (at <= 0 || !field) throw new InputError(`--map takes COLUMN=FIELD, not "${pair}"`);
    if (!records.headers.includes(column)) {
      throw new InputError(`--map ${pair}: ${args.prospects} has no column "${column}" (columns: ${records.headers.join(', ')})`);
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
      let where = '';
      for (const [i, row] of records.rows.entries()) {
        const column = Object.values(resolved).find((h) => h && row[h] === detected.sample);
        if (column) {
          where = ` (line ${records.lines[i]}, column ${records.headers.indexOf(column) + 1} ("${column}"))`;
          break;
        }
      }
      throw new InputError(
        `${args.prospects}: numbers like "${detected.sample}"${where} read two ways: is the decimal mark a dot or a comma? add --decimal . or --decimal ,`,
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
  await emit(io, args.out, [text]);
  if (records.errorCount > 0)
    io.stderr.write(`mrr-kit: ${records.errorCount} rows of ${args.prospects} could not be read and were left out\n`);
}
