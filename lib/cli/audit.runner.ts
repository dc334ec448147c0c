import { randomBytes } from 'node:crypto';
import { findLeaks, type LeakKind } from '../testing/index.js';
import { assembleReport } from './audit.assemble.js';
import {
  AUDIT_KINDS,
  isAuditKind,
  type AuditFinding,
  type AuditKind,
} from './audit.kinds.js';
import { findReflection } from './audit.reflection.js';
import {
  sendProbe,
  type ProbeAnswer,
  type ProbeOutcome,
} from './audit.http.js';
import { buildProbes, type Probe } from './audit.probes.js';
import {
  CLEAN_RUN_CAVEAT,
  truncate,
  type AuditReport,
  type ProbeReport,
} from './audit.report.js';
import { toSarif } from './audit.sarif.js';
import { isSeverity, SEVERITIES, type Severity } from './audit.severity.js';
import { formatTable } from './audit.table.js';
import {
  DEFAULT_FAIL_ON,
  DEFAULT_MAX_UNANSWERED_PERCENT,
} from './audit.verdict.js';

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
   * `table` for people (colour on a terminal without `NO_COLOR`), `json` for scripts, `sarif` (2.1.0)
   * for code-scanning dashboards.
   * @default 'table'
   */
  readonly format?: AuditFormat;
  /**
   * Kinds not to report at all (accepted findings).
   * @default []
   */
  readonly ignore?: readonly AuditKind[];
  /**
   * The least severity that fails the run (exit 1).
   * @default 'medium'
   */
  readonly failOn?: Severity;
  /**
   * More than this share of the probes (percent) unanswered makes the run inconclusive (exit 3).
   * @default 20
   */
  readonly maxUnansweredPercent?: number;
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

/** How the report is printed. */
export type AuditFormat = 'table' | 'json' | 'sarif';

/** What `runAudit` returns: the process exit code and the report it printed. */
export interface AuditResult {
  /** 0 clean, 1 findings at or above `failOn`, 2 invalid options or target unreachable, 3 inconclusive. */
  readonly exitCode: 0 | 1 | 2 | 3;
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
  readonly maxUnansweredPercent: number;
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
  const unknownKind = (options.ignore ?? []).find((kind) => !isAuditKind(kind));
  if (unknownKind !== undefined)
    return `unknown kind for --ignore: ${JSON.stringify(unknownKind)} (one of ${AUDIT_KINDS.join(', ')})`;
  if (options.failOn !== undefined && !isSeverity(options.failOn))
    return `--fail-on must be one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(options.failOn)}`;
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
  const maxUnansweredPercent =
    options.maxUnansweredPercent ?? DEFAULT_MAX_UNANSWERED_PERCENT;
  if (
    !Number.isInteger(maxUnansweredPercent) ||
    maxUnansweredPercent < 0 ||
    maxUnansweredPercent > 100
  )
    return '--max-unanswered must be a whole percentage from 0 to 100';
  return {
    target,
    paths,
    maxRequests: Math.min(maxRequests, MAX_REQUESTS_CAP),
    timeoutMs,
    maxUnansweredPercent,
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
  ignore: readonly AuditKind[],
): ProbeReport {
  const base = {
    name: probe.name,
    method: probe.method,
    path: truncate(probe.path, REPORTED_PATH_LENGTH),
  };
  if (!outcome.answered)
    return { ...base, status: null, findings: [], error: outcome.error };
  const { status, headers, body, truncated } = outcome.answer;
  // The target's own host echoed back (Django's debug 404 quotes the request URL) is not a leak.
  const findings: AuditFinding[] = findLeaks(
    { status, headers, body },
    {
      ignore: ignore.filter((k): k is LeakKind => k !== 'reflected-input'),
      ownHosts: [target.host, target.hostname],
    },
  );
  const reflection = ignore.includes('reflected-input')
    ? undefined
    : findReflection(probe, body);
  if (reflection !== undefined) findings.push(reflection);
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

function colourWanted(out: AuditOutput): boolean {
  const noColour = process.env['NO_COLOR'];
  return out.isTTY === true && (noColour === undefined || noColour === '');
}

function print(
  report: AuditReport,
  format: AuditFormat,
  out: AuditOutput,
): void {
  if (format === 'table') out.write(formatTable(report, colourWanted(out)));
  else {
    const printed = format === 'sarif' ? toSarif(report) : report;
    out.write(`${JSON.stringify(printed, null, 2)}\n`);
  }
}

/**
 * Probes an API from the outside for error responses that leak internals, and prints a table (or a JSON
 * report). Sends at most `maxRequests` requests, one at a time, to the base URL's origin only.
 */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const format = options.format ?? 'table';
  const ignore = options.ignore ?? [];
  const failOn = options.failOn ?? DEFAULT_FAIL_ON;
  const checked = check(options);
  if (typeof checked === 'string') {
    err.write(`safe-errors-audit: ${checked}\n`);
    const report = assembleReport({
      target: options.baseUrl,
      reports: [],
      answers: [],
      skipped: [],
      ignore,
      failOn,
      maxUnansweredPercent: DEFAULT_MAX_UNANSWERED_PERCENT,
      error: checked,
    });
    return { exitCode: 2, report };
  }
  const { target, paths, maxRequests, timeoutMs, maxUnansweredPercent } =
    checked;
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
  const answers: ProbeAnswer[] = [];
  let error: string | undefined;

  for (const [i, probe] of probes.entries()) {
    progress.show(
      `probe ${i + 1}/${probes.length} ${probe.name} ${probe.method} ${truncate(probe.path, 40)}`,
    );
    const outcome = await sendProbe(target, probe, timeoutMs);
    reports.push(probeReport(target, probe, outcome, ignore));
    if (outcome.answered) answers.push(outcome.answer);
    if (i === 0 && !outcome.answered && UNREACHABLE.has(outcome.error)) {
      error = `cannot reach ${displayTarget(target)}: ${outcome.error}`;
      break;
    }
  }
  progress.done();
  if (error === undefined && answers.length === 0) {
    error = `no probe was answered by ${displayTarget(target)}`;
  }
  const report = assembleReport({
    target: displayTarget(target),
    reports,
    answers,
    skipped: error === undefined ? skipped : [],
    ignore,
    failOn,
    maxUnansweredPercent,
    error,
  });
  if (error !== undefined) {
    err.write(`safe-errors-audit: ${error}\n`);
    if (format !== 'table') print(report, format, out);
    return { exitCode: 2, report };
  }
  print(report, format, out);
  // The table ends with the caveat; with --json or --sarif it goes to stderr, keeping stdout parseable.
  if (format !== 'table' && report.verdict.exitCode === 0)
    err.write(`${CLEAN_RUN_CAVEAT}\n`);
  return { exitCode: report.verdict.exitCode, report };
}
