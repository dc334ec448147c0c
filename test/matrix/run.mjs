// The test matrix `npm test` runs after the type check, lint and build: the whole suite on each supported
// Node major against Nest 12, the suite against Nest 11, and consumer apps built from the packed tarball.
// Writes .matrix-report.json (every cell's counts) and ends with one `tests: N passed, M failed` line.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_VERSIONS, nodeBinary } from './node-binaries.mjs';
import { checkApp } from './consumers/check-app.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'safe-errors-matrix-'));
const logs = join(root, '.matrix', 'logs');
rmSync(logs, { recursive: true, force: true });
mkdirSync(logs, { recursive: true });

const machineNode = { label: `Node ${process.versions.node}`, bin: process.execPath };
const node = (key) => {
  const version = NODE_VERSIONS[key];
  return { label: `Node ${version}`, bin: nodeBinary(root, version) };
};

/** Runs a command with `node` first on PATH, its output to a log file; resolves to the exit code. */
function run(cmd, args, { cwd, nodeBin = process.execPath, log }) {
  const out = createWriteStream(join(logs, log), { flags: 'a' });
  out.write(`$ ${cmd} ${args.join(' ')}  (in ${cwd})\n`);
  const env = { ...process.env, PATH: dirname(nodeBin) + delimiter + process.env.PATH };
  delete env.NODE_OPTIONS;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', (error) => {
      out.end(`${error}\n`);
      resolve(127);
    });
    child.on('close', (code) => {
      out.end(`exit ${code}\n`);
      resolve(code ?? 1);
    });
  });
}

const cells = [];
function record(name, passed, failures) {
  cells.push({ name, passed, failed: failures.length, failures });
  const mark = failures.length === 0 ? 'ok' : 'FAILED';
  console.log(`${mark.padEnd(6)} ${name}: ${passed} passed, ${failures.length} failed`);
  for (const f of failures.slice(0, 20)) console.log(`         ✗ ${f}`);
}

/** The vitest suite in `dir` on one Node binary, counted from vitest's JSON report. */
async function suiteCell(name, dir, nodeRuntime, log) {
  const report = join(work, `${log}.json`);
  const code = await run(
    nodeRuntime.bin,
    ['node_modules/vitest/vitest.mjs', 'run', `--outputFile.json=${report}`],
    { cwd: dir, nodeBin: nodeRuntime.bin, log },
  );
  let passed = 0;
  let failures = [];
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed = r.numPassedTests;
    failures = r.testResults.flatMap((file) =>
      file.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName),
    );
    if (code !== 0 && failures.length === 0) failures.push(`vitest exited ${code} (see .matrix/logs/${log})`);
  } catch {
    failures.push(`vitest gave no report, exit ${code} (see .matrix/logs/${log})`);
  }
  record(name, passed, failures);
}

/** A copy of the project, without installs or builds, whose manifest and lockfile pin Nest 11. */
async function prepareNest11() {
  const dir = join(work, 'nest11');
  const skip = new Set(['node_modules', 'dist', 'dist-check', 'dist-sample', 'dist-bench', 'dist-api', 'reports', '.git', '.matrix', '.stryker-tmp']);
  mkdirSync(dir);
  for (const entry of readdirSync(root)) {
    if (!skip.has(entry)) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  for (const file of ['package.json', 'package-lock.json']) {
    cpSync(join(root, 'test/matrix/nest11', file), join(dir, file));
  }
  const log = 'nest11-install.log';
  const ok =
    (await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, log })) === 0 &&
    (await run('npm', ['run', 'build'], { cwd: dir, log })) === 0;
  return ok ? dir : undefined;
}

const CONSUMERS = ['nest12-esm', 'nest12-cjs', 'nest11-cjs', 'nest11-commonjs'];

/** One consumer app in its own folder: a plain npm install of the tarball, then tsc with skipLibCheck off. */
async function prepareConsumer(app, tarball) {
  const dir = join(work, app);
  cpSync(join(root, 'test/matrix/consumers', app), dir, { recursive: true });
  cpSync(join(root, 'test/matrix/consumers/src'), join(dir, 'src'), { recursive: true });
  const log = `${app}.log`;
  const steps = [];
  const installed = (await run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: dir, log })) === 0;
  steps.push(['installs the tarball with a plain npm install', installed]);
  const typed = installed && (await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: dir, log })) === 0;
  steps.push(['type-checks and builds with skipLibCheck: false', typed]);
  return { app, dir, steps, ready: typed };
}

