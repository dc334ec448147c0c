import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BenchConfig } from '../support/config.js';
import { ServerProcess, load } from '../support/server-process.js';
import { ceiling, relative, type Comparison } from '../support/stats.js';

const LIMIT_MB = 20;
const SECRET = 's3cret-pw';

interface LogCount {
  ids: number;
  leaks: number;
}

/** Distinct request IDs on the module's JSON lines; a line with the route's password counts as a leak. */
async function countIds(file: string): Promise<LogCount> {
  const ids = new Set<string>();
  let leaks = 0;
  const lines = createInterface({ input: createReadStream(file) });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    if (line.includes(SECRET)) leaks++;
    const record = JSON.parse(line) as { requestId?: unknown };
    if (typeof record.requestId === 'string') ids.add(record.requestId);
  }
  return { ids: ids.size, leaks };
}

/** RSS and heap of the module app after many failing requests, and whether every failure was logged. */
export async function memoryComparisons(
  config: BenchConfig,
): Promise<Comparison[]> {
  const dir = mkdtempSync(join(tmpdir(), 'safe-errors-bench-memory-'));
  try {
    const server = await ServerProcess.start('module', dir, 'memory');
    let answered = 0;
    let before: Awaited<ReturnType<ServerProcess['memory']>>;
    let after: typeof before;
    try {
      const fail = (amount: number) =>
        load({ url: server.url('/fail'), amount, expectStatus: 500 });
      config.log(`  warm-up: ${config.memoryWarmupRequests} failing requests`);
      answered += (await fail(config.memoryWarmupRequests)).withStatus;
      before = await server.memory();
      config.log(`  ${config.memoryRequests} failing requests`);
      const run = await fail(config.memoryRequests);
      answered += run.withStatus;
      after = await server.memory();
      config.log(
        `    ${Math.round(run.requestsPerSecond)} req/s; rss ${(before.rss / 1e6).toFixed(1)} → ${(after.rss / 1e6).toFixed(1)} MB, heap ${(before.heapUsed / 1e6).toFixed(1)} → ${(after.heapUsed / 1e6).toFixed(1)} MB`,
      );
    } finally {
      // Closing the app writes every pending line before the count below.
      await server.stop();
    }
    const logged = await countIds(server.logFile);
    if (logged.leaks > 0)
      throw new Error(`${logged.leaks} lines carry the password`);
    const requests = `${config.memoryRequests.toLocaleString('en-US')} failing requests`;
    const rows = [
      ceiling(
        {
          name: `Memory: RSS growth after ${requests} (after GC, vs after warm-up)`,
          unit: 'MB',
          limit: LIMIT_MB,
        },
        [(after.rss - before.rss) / 1e6],
      ),
      ceiling(
        {
          name: `Memory: heap growth after ${requests} (after GC, vs after warm-up)`,
          unit: 'MB',
          limit: LIMIT_MB,
        },
        [(after.heapUsed - before.heapUsed) / 1e6],
      ),
      relative(
        {
          name: 'Memory run: distinct requestIds logged vs 500 answers',
          unit: 'count',
          goal: 1,
          higherIsBetter: true,
        },
        [logged.ids],
        [answered],
      ),
    ];
    return rows.map((row) => ({ ...row, measure: 'memory' as const }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
