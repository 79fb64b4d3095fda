/** Rejection of a cancelled import; `name` is `AbortError`, like `fetch`'s. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'AbortError';
  }
}