async function consumerCells(prepared) {
  const runtimes = [machineNode, node(22), node(24), node('20-floor'), node('22-floor')];
  for (const { app, dir, steps, ready } of prepared) {
    const failures = steps.filter(([, ok]) => !ok).map(([name]) => `${app}: ${name} (see .matrix/logs/${app}.log)`);
    let passed = steps.length - failures.length;
    if (ready) {
      for (const runtime of runtimes) {
        for (const adapter of ['express', 'fastify']) {
          const results = await checkApp({ dir, node: runtime.bin, adapter, label: `${app} · ${runtime.label} · ${adapter}` });
          passed += results.filter((r) => !r.error).length;
          failures.push(...results.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`));
        }
      }
      if (app === 'nest11-cjs') {
        for (const runtime of runtimes) {
          const jest = await jestRun(dir, runtime, app);
          passed += jest.passed;
          failures.push(...jest.failures);
        }
      }
    }
    record(`consumer ${app}`, passed, failures);
  }
}

/** The app's own Jest e2e tests (Jest 30 + ts-jest + supertest), with no experimental flags. */
async function jestRun(dir, runtime, app) {
  const report = join(work, `${app}-jest-${runtime.label.replace(/\W+/g, '-')}.json`);
  const code = await run(runtime.bin, ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${report}`], {
    cwd: dir,
    nodeBin: runtime.bin,
    log: `${app}.log`,
  });
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const failures = r.testResults.flatMap((file) =>
      file.assertionResults.filter((a) => a.status !== 'passed').map((a) => `${app} · jest · ${runtime.label}: ${a.fullName}`),
    );
    if (code !== 0 && failures.length === 0) failures.push(`${app} · jest · ${runtime.label}: exit ${code}`);
    return { passed: r.numPassedTests, failures };
  } catch {
    return { passed: 0, failures: [`${app} · jest · ${runtime.label}: no report, exit ${code} (see .matrix/logs/${app}.log)`] };
  }
}

async function pack() {
  const code = await run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, log: 'pack.log' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (code !== 0 || !tarball) throw new Error('npm pack failed: see .matrix/logs/pack.log');
  return join(work, tarball);
}

// Parts, comma-separated: suite (the machine's Node), nodes (Node 22 and 24), nest11, consumers; no argument
// runs them all.
const only = process.argv[2]?.split(',');
const wants = (part) => only === undefined || only.includes(part);

const started = Date.now();
try {
  const tarball = wants('consumers') ? await pack() : undefined;
  // Installs are mostly waiting on the registry: they go on beside the first suite run.
  const preparing = Promise.all([
    wants('nest11') ? prepareNest11() : undefined,
    ...(tarball ? CONSUMERS.map((app) => prepareConsumer(app, tarball)) : []),
  ]);
  if (wants('suite')) {
    await suiteCell(`suite · Nest 12 · ${machineNode.label}`, root, machineNode, 'suite-machine.log');
  }
  const [nest11Dir, ...consumers] = await preparing;
  if (wants('nodes')) {
    await suiteCell(`suite · Nest 12 · ${node(22).label}`, root, node(22), 'suite-node22.log');
    await suiteCell(`suite · Nest 12 · ${node(24).label}`, root, node(24), 'suite-node24.log');
  }
  if (nest11Dir) await suiteCell(`suite · Nest 11 · ${node(22).label}`, nest11Dir, node(22), 'suite-nest11.log');
  else if (wants('nest11')) record('suite · Nest 11', 0, ['npm ci or build of the Nest 11 copy failed (see .matrix/logs/nest11-install.log)']);
  await consumerCells(consumers);
} catch (error) {
  record('matrix', 0, [String(error?.stack ?? error)]);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const passed = cells.reduce((n, c) => n + c.passed, 0);
const failed = cells.reduce((n, c) => n + c.failed, 0);
writeFileSync(join(root, '.matrix-report.json'), JSON.stringify({ passed, failed, seconds: Math.round((Date.now() - started) / 1000), cells }, null, 2) + '\n');
console.log(`matrix: ${cells.length} cells in ${Math.round((Date.now() - started) / 60000)} min`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
