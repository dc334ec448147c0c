import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WORKLOAD = fileURLToPath(
  new URL('../instructions/workload.js', import.meta.url),
);

/**
 * V8 flags for a repeatable count: no background compiler or GC threads (their work lands on the main
 * thread, still counted), fixed hash and random seeds.
 */
export const NODE_FLAGS = ['--predictable', '--hash-seed=1', '--random-seed=1'];

export interface CountOptions {
  /** The node binary to run. */
  node: string;
  /** `<workload>:<size>`, see workloads.ts. */
  workload: string;
  warmup: number;
  /** Measured operations: the second run does twice as many. */
  count: number;
  /** Another build's index.js, for before/after comparisons. */
  lib?: string;
}

/** valgrind's own arguments: instruction counts only, the summary to `logFile` when given. */
export function valgrindArgs(logFile?: string): string[] {
  return [
    '--tool=cachegrind',
    '--cache-sim=no',
    '--cachegrind-out-file=/dev/null',
    ...(logFile === undefined ? [] : [`--log-file=${logFile}`]),
  ];
}

/** The total in a valgrind summary. */
export function instructionTotal(summary: string): number {
  const refs = /I\s+refs:\s+([\d,]+)/.exec(summary);
  if (refs === null) {
    throw new Error(`no instruction count from valgrind:\n${summary}`);
  }
  return Number(refs[1].replaceAll(',', ''));
}

/** User-mode instructions of one whole process, by cachegrind without its cache simulation. */
async function totalInstructions(
  options: CountOptions,
  count: number,
): Promise<number> {
  const { stderr } = await run(
    'valgrind',
    [
      ...valgrindArgs(),
      options.node,
      ...NODE_FLAGS,
      WORKLOAD,
      options.workload,
      String(options.warmup),
      String(count),
    ],
    {
      env: { ...process.env, ...(options.lib && { BENCH_LIB: options.lib }) },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return instructionTotal(stderr);
}

/**
 * Instructions per operation: two runs that share start-up and warm-up and differ only in the number
 * of measured operations, differenced. Repeatable to about 1 % whatever else the machine runs.
 */
export async function instructionsPerOp(
  options: CountOptions,
): Promise<number> {
  const one = await totalInstructions(options, options.count);
  const two = await totalInstructions(options, 2 * options.count);
  return (two - one) / options.count;
}

/** Whether valgrind can be run here; the instruction group is skipped (and says so) when not. */
export async function hasValgrind(): Promise<boolean> {
  try {
    await run('valgrind', ['--version']);
    return true;
  } catch {
    return false;
  }
}
