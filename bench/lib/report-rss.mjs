// Preloaded with `node --import` into a process whose peak memory a benchmark measures: on exit it
// writes the process's resource usage (maxRSS in kB: the peak resident set) to $MRR_RSS_REPORT.
import { writeFileSync } from 'node:fs';

const path = process.env.MRR_RSS_REPORT;
if (path) process.on('exit', () => writeFileSync(path, JSON.stringify(process.resourceUsage())));
