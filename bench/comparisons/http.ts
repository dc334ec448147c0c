import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchConfig } from '../support/config.js';
import { ServerProcess, load } from '../support/server-process.js';
import {
  alternate,
  relative,
  spread,
  type Comparison,
  type Side,
} from '../support/stats.js';

interface Route {
  path: string;
  status: number;
}

function httpSide(
  name: string,
  server: ServerProcess,
  route: Route,
  seconds: number,
  cpu: number[],
): Side {
  return {
    name,
    measure: async () => {
      const before = await server.cpuMicros();
      const result = await load({
        url: server.url(route.path),
        seconds,
        expectStatus: route.status,
      });
      cpu.push(((await server.cpuMicros()) - before) / result.answered);
      return result.requestsPerSecond;
    },
  };
}

interface HttpSamples {
  ours: number[];
  baseline: number[];
  /** Server CPU µs per request, per round. */
  oursCpu: number[];
  baselineCpu: number[];
}

/** Server CPU per request: on a shared machine it says more about the code than req/s does. */
function cpuNote(samples: HttpSamples): string {
  const ours = spread(samples.oursCpu).median;
  const baseline = spread(samples.baselineCpu).median;
  return `server CPU per request: module ${ours.toFixed(0)} µs, bare ${baseline.toFixed(0)} µs (bare/module ${(baseline / ours).toFixed(2)})`;
}

async function compare(
  config: BenchConfig,
  module: ServerProcess,
  bare: ServerProcess,
  route: Route,
): Promise<HttpSamples> {
  const oursCpu: number[] = [];
  const baselineCpu: number[] = [];
  const sides = (seconds: number) => [
    httpSide('module', module, route, seconds, oursCpu),
    httpSide('bare', bare, route, seconds, baselineCpu),
  ];
  for (const side of sides(config.httpWarmupSeconds)) await side.measure();
  oursCpu.length = 0;
  baselineCpu.length = 0;
  const samples = await alternate(sides(config.httpSeconds), {
    rounds: config.rounds,
    warmup: false,
    log: config.log,
  });
  const result = {
    ours: samples.get('module') ?? [],
    baseline: samples.get('bare') ?? [],
    oursCpu,
    baselineCpu,
  };
  config.log(`    ${cpuNote(result)}`);
  return result;
}

/** Success and error paths: the same app with and without the module, each server in its own process. */
export async function httpComparisons(
  config: BenchConfig,
): Promise<Comparison[]> {
  const dir = mkdtempSync(join(tmpdir(), 'safe-errors-bench-http-'));
  const servers: ServerProcess[] = [];
  try {
    const module = await ServerProcess.start('module', dir, 'module');
    servers.push(module);
    const bare = await ServerProcess.start('bare', dir, 'bare');
    servers.push(bare);

    config.log('  GET /ok (200)');
    const ok = await compare(config, module, bare, {
      path: '/ok',
      status: 200,
    });
    config.log('  GET /fail (throws Error, 500)');
    const fail = await compare(config, module, bare, {
      path: '/fail',
      status: 500,
    });
    // Both sides must really have logged each failure, and only the bare one may show the password.
    const ours = module.tail();
    const theirs = bare.tail();
    if (!ours.includes('"requestId"') || ours.includes('s3cret-pw')) {
      throw new Error('the module app did not write redacted JSON lines');
    }
    if (!theirs.includes('ExceptionsHandler')) {
      throw new Error("bare Nest's logger wrote nothing");
    }
    return [
      relative(
        {
          name: 'HTTP success path (GET 200): with SafeErrorsModule vs without',
          unit: 'req/s',
          goal: 0.97,
          higherIsBetter: true,
          note: cpuNote(ok),
        },
        ok.ours,
        ok.baseline,
      ),
      relative(
        {
          name: 'HTTP error path (route throws Error): module vs bare Nest filter + logger',
          unit: 'req/s',
          goal: 1.1,
          higherIsBetter: true,
          note: `each server in its own process, stdout and stderr to a file; module: one redacted JSON line, Nest: its coloured stack; ${cpuNote(fail)}`,
        },
        fail.ours,
        fail.baseline,
      ),
    ];
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
