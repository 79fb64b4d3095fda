// The mrr-kit process interrupted mid-run (Ctrl-C, a kill): the temporary file beside --out and
// standard input's copy are removed, --out keeps what it held, and the exit code is the shell's
// 128 + signal (130 for SIGINT, 143 for SIGTERM). Run as a real child process: the executable's
// entry (src/cli/mrr-kit.ts) bundled once with esbuild (the bundler under Vite), on a file of
// periods from the benchmarks' generator large enough to take a while.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodsOf } from '../../bench/lib/generate-periods.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mrr-cli-signals-'));
const BIN = join(dir, 'mrr-kit.mjs');
const BIG = join(dir, 'periods.csv');
const HEADER = 'customer_id,start_date,end_date,amount,interval,interval_count,quantity\n';

beforeAll(async () => {
  await build({
    entryPoints: [new URL('../../src/cli/mrr-kit.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: BIN,
    logLevel: 'warning',
  });
  // 300,000 periods (14 MB): about a second of reading, long enough to be interrupted.
  const rows = [HEADER];
  for (const p of periodsOf(300_000)) {
    rows.push(`${p.customerId},${p.start},${p.end ?? ''},${p.amount},${p.interval},${p.intervalCount},${p.quantity}\n`);
  }
  writeFileSync(BIG, rows.join(''));
}, 60_000);

/** Resolves once `found()` is true (polled every 2 ms), or rejects after 20 s. */
async function until(found: () => boolean, what: string): Promise<void> {
  const stop = Date.now() + 20_000;
  while (!found()) {
    if (Date.now() > stop) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function mrrKit(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {}); // the pipe closed by the interrupted process (EPIPE)
  return child;
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stderr };
}

const temporaries = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

describe('mrr-kit interrupted mid-run', () => {
  it('SIGINT during movements --out: exit 130, no temporary file, --out as it was', async () => {
    const outDir = join(dir, 'sigint');
    mkdirSync(outDir);
    const out = join(outDir, 'movements.csv');
    writeFileSync(out, 'previous run\n');
    const child = mrrKit(['movements', BIG, '--out', out]);
    const exited = exitOf(child);
    // The temporary file is made beside --out before the input is read: interrupt while it is there.
    await until(() => temporaries(outDir).length > 0, 'the temporary file');
    child.kill('SIGINT');
    const { code, signal, stderr } = await exited;
    expect(readdirSync(outDir)).toEqual(['movements.csv']);
    expect(readFileSync(out, 'utf8')).toBe('previous run\n');
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stderr).not.toContain('internal error');
  });

  it('SIGTERM during movements --out into new folders: exit 143, nothing left, not even the folders', async () => {
    const base = join(dir, 'sigterm');
    mkdirSync(base);
    const out = join(base, 'new', 'sub', 'movements.json');
    const child = mrrKit(['movements', BIG, '--format', 'json', '--out', out]);
    const exited = exitOf(child);
    await until(
      () => existsSync(join(base, 'new', 'sub')) && temporaries(join(base, 'new', 'sub')).length > 0,
      'the temporary file',
    );
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    expect(readdirSync(base)).toEqual([]);
    expect({ code, signal }).toEqual({ code: 143, signal: null });
  });

  it('SIGINT while movements - reads standard input: the copy of stdin and the temporary --out removed', async () => {
    const ownTmp = join(dir, 'own-tmp');
    mkdirSync(ownTmp);
    const outDir = join(dir, 'stdin-out');
    mkdirSync(outDir);
    const child = mrrKit(['movements', '-', '--out', join(outDir, 'movements.csv')], { TMPDIR: ownTmp });
    const exited = exitOf(child);
    // Half the file, the pipe left open: the command is still reading when it is interrupted.
    const text = readFileSync(BIG, 'utf8');
    child.stdin!.write(text.slice(0, text.length / 2));
    await until(() => readdirSync(ownTmp).length > 0 && temporaries(outDir).length > 0, 'the copy of stdin');
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect(readdirSync(ownTmp)).toEqual([]);
    expect(readdirSync(outDir)).toEqual([]);
    expect({ code, signal }).toEqual({ code: 130, signal: null });
  });

  it('left alone, the same run ends with 0 and --out written whole', async () => {
    const out = join(dir, 'whole', 'movements.csv');
    const { code, stderr } = await exitOf(mrrKit(['movements', BIG, '--out', out]));
    expect([code, stderr]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toMatch(/^month,startingMrr,new,/);
    expect(readdirSync(join(dir, 'whole'))).toEqual(['movements.csv']);
  });
});
