/** Messages between the page and the prospects worker (see prospects-worker.ts). */
import type { ProspectsFile } from './prospect-store.js';

export type ProspectsWorkerRequest =
  /** Read this file (the worker holds one file at a time). */
  | { type: 'open'; input: Blob | string }
  /** A method of the store, answered by `result` or `failure` with the same id. */
  | { type: 'call'; id: number; method: 'numbers' | 'score' | 'view' | 'page' | 'export' | 'mirror'; args: unknown[] }
  /** Stop the scoring under way (the file stays). */
  | { type: 'cancel' };

export type ProspectsWorkerResponse =
  | { type: 'ready' }
  | { type: 'read'; fraction: number }
  | { type: 'opened'; file: ProspectsFile }
  | { type: 'scored'; done: number; total: number }
  | { type: 'result'; id: number; value: unknown }
  /** `id` 0: reading failed. */
  | { type: 'failure'; id: number; name?: string; message: string };
