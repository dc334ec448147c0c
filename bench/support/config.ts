/** How long each part runs: `BENCH_QUICK=1` trades precision for a run of about a minute. */
export interface BenchConfig {
  quick: boolean;
  /** Measured HTTP rounds per comparison; each round runs every side once. */
  rounds: number;
  /** Measured tinybench rounds per comparison. */
  microRounds: number;
  /** Seconds of load per side and round. */
  httpSeconds: number;
  /** Seconds of load per side before the first round, not measured. */
  httpWarmupSeconds: number;
  /** Milliseconds per side and round for tinybench. */
  microMs: number;
  /** Failing requests for the memory check. */
  memoryRequests: number;
  /** Failing requests before the memory baseline is taken. */
  memoryWarmupRequests: number;
  log: (line: string) => void;
}

export function loadConfig(): BenchConfig {
  const quick = process.env.BENCH_QUICK === '1';
  const log = (line: string) => process.stderr.write(`${line}\n`);
  return quick
    ? {
        quick,
        rounds: 3,
        microRounds: 3,
        httpSeconds: 1,
        httpWarmupSeconds: 1,
        microMs: 120,
        memoryRequests: 10_000,
        memoryWarmupRequests: 2_000,
        log,
      }
    : {
        quick,
        // Many short rounds: bursts of other load then fall on a few pairs, which the median drops.
        rounds: 12,
        microRounds: 11,
        httpSeconds: 1.5,
        httpWarmupSeconds: 2,
        microMs: 300,
        memoryRequests: 100_000,
        memoryWarmupRequests: 10_000,
        log,
      };
}

/** Collects what one side allocated before the next side runs, when node runs with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
