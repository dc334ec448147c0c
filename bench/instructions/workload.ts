import { pathToFileURL } from 'node:url';
import { buildWorkload, type LibraryUnderTest } from '../support/workloads.js';

/**
 * One workload in a process of its own, run under valgrind by ../support/instructions.ts:
 *   workload.js <workload>:<size> <warm-up operations> <measured operations>
 * Two runs that differ only in the measured count share everything else, so the difference of their
 * instruction totals is what those operations cost. BENCH_LIB names another build's index.js (an older
 * commit) to measure instead of this one.
 */
async function main(): Promise<void> {
  const [spec, warmupArg, countArg] = process.argv.slice(2);
  const warmup = Number(warmupArg);
  const count = Number(countArg);
  if (spec === undefined || !(warmup >= 0) || !(count >= 0)) {
    throw new Error('usage: workload.js <workload>:<size> <warm-up> <count>');
  }
  const lib = (await import(
    process.env.BENCH_LIB
      ? pathToFileURL(process.env.BENCH_LIB).href
      : '../../lib/index.js'
  )) as LibraryUnderTest;
  const op = await buildWorkload(spec, lib);
  const first = op();
  if (first instanceof Promise) {
    await first;
    for (let i = 1; i < warmup + count; i++) await op();
  } else {
    for (let i = 1; i < warmup + count; i++) op();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`workload failed: ${String(error)}\n`);
  process.exit(1);
});
