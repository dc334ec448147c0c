import { cpus, release, totalmem, type, arch } from 'node:os';
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hostileComparisons } from './comparisons/hostile.js';
import { httpComparisons } from './comparisons/http.js';
import { httpInstructionComparisons } from './comparisons/http-instructions.js';
import { idComparisons } from './comparisons/ids.js';
import { instructionComparisons } from './comparisons/instructions.js';
import { loggerComparisons } from './comparisons/logger.js';
import { memoryComparisons } from './comparisons/memory.js';
import { redactComparisons } from './comparisons/redact.js';
import { loadConfig, type BenchConfig } from './support/config.js';
import type { Comparison } from './support/stats.js';
import { formatTable } from './support/table.js';

const GROUPS: Record<string, (config: BenchConfig) => Promise<Comparison[]>> = {
  http: httpComparisons,
  'http-instructions': httpInstructionComparisons,
  logger: loggerComparisons,
  redact: redactComparisons,
  hostile: hostileComparisons,
  instructions: instructionComparisons,
  ids: idComparisons,
  memory: memoryComparisons,
};

// Compiled to dist-bench/bench/run.js; the results belong next to the sources, in bench/.
const RESULTS = fileURLToPath(
  new URL('../../bench/results.json', import.meta.url),
);

function machine(): Record<string, unknown> {
  const cores = cpus();
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const asked = process.argv.slice(2);
  for (const name of asked) {
    if (!(name in GROUPS)) {
      throw new Error(
        `unknown group ${name}; known: ${Object.keys(GROUPS).join(', ')}`,
      );
    }
  }
  const names = asked.length > 0 ? asked : Object.keys(GROUPS);
  const started = Date.now();
  config.log(
    `nestjs-safe-errors bench (${config.quick ? 'quick' : 'full'}), ${names.join(', ')}${
      (globalThis as { gc?: unknown }).gc
        ? ''
        : ' (no --expose-gc: no GC between sides)'
    }`,
  );
  const comparisons: Comparison[] = [];
  for (const name of names) {
    const t = Date.now();
    config.log(`${name}:`);
    for (const c of await GROUPS[name](config)) {
      comparisons.push({
        runtime: `Node ${process.version}`,
        measure: 'cpu-time',
        ...c,
      });
    }
    config.log(`  ${name} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }

  process.stdout.write(`\n${formatTable(comparisons)}\n`);
  const missed = comparisons.filter((c) => !c.met).length;
  process.stdout.write(
    `\n${comparisons.length - missed}/${comparisons.length} goals met in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );

  // A partial run would overwrite the full set with a few rows: only a run of every group is kept.
  if (asked.length === 0) {
    const results = {
      machine: machine(),
      date: new Date().toISOString(),
      mode: config.quick ? 'quick' : 'full',
      comparisons,
    };
    writeFileSync(`${RESULTS}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
    renameSync(`${RESULTS}.tmp`, RESULTS);
    process.stdout.write(`results written to bench/results.json\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
