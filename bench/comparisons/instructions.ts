import { cpus } from 'node:os';
import type { BenchConfig } from '../support/config.js';
import { hasValgrind, instructionsPerOp } from '../support/instructions.js';
import { benchRuntimes } from '../support/runtimes.js';
import { LINES_PER_TURN } from '../support/workloads.js';
import { ceiling, relative, type Comparison } from '../support/stats.js';

/** Operations per run, by record size: enough that start-up noise is under 1 % of the difference. */
const COUNTS = {
  small: { warmup: 3000, count: 4000 },
  large: { warmup: 40, count: 60 },
} as const;

/** Runs `jobs` at most `width` at a time: instruction counts do not depend on what else runs. */
async function pool<T>(
  jobs: (() => Promise<T>)[],
  width: number,
): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/**
 * The micro comparisons in instructions per operation (valgrind), on each runtime: repeatable where
 * CPU-time ratios on a shared machine are not.
 */
export async function instructionComparisons(
  config: BenchConfig,
): Promise<Comparison[]> {
  if (!(await hasValgrind())) {
    config.log('  valgrind not found: instruction counts skipped');
    return [];
  }
  const workloads = [
    'json',
    'redact-json',
    'pino-redact',
    'scan',
    'redacting-logger',
    'winston',
    'pino',
  ];
  const out: Comparison[] = [];
  for (const runtime of await benchRuntimes()) {
    for (const size of ['small', 'large'] as const) {
      const { warmup, count } = COUNTS[size];
      config.log(`  instructions, ${runtime.label}, ${size} record`);
      const counts = await pool(
        workloads.map((w) => async () => {
          const n = await instructionsPerOp({
            node: runtime.node,
            workload: `${w}:${size}`,
            warmup: config.quick ? warmup / 4 : warmup,
            count: config.quick ? count / 4 : count,
          });
          config.log(
            `    ${w}: ${Math.round(n).toLocaleString('en-US')} instructions/op`,
          );
          return n;
        }),
        Math.max(1, Math.min(2, cpus().length)),
      );
      const of = (w: string) => [counts[workloads.indexOf(w)]];
      const tag = { runtime: runtime.label, measure: 'instructions' as const };
      const pair = (
        name: string,
        unit: string,
        goal: number,
        ours: string,
        base: string,
        note?: string,
      ) => ({
        ...relative(
          { name, unit, goal, higherIsBetter: false, note },
          of(ours),
          of(base),
        ),
        ...tag,
      });
      out.push(
        pair(
          `JSON.stringify(redact(x)) vs JSON.stringify(x), ${size} record`,
          'instructions/record',
          0.5,
          'redact-json',
          'json',
        ),
        pair(
          `JSON.stringify(redact(x)) vs @pinojs/redact, ${size} record`,
          'instructions/record',
          size === 'small' ? 0.7 : 0.55,
          'redact-json',
          'pino-redact',
        ),
        {
          ...ceiling(
            {
              name: `Text scanning (pre-checks + detectors) as a share of JSON.stringify(x), ${size} record`,
              unit: '%',
              limit: 50,
              note: 'every string of the record through the scanner alone',
            },
            [(100 * of('scan')[0]) / of('json')[0]],
          ),
          ...tag,
        },
        pair(
          `Logger, ${size} record: RedactingLogger vs winston timestamp()+json()`,
          `instructions/${LINES_PER_TURN} lines`,
          size === 'small' ? 1.0 : 2.0,
          'redacting-logger',
          'winston',
        ),
        pair(
          `Logger, ${size} record: RedactingLogger vs pino redact paths`,
          `instructions/${LINES_PER_TURN} lines`,
          size === 'small' ? 0.6 : 0.5,
          'redacting-logger',
          'pino',
        ),
      );
    }
  }
  return out;
}
