import { randomBytes } from 'node:crypto';
import { findLeaks } from '../testing/index.js';
import { sendProbe, type ProbeOutcome } from './audit.http.js';
import { buildProbes, type Probe } from './audit.probes.js';
import {
  CLEAN_RUN_CAVEAT,
  formatTable,
  truncate,
  type AuditReport,
  type ProbeReport,
} from './audit.report.js';

/** Where the audit writes: a stream, or anything with `write`. */
export interface AuditOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Options of `runAudit`. */
export interface AuditOptions {
  /** The API to probe (`http(s)://host[:port][/base/path]`); nothing outside its origin is requested. */
  readonly baseUrl: string;
  /**
   * Known routes, relative to the base path, each starting with `/`.
   * @default ['/']
   */
  readonly paths?: readonly string[];
  /**
   * Most requests to send; at most {@link MAX_REQUESTS_CAP}.
   * @default 60
   */
  readonly maxRequests?: number;
  /**
   * Milliseconds allowed per request, from connecting to the last byte.
   * @default 5000
   */
  readonly timeoutMs?: number;
  /**
   * Print the JSON report instead of the table.
   * @default false
   */
  readonly json?: boolean;
  /**
   * Extra request headers for every probe (e.g. `authorization`).
   * @default {}
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Report output.
   * @default process.stdout
   */
  readonly out?: AuditOutput;
  /**
   * Progress and error output.
   * @default process.stderr
   */
  readonly err?: AuditOutput;
}

/** What `runAudit` returns: the process exit code and the report it printed. */
export interface AuditResult {
  /** 0 clean, 1 leaks found, 2 invalid options or target unreachable. */
  readonly exitCode: 0 | 1 | 2;
  readonly report: AuditReport;
}

