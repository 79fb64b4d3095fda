import { expect } from '@open-wc/testing';
import { releaseImportWorkers, sniffFile, startImport } from '../../src/import/importer.js';
import { guessMapping } from '../../src/import/mapping.js';
import { loadDatasetColumns } from '../../src/storage/datasets.js';
import type { ImportOptions, ImportResult } from '../../src/import/types.js';

/**
 * A large file imported by several workers at once (one per core: the others read later parts of
 * the file and hand their rows to the first through channels of their own): the page gets, and
 * the worker saves, exactly what one reader gives. Real workers, in Chromium; the size limit lowered so a small file
 * is split.
 */
const HEADERS = ['customer_id', 'start_date', 'end_date', 'amount', 'currency', 'note'];
const mapping = guessMapping(HEADERS);
const options: ImportOptions = { rates: { EUR: 1.1 }, currency: 'USD' };

function csv(rows: number): string {
  const lines = [HEADERS.join(',')];
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const end = i % 3 === 0 ? `2023-${month}-01` : '';
    const amount = i % 97 === 0 ? 'n/a' : `${(i % 300) + 9}.${String(i % 100).padStart(2, '0')}`;
    const note = i % 41 === 0 ? '"a note, over\ntwo lines"' : 'x';
    lines.push(`cus_${i % 2000},2022-${month}-15,${end},${amount},${i % 5 === 0 ? 'EUR' : 'USD'},${note}`);
  }
  return `${lines.join('\n')}\n`;
}

const FILE = new File([csv(20_000)], 'subscriptions.csv', { type: 'text/csv' });

/** The workers started during `run`, and which of them were terminated. */
async function counting<T>(
  run: () => Promise<T>,
  replaceSecond = false,
): Promise<{ value: T; started: number; terminated: number }> {
  const Real = globalThis.Worker;
  let started = 0;
  let terminated = 0;
  class Counted extends Real {
    constructor(url: string | URL, init?: WorkerOptions) {
      started += 1;
      // The second worker pointed at a file that does not exist: it fails to load.
      super(replaceSecond && started === 2 ? new URL('/no-such-worker.js', location.href) : url, init);
    }
    override terminate(): void {
      terminated += 1;
      super.terminate();
    }
  }
  globalThis.Worker = Counted;
  try {
    return { value: await run(), started, terminated };
  } finally {
    globalThis.Worker = Real;
  }
}

