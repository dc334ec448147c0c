import { Bench, type TimestampProvider } from 'tinybench';
import type { Side } from './stats.js';

/**
 * CPU time of this process, in µs (microsecond resolution on Linux). On a shared machine wall time also
 * counts the moments another process had the core; CPU time counts only the work done, GC threads
 * included.
 */
const processCpu: TimestampProvider = {
  name: 'process.cpuUsage',
  fn: () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  },
  fromMs: (ms) => ms * 1000,
  toMs: (micros) => Number(micros) / 1000,
};

export interface MicroSideOptions {
  name: string;
  /** One iteration; it batches operations so that one reading of the clock (~1 µs) stays negligible. */
  fn: () => unknown;
  /** Operations per call of `fn`. */
  opsPerCall: number;
  timeMs: number;
  /** `rate`: operations per CPU second; `micros`: CPU µs per operation. */
  report: 'rate' | 'micros';
}

/** A side measured by tinybench: one fresh run of `timeMs` CPU time per round. */
export function microSide(options: MicroSideOptions): Side {
  const { name, fn, opsPerCall, timeMs, report } = options;
  return {
    name,
    measure: async () => {
      // No tinybench warm-up: the rounds' unmeasured first pass does that once.
      const bench = new Bench({
        time: timeMs,
        iterations: 8,
        warmup: false,
        throws: true,
        timestampProvider: processCpu,
      });
      bench.add(name, fn);
      await bench.run();
      const result = bench.tasks[0].result;
      if (!('period' in result)) {
        throw new Error(`${name}: tinybench ended in state ${result.state}`);
      }
      // Mean rather than median: garbage collection is part of what a side costs.
      const msPerOp = result.period / opsPerCall;
      return report === 'rate' ? 1000 / msPerOp : msPerOp * 1000;
    },
  };
}