/** Default of `maxRequests`. */
export const DEFAULT_MAX_REQUESTS = 60;
/** Hard cap on `maxRequests`, whatever is asked. */
export const MAX_REQUESTS_CAP = 300;
/** Default of `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 5000;

// Failures that mean nothing is listening there at all.
const UNREACHABLE: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
const REPORTED_PATH_LENGTH = 200;

interface CheckedOptions {
  readonly target: URL;
  readonly paths: readonly string[];
  readonly maxRequests: number;
  readonly timeoutMs: number;
}

function displayTarget(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  shown.search = '';
  shown.hash = '';
  return shown.href.replace(/\/$/, '');
}

function check(options: AuditOptions): CheckedOptions | string {
  let target: URL;
  try {
    target = new URL(options.baseUrl);
  } catch {
    return `invalid base URL: ${options.baseUrl}`;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return `the base URL must be http:// or https://, not ${target.protocol}`;
  }
  const paths = options.paths ?? [];
  // Node's client refuses raw non-ASCII in a request target: it must come percent-encoded.
  const badPath = paths.find(
    (p) => !p.startsWith('/') || /[\s#]|[^\x21-\x7e]/.test(p),
  );
  if (badPath !== undefined)
    return `a --path must start with / and hold only printable ASCII (percent-encode the rest), no spaces or #: ${badPath}`;
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  if (!Number.isInteger(maxRequests) || maxRequests < 1) {
    return `--max-requests must be a whole number from 1 to ${MAX_REQUESTS_CAP}`;
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    return '--timeout must be a whole number of milliseconds';
  return {
    target,
    paths,
    maxRequests: Math.min(maxRequests, MAX_REQUESTS_CAP),
    timeoutMs,
  };
}

class Progress {
  private readonly tty: boolean;

  constructor(private readonly err: AuditOutput) {
    this.tty = err.isTTY === true;
  }

  show(line: string): void {
    // On a terminal the line is rewritten in place; in a log, each probe gets its own line.
    this.err.write(this.tty ? `\r\x1b[K${truncate(line, 100)}` : `${line}\n`);
  }

  done(): void {
    if (this.tty) this.err.write('\r\x1b[K');
  }
}

function offOriginNote(
  target: URL,
  probe: Probe,
  location: string | string[] | undefined,
): string | undefined {
  if (typeof location !== 'string' || location === '') return undefined;
  let resolved: URL;
  try {
    resolved = new URL(location, new URL(probe.path, target.origin));
  } catch {
    return undefined;
  }
  if (resolved.origin === target.origin) return undefined;
  return `redirects off the target to ${truncate(location, REPORTED_PATH_LENGTH)} (not followed)`;
}

function probeReport(
  target: URL,
  probe: Probe,
  outcome: ProbeOutcome,
): ProbeReport {
  const base = {
    name: probe.name,
    method: probe.method,
    path: truncate(probe.path, REPORTED_PATH_LENGTH),
  };
  if (!outcome.answered)
    return { ...base, status: null, findings: [], error: outcome.error };
  const { status, headers, body, truncated } = outcome.answer;
  const findings = findLeaks({ status, headers, body });
  const note =
    status >= 300 && status < 400
      ? offOriginNote(target, probe, headers.location)
      : undefined;
  return {
    ...base,
    status,
    findings,
    ...(truncated && { error: 'answer cut short' }),
    ...(note !== undefined && { note }),
  };
}

function print(report: AuditReport, json: boolean, out: AuditOutput): void {
  out.write(
    json ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report),
  );
}

/**
 * Probes an API from the outside for error responses that leak internals, and prints a table (or a JSON
 * report). Sends at most `maxRequests` requests, one at a time, to the base URL's origin only.
 */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const checked = check(options);
  if (typeof checked === 'string') {
    err.write(`safe-errors-audit: ${checked}\n`);
    const report: AuditReport = {
      target: options.baseUrl,
      probes: [],
      findings: 0,
      unanswered: [],
      skipped: [],
      error: checked,
    };
    return { exitCode: 2, report };
  }
  const { target, paths, maxRequests, timeoutMs } = checked;
  const basePath = target.pathname.replace(/\/+$/, '');
  const all = buildProbes(basePath, paths, randomBytes(6).toString('hex')).map(
    (probe) => ({
      ...probe,
      headers: { ...probe.headers, ...options.headers },
    }),
  );
  const probes = all.slice(0, maxRequests);
  const skipped = all
    .slice(maxRequests)
    .map((p) => `${p.name} ${p.method} ${truncate(p.path, 60)}`);
  const progress = new Progress(err);
  const reports: ProbeReport[] = [];
  let error: string | undefined;

  for (const [i, probe] of probes.entries()) {
    progress.show(
      `probe ${i + 1}/${probes.length} ${probe.name} ${probe.method} ${truncate(probe.path, 40)}`,
    );
    const outcome = await sendProbe(target, probe, timeoutMs);
    reports.push(probeReport(target, probe, outcome));
    if (i === 0 && !outcome.answered && UNREACHABLE.has(outcome.error)) {
      error = `cannot reach ${displayTarget(target)}: ${outcome.error}`;
      break;
    }
  }
  progress.done();

  const unanswered = reports
    .filter((r) => r.status === null)
    .map((r) => ({
      name: r.name,
      method: r.method,
      path: r.path,
      error: r.error ?? 'no answer',
    }));
  if (error === undefined && unanswered.length === reports.length) {
    error = `no probe was answered by ${displayTarget(target)}`;
  }
  const report: AuditReport = {
    target: displayTarget(target),
    probes: reports,
    findings: reports.reduce((n, r) => n + r.findings.length, 0),
    unanswered,
    skipped: error === undefined ? skipped : [],
    ...(error !== undefined && { error }),
  };
  if (error !== undefined) {
    err.write(`safe-errors-audit: ${error}\n`);
    if (options.json === true) print(report, true, out);
    return { exitCode: 2, report };
  }
  print(report, options.json === true, out);
  // The table ends with the caveat; with --json it goes to stderr, keeping stdout parseable.
  if (options.json === true && report.findings === 0)
    err.write(`${CLEAN_RUN_CAVEAT}\n`);
  return { exitCode: report.findings > 0 ? 1 : 0, report };
}
