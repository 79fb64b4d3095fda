/**
 * The prospect score worker: a thin shell over {@link scoreInto}. The page posts `start` (the ICP,
 * the mapping, the headers and the row count), then the rows in batches (`rows`, each with the
 * number of its first row), so no single message blocks the page while it is cloned. The worker
 * scores each batch as it arrives, posts `progress` (at most every 100 ms), and when every row is
 * scored posts `done` with the results, whose typed arrays are transferred, not copied. Cancel is
 * `worker.terminate()`: the worker keeps nothing. Started by `score-prospects.ts` as a module worker,
 * which keeps a worker that finished as the spare for the next scoring (`start` resets it).
 *
 * With `start.keep`, the worker keeps the rows and the scores after `done` (the page gets copies)
 * and answers `view` (the rows to show for a query: {@link prospectView}, sent back as a transferred
 * Uint32Array) and `export` (the scored CSV as a Blob) until `forget` or the next `start`: sorting
 * 100,000 names or writing 19 MB of CSV then never runs on the page.
 */
import { icpBatchScorer, type IcpAccount } from '../core/icp.js';
import {
  emptyScores,
  prospectCellsFormat,
  scoreInto,
  scoredCsvBlob,
  type ProspectInput,
  type ProspectRow,
  type ProspectScores,
} from './scoring.js';
import { prospectView, type ProspectViewCache } from './prospect-view.js';
import { scoreBuffers, type ScoreWorkerRequest, type ScoreWorkerResponse } from './score-protocol.js';
import { parseCsvRecords } from '../import/records.js';

/** Rows per `fileRows` message: each is read back on the page in a short task. */
const ROWS_BACK = 2000;

/** Reads a CSV file with the import pipeline, scores every row, sends the rows back in batches. */
async function scoreFile(request: Extract<ScoreWorkerRequest, { type: 'file' }>): Promise<void> {
  let lastRead = 0;
  const { rows, ...records } = await parseCsvRecords(request.input, {
    delimiter: request.delimiter,
    onProgress: (progress) => {
      const now = Date.now();
      if (now - lastRead < 100 && progress.fraction < 1) return;
      lastRead = now;
      scope.postMessage({ type: 'readProgress', progress });
    },
  });
  let fileScores: ProspectScores | null = null;
  if (!records.fatal) {
    const table = { headers: records.headers, rows, lines: records.lines };
    const format = prospectCellsFormat(request.icp, table, request.mapping, request.numberFormat);
    fileScores = emptyScores(request.icp, table, request.mapping, format);
    scoreInto(icpBatchScorer(request.icp), table, fileScores);
  }
  for (let o = 0; o < rows.length; o += ROWS_BACK) scope.postMessage({ type: 'fileRows', rows: rows.slice(o, o + ROWS_BACK) });
  scope.postMessage({ type: 'fileDone', records, scores: fileScores }, fileScores ? scoreBuffers(fileScores) : []);
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ScoreWorkerRequest>) => void) | null;
  postMessage(message: ScoreWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let scores: ProspectScores | undefined;
let score: ReturnType<typeof icpBatchScorer> | undefined;
let scored = 0;
let lastProgress = 0;
/** With `keep`: the rows as they arrive, then (once scored) the table, its scores and the view cache. */
let keepRows: ProspectRow[] | IcpAccount[] | undefined;
let keepHeaders: string[] | null = null;
let kept: { input: ProspectInput; scores: ProspectScores; cache: ProspectViewCache } | undefined;

function finish(): void {
  if (!scores) return;
  if (keepRows) {
    // The page gets copies (transferred); the worker keeps its own for views and the export.
    kept = {
      input: keepHeaders ? { headers: keepHeaders, rows: keepRows as ProspectRow[] } : (keepRows as IcpAccount[]),
      scores,
      cache: {},
    };
    const copy = {
      ...scores,
      scores: scores.scores.slice(),
      tiers: scores.tiers.slice(),
      coverage: scores.coverage.slice(),
      matches: scores.matches.slice(),
    };
    scope.postMessage({ type: 'done', scores: copy }, scoreBuffers(copy));
    keepRows = undefined;
  } else scope.postMessage({ type: 'done', scores }, scoreBuffers(scores));
  scores = undefined;
  score = undefined;
}

function answer(message: Extract<ScoreWorkerRequest, { type: 'view' | 'export' }>): void {
  try {
    if (!kept) throw new Error('nothing kept');
    if (message.type === 'view') {
      const order = prospectView(kept.input, kept.scores, message.query, kept.cache);
      scope.postMessage({ type: 'view', id: message.id, order }, [order.buffer as ArrayBuffer]);
    } else {
      const blob = scoredCsvBlob(kept.input, kept.scores, { reasons: message.reasons, bom: message.bom });
      scope.postMessage({ type: 'export', id: message.id, blob });
    }
  } catch (error) {
    scope.postMessage({ type: 'requestError', id: message.id, message: String(error) });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message?.type === 'file') {
      scoreFile(message).catch((error: unknown) => scope.postMessage({ type: 'error', message: String(error) }));
      return;
    }
    if (message?.type === 'view' || message?.type === 'export') return answer(message);
    if (message?.type === 'forget') {
      kept = undefined;
      keepRows = undefined;
      return;
    }
    if (message?.type === 'start') {
      scores = emptyScores(
        message.icp,
        { headers: message.headers ?? [], count: message.count },
        message.mapping,
        message.numberFormat,
      );
      score = icpBatchScorer(message.icp);
      scored = 0;
      kept = undefined;
      keepRows = message.keep ? new Array(message.count) : undefined;
      keepHeaders = message.headers;
      if (message.count === 0) finish();
    } else if (message?.type === 'rows' && scores && score) {
      const input = message.table ? { headers: [], rows: message.rows as ProspectRow[] } : (message.rows as IcpAccount[]);
      scoreInto(score, input, scores, 0, message.rows.length, message.offset);
      if (keepRows) for (let k = 0; k < message.rows.length; k++) keepRows[message.offset + k] = message.rows[k] as never;
      scored += message.rows.length;
      const now = Date.now();
      if (now - lastProgress >= 100) {
        lastProgress = now;
        scope.postMessage({ type: 'progress', scored, total: scores.count });
      }
      if (scored >= scores.count) finish();
    }
  } catch (error) {
    scope.postMessage({ type: 'error', message: String(error) });
  }
};

scope.postMessage({ type: 'ready' });
