/**
 * The prospect score worker: a thin shell over {@link scoreInto}. The page posts `start` (the ICP,
 * the mapping, the headers and the row count), then the rows in batches (`rows`, each with the
 * number of its first row), so no single message blocks the page while it is cloned. The worker
 * scores each batch as it arrives, posts `progress` (at most every 100 ms), and when every row is
 * scored posts `done` with the results, whose typed arrays are transferred, not copied. Cancel is
 * `worker.terminate()`: the worker keeps nothing. Started by `score-prospects.ts` as a module worker,
 * which keeps a worker that finished as the spare for the next scoring (`start` resets it).
 */
import { icpBatchScorer, type IcpAccount } from '../core/icp.js';
import { emptyScores, scoreInto, type ProspectRow, type ProspectScores } from './scoring.js';
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
    fileScores = emptyScores(request.icp, table, request.mapping);
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

function finish(): void {
  if (!scores) return;
  scope.postMessage({ type: 'done', scores }, scoreBuffers(scores));
  scores = undefined;
  score = undefined;
}

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message?.type === 'file') {
      scoreFile(message).catch((error: unknown) => scope.postMessage({ type: 'error', message: String(error) }));
      return;
    }
    if (message?.type === 'start') {
      scores = emptyScores(message.icp, { headers: message.headers ?? [], count: message.count }, message.mapping);
      score = icpBatchScorer(message.icp);
      scored = 0;
      if (message.count === 0) finish();
    } else if (message?.type === 'rows' && scores && score) {
      const input = message.table ? { headers: [], rows: message.rows as ProspectRow[] } : (message.rows as IcpAccount[]);
      scoreInto(score, input, scores, 0, message.rows.length, message.offset);
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
