/** Messages between the page and the prospect score worker (see score-worker.ts). */
import type { Icp, IcpAccount } from '../core/icp.js';
import type { ProspectMapping, ProspectRow, ProspectScores } from './scoring.js';

export type ScoreWorkerRequest =
  /** `headers` null: rows are objects keyed by field. */
  | { type: 'start'; icp: Icp; mapping: ProspectMapping; headers: string[] | null; count: number }
  /** Rows `offset` … `offset + rows.length − 1`; `table` true when they are arrays of cells. */
  | { type: 'rows'; offset: number; table: boolean; rows: readonly ProspectRow[] | readonly IcpAccount[] };

export type ScoreWorkerResponse =
  | { type: 'ready' }
  | { type: 'progress'; scored: number; total: number }
  | { type: 'done'; scores: ProspectScores }
  | { type: 'error'; message: string };

/** The buffers of `scores`, to transfer instead of copy. */
export function scoreBuffers(scores: ProspectScores): ArrayBuffer[] {
  return [scores.scores.buffer, scores.tiers.buffer, scores.coverage.buffer, scores.matches.buffer] as ArrayBuffer[];
}
