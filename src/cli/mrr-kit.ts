#!/usr/bin/env node
// The `mrr-kit` executable (package.json `bin`): the process's arguments, its exit code.
// Help text is plain when piped (citty decides its colours when it loads, hence the late imports).
export {};
if (!process.stdout.isTTY) process.env.NO_COLOR ??= '1';
const { main } = await import('./main.js');
const { processIo } = await import('./io.js');
process.exitCode = await main(process.argv.slice(2), processIo);
