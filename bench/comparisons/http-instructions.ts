import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchConfig } from '../support/config.js';
import { hasValgrind, instructionTotal } from '../support/instructions.js';
import { benchRuntimes } from '../support/runtimes.js';
import { ServerProcess, load } from '../support/server-process.js';
import { relative, type Comparison } from '../support/stats.js';

interface Route {
  path: string;
  status: number;
}

/** One server run: `count` requests to `route` after `warmup` ones, on that node binary. */
interface ServerRun {
  variant: 'module' | 'bare';
  node: string;
  route: Route;
  warmup: number;
  count: number;
}

/**
 * The server's whole-process instruction total for one run: two runs that differ only in `count`
 * difference to the cost of those requests.
 */
async function serverTotal(run: ServerRun): Promise<number> {
  const { variant, node, route, warmup, count } = run;
  const dir = mkdtempSync(join(tmpdir(), 'safe-errors-bench-callgrind-'));
  try {
    const server = await ServerProcess.start(variant, dir, variant, { node });
    try {
      const url = server.url(route.path);
      // Under valgrind the first requests, still unoptimised, take seconds each on a loaded machine.
      const request = {
        url,
        expectStatus: route.status,
        timeoutSeconds: 300,
        maxSeconds: 3600,
      };
      await load({ ...request, amount: warmup });
      await load({ ...request, amount: count });
    } finally {
      await server.stop();
    }
    if (variant === 'module' && server.tail().includes('s3cret-pw')) {
      throw new Error('the module app wrote the password');
    }
    return instructionTotal(
      readFileSync(join(dir, `${variant}.valgrind.log`), 'utf8'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function perRequest(run: ServerRun): Promise<number> {
  const [one, two] = await Promise.all([
    serverTotal(run),
    serverTotal({ ...run, count: 2 * run.count }),
  ]);
  return (two - one) / run.count;
}

/** Server instructions per request, module vs bare Nest, success and failure paths, on each runtime. */
export async function httpInstructionComparisons(
  config: BenchConfig,
): Promise<Comparison[]> {
  if (!(await hasValgrind())) {
    config.log('  valgrind not found: server instruction counts skipped');
    return [];
  }
  const warmup = config.quick ? 500 : 2000;
  const count = config.quick ? 500 : 2000;
  const out: Comparison[] = [];
  for (const runtime of await benchRuntimes()) {
    for (const route of [
      { path: '/ok', status: 200 },
      { path: '/fail', status: 500 },
    ]) {
      config.log(`  server instructions, ${runtime.label}, GET ${route.path}`);
      const run = { node: runtime.node, route, warmup, count };
      const module = await perRequest({ ...run, variant: 'module' });
      const bare = await perRequest({ ...run, variant: 'bare' });
      config.log(
        `    module ${Math.round(module).toLocaleString('en-US')}, bare ${Math.round(bare).toLocaleString('en-US')} instructions/request`,
      );
      const success = route.status === 200;
      out.push({
        ...relative(
          {
            name: success
              ? 'HTTP success path (GET 200): with SafeErrorsModule vs without, server instructions'
              : 'HTTP error path (route throws Error): module vs bare Nest filter + logger, server instructions',
            unit: 'instructions/request',
            // As the ratio reads (bare/module ≥ goal): ≤ 1.03× on Node 24, ≤ 1.08× on Node 20; ≤ 1.0× failing.
            goal: success ? 1 / (runtime.major >= 24 ? 1.03 : 1.08) : 1,
            higherIsBetter: false,
            note: 'valgrind (cachegrind) on the server process; stdout and stderr to a file',
          },
          [module],
          [bare],
        ),
        runtime: runtime.label,
        measure: 'instructions',
      });
    }
  }
  return out;
}
