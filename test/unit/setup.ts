import fc from 'fast-check';

// Property tests explore new random cases on every local run; in CI they replay a fixed sample so a
// landing never depends on the draw (a failure prints its seed and counterexample either way).
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
