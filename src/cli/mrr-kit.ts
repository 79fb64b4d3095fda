#!/usr/bin/env node
// The `mrr-kit` executable (package.json `bin`): the process's arguments, its exit code.
// Help text is plain when piped (citty decides its colours when it loads, hence the late imports).
export {};
if (!process.stdout.isTTY) process.env.NO_COLOR ??= '1';
// A reader that stops early (`mrr-kit movements big.csv | head -1`) closes the pipe: what it did
// not read is not wanted, so the command ends quietly, as it would have had it read it all.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`mrr-kit: cannot write to stdout: ${e.message}\n`);
  process.exit(1);
});
const { main } = await import('./main.js');
const { processIo, removeTemporariesOnSignals } = await import('./io.js');
// Ctrl-C or a kill mid-run: the --out being written and standard input's copy removed, exit 130/143.
removeTemporariesOnSignals();
process.exitCode = await main(process.argv.slice(2), processIo);
