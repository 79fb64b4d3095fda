/** Messages between the page and the prospect score worker (see score-worker.ts). */
import type { Icp, IcpAccount } from '../core/icp.js';
import type { CsvRecord, CsvRecordsResult } from '../import/records.js';
import type { ImportProgress } from '../import/types.js';
import type { NumberFormat } from '../core/number-format.js';
import type { ProspectMapping, ProspectRow, ProspectScores } from './scoring.js';
import type { ProspectQuery } from './prospect-view.js';

export type ScoreWorkerRequest =
  /** `headers` null: rows are objects keyed by field. */
  | {
      type: 'start';
      icp: Icp;
      mapping: ProspectMapping;
      headers: string[] | null;
      count: number;
      keep?: boolean;
      /** How number cells are written (see `ProspectScores.numberFormat`). */
      numberFormat?: NumberFormat;
    }
  /** Rows `offset` … `offset + rows.length − 1`; `table` true when they are arrays of cells. */
  | { type: 'rows'; offset: number; table: boolean; rows: readonly ProspectRow[] | readonly IcpAccount[] }
  /** A CSV file: read (parseCsvRecords) and scored in the worker, the rows sent back in batches. */
  | { type: 'file'; icp: Icp; mapping: ProspectMapping; input: Blob | string; delimiter?: string; numberFormat?: NumberFormat }
  /** After `start` with `keep`: the rows to show for a query (answered by `view` with the same id). */
  | { type: 'view'; id: number; query: ProspectQuery }
  /** After `start` with `keep`: the scored CSV as a Blob (answered by `export` with the same id). */
  | { type: 'export'; id: number; reasons?: number; bom?: boolean }
  /** Drop the kept rows and scores. */
  | { type: 'forget' };

export type ScoreWorkerResponse =
  | { type: 'ready' }
  | { type: 'progress'; scored: number; total: number }
  | { type: 'done'; scores: ProspectScores }
  | { type: 'error'; message: string }
  /** Reading a file: the import pipeline's progress. */
  | { type: 'readProgress'; progress: ImportProgress }
  /** A batch of the file's rows, in order. */
  | { type: 'fileRows'; rows: CsvRecord[] }
  /** The file is read and scored: everything but its rows (sent before), and the scores (null when refused). */
  | { type: 'fileDone'; records: Omit<CsvRecordsResult, 'rows'> & { truncated?: boolean }; scores: ProspectScores | null }
  /** Row numbers in order (transferred). */
  | { type: 'view'; id: number; order: Uint32Array }
  | { type: 'export'; id: number; blob: Blob }
  /** A `view` or `export` request failed. */
  | { type: 'requestError'; id: number; message: string };

/** The buffers of `scores`, to transfer instead of copy. */
export function scoreBuffers(scores: ProspectScores): ArrayBuffer[] {
  return [scores.scores.buffer, scores.tiers.buffer, scores.coverage.buffer, scores.matches.buffer] as ArrayBuffer[];
}