/** `run` on a device of `cores` cores (as `navigator.hardwareConcurrency` says). */
async function withCores<T>(cores: number, run: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores, configurable: true });
  try {
    return await run();
  } finally {
    delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

function plain(result: ImportResult) {
  const { columns, report, analysis } = result;
  return {
    columns: [columns.customerIds, [...columns.customer], [...columns.startDay], [...columns.endDay], [...columns.monthlyMinor]],
    report: { ...report, errors: { ...report.errors, lines: [...report.errors.lines], codes: [...report.errors.codes] } },
    analysis,
  };
}

let reference: ReturnType<typeof plain> | undefined;
async function alone(): Promise<ReturnType<typeof plain>> {
  reference ??= plain(await startImport(FILE, mapping, options, { mainThread: true }).done);
  return reference;
}

describe('import in two parts, by two workers', () => {
  it('on three cores, two workers: the page gets what one reader gives, and both workers stop', async () => {
    const { value, started, terminated } = await withCores(3, () =>
      counting(() => startImport(FILE, mapping, options, { splitMinBytes: 1 }).done),
    );
    expect(started).to.equal(2);
    expect(terminated).to.equal(2);
    const expected = await alone();
    expect(expected.report.errors.count).to.be.greaterThan(100);
    expect(expected.report.currenciesFound).to.have.keys('EUR', 'USD');
    expect(plain(value)).to.deep.equal(expected);
  });

  it('on eight cores, four workers read four parts: the same result', async () => {
    const { value, started, terminated } = await withCores(8, () =>
      counting(() => startImport(FILE, mapping, options, { splitMinBytes: 1 }).done),
    );
    expect(started).to.equal(4);
    expect(terminated).to.equal(4);
    expect(plain(value)).to.deep.equal(await alone());
    expect(navigator.hardwareConcurrency).to.be.greaterThan(0);
  });

  it('saves what one reader gives (the worker that read the first half saves the whole)', async () => {
    const { value } = await counting(async () => {
      const handle = startImport(FILE, mapping, options, {
        splitMinBytes: 1,
        save: { name: 'Two parts', fileName: 'subscriptions.csv' },
      });
      const result = await handle.done;
      return { result, record: await handle.saved };
    });
    expect(value.record).to.not.equal(null);
    const stored = await loadDatasetColumns(value.record!.id);
    expect(stored!.length).to.equal(value.result.columns.length);
    expect([...stored!.monthlyMinor]).to.deep.equal((await alone()).columns[4]);
    expect(stored!.customerIds).to.deep.equal((await alone()).columns[0]);
  });

  it('one core: one worker; two cores: two (the page is idle while they read); four: three', async () => {
    for (const [cores, workers] of [
      [1, 1],
      [2, 2],
      [4, 3],
    ]) {
      const { value, started } = await withCores(cores!, () =>
        counting(() => startImport(FILE, mapping, options, { splitMinBytes: 1 }).done),
      );
      expect(started, `${cores} cores`).to.equal(workers);
      expect(plain(value)).to.deep.equal(await alone());
    }
  });

  it('a second worker that cannot load: the first reads the whole file, same result', async () => {
    const { value, started } = await withCores(3, () =>
      counting(() => startImport(FILE, mapping, options, { splitMinBytes: 1 }).done, true),
    );
    expect(started).to.equal(2);
    expect(plain(value)).to.deep.equal(await alone());
  });

  it('a file grouped by customer, without a currency column: each worker sums its part’s movements, same result on 2 and 4 workers', async () => {
    const lines = ['customer_id,start_date,end_date,amount,interval'];
    for (let c = 0; c < 3000; c++) {
      for (let k = 0; k < 1 + (c % 5); k++) {
        const month = String(((c + 3 * k) % 12) + 1).padStart(2, '0');
        const end = (c + k) % 4 === 0 ? `2024-${month}-10` : '';
        lines.push(
          `cus_${c},202${k % 3}-${month}-10,${end},${(c % 90) + 10}.${String(k * 7).padStart(2, '0')},${k % 4 === 3 ? 'year' : 'month'}`,
        );
      }
    }
    const grouped = new File([`${lines.join('\n')}\n`], 'grouped.csv', { type: 'text/csv' });
    const plainMapping = guessMapping(lines[0]!.split(','));
    const expected = plain(await startImport(grouped, plainMapping, {}, { mainThread: true }).done);
    expect(expected.analysis!.movements.length).to.be.greaterThan(40);
    for (const [cores, workers] of [
      [3, 2],
      [8, 4],
    ]) {
      const { value, started } = await withCores(cores!, () =>
        counting(() => startImport(grouped, plainMapping, {}, { splitMinBytes: 1 }).done),
      );
      expect(started, `${cores} cores`).to.equal(workers);
      expect(plain(value), `${cores} cores`).to.deep.equal(expected);
    }
    // Saved by the first worker (its copies made while the second sums): what one reader gives.
    const handle = withCores(3, () =>
      Promise.resolve(
        startImport(grouped, plainMapping, {}, { splitMinBytes: 1, save: { name: 'Grouped', fileName: 'grouped.csv' } }),
      ),
    );
    const saving = await handle;
    expect(plain(await saving.done)).to.deep.equal(expected);
    const stored = await loadDatasetColumns((await saving.saved)!.id);
    expect([
      stored!.customerIds,
      [...stored!.customer],
      [...stored!.startDay],
      [...stored!.endDay],
      [...stored!.monthlyMinor],
    ]).to.deep.equal(expected.columns);
  });

  it('a file under the limit is read by one worker', async () => {
    const { value, started } = await counting(() => startImport(FILE, mapping, options).done);
    expect(FILE.size).to.be.lessThan(8 << 20);
    expect(started).to.equal(1);
    expect(plain(value)).to.deep.equal(await alone());
  });

  it('cancel stops both workers', async () => {
    const { value, terminated } = await withCores(3, () =>
      counting(async () => {
        const handle = startImport(FILE, mapping, options, { splitMinBytes: 1 });
        handle.cancel();
        return handle.done.then(
          () => 'finished',
          (e: Error) => e.name,
        );
      }),
    );
    expect(value).to.equal('AbortError');
    expect(terminated).to.equal(2);
  });

  it('the worker starts when the file is chosen (while the user checks the mapping), and the import uses it', async () => {
    const sniffing = await counting(() => sniffFile(FILE));
    expect(sniffing.started).to.equal(1);
    expect(sniffing.value.mapping.customerId).to.equal('customer_id');
    const importing = await counting(() => startImport(FILE, mapping, options).done);
    expect(importing.started).to.equal(0);
    expect(plain(importing.value)).to.deep.equal(await alone());
  });

  it('a refused file, or leaving, stops the worker started ahead', async () => {
    const refused = await counting(() => sniffFile(new File([''], 'empty.csv')));
    expect(refused.value.fatal?.code).to.equal('emptyFile');
    expect(refused.started).to.equal(1);
    expect(refused.terminated).to.equal(1);
    const left = await counting(async () => {
      await sniffFile(FILE);
      releaseImportWorkers();
    });
    expect(left.terminated).to.equal(1);
  });
});
