import { HTTP_TOKEN } from '../common/http-token.js';
import { parseArgs } from 'node:util';
import type { AuditKind } from './audit.kinds.js';
import {
  DEFAULT_MAX_REQUESTS,
  DEFAULT_TIMEOUT_MS,
  MAX_REQUESTS_CAP,
  runAudit,
  type AuditOutput,
} from './audit.runner.js';
import type { Severity } from './audit.severity.js';
import {
  DEFAULT_FAIL_ON,
  DEFAULT_MAX_UNANSWERED_PERCENT,
} from './audit.verdict.js';

/** The `--help` text. */
export const USAGE = `Usage: safe-errors-audit <base-url> [options]

Probes an HTTP API for error responses that leak internals (stack traces, exception
types and raw error messages, file paths, version banners, SQL, secrets, internal
addresses, debug pages). Every request goes to <base-url>'s origin; redirects are
reported, never followed. Probes send malformed and wrongly typed bodies: run it
against a test deployment.

Options:
  -p, --path <path>          A known route under the base URL, e.g. /orders/1 (repeatable;
                             default /). Each is probed with GET, a wrong method,
                             malformed JSON, a JSON array and Accept: text/html.
  -H, --header <name:value>  Send this header with every probe (repeatable).
      --ignore <kind>        Do not report this kind (repeatable): an accepted finding.
      --fail-on <severity>   Least severity that fails the run: low, medium or high
                             (default ${DEFAULT_FAIL_ON}).
      --max-unanswered <n>   Percent of probes that may go unanswered before the run is
                             inconclusive (default ${DEFAULT_MAX_UNANSWERED_PERCENT}).
      --max-requests <n>     Send at most n requests (default ${DEFAULT_MAX_REQUESTS}, at most ${MAX_REQUESTS_CAP}).
      --timeout <ms>         Per-request timeout in milliseconds (default ${DEFAULT_TIMEOUT_MS}).
      --json                 Print the report as JSON instead of the table.
      --sarif                Print the report as SARIF 2.1.0 (code-scanning dashboards).
  -h, --help                 Show this help.

Findings are grouped by kind and evidence, most severe first, each with a fix hint:
  high    stack-trace, sql, secret, connection-string, debug-page
  medium  exception-type, raw-message, file-path, internal-address
  low     version-banner, reflected-input (the probe's body or header echoed back)

Exit status:
  0  nothing found at or above --fail-on
  1  findings at or above --fail-on
  2  invalid arguments, or the target unreachable
  3  inconclusive: more than --max-unanswered percent of the probes got no answer
`;

/** Where the CLI writes. */
export interface CliIo {
  readonly out?: AuditOutput;
  readonly err?: AuditOutput;
}

function wholeNumber(
  value: string | undefined,
  option: string,
): number | undefined | string {
  if (value === undefined) return undefined;
  return /^\d{1,9}$/.test(value)
    ? Number(value)
    : `${option} must be a whole number, got ${JSON.stringify(value)}`;
}

function parseHeaders(
  values: readonly string[],
): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const name = value.slice(0, colon).trim();
    if (colon < 1 || !HTTP_TOKEN.test(name)) {
      return `--header must look like "Name: value", got ${JSON.stringify(value)}`;
    }
    const headerValue = value.slice(colon + 1).trim();
    // What Node's client accepts in a header value: tab and visible Latin-1.
    if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(headerValue)) {
      return `--header values must be Latin-1 text, got ${JSON.stringify(value)}`;
    }
    headers[name.toLowerCase()] = headerValue;
  }
  return headers;
}

// Throws on unknown options and missing option values.
function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      path: { type: 'string', short: 'p', multiple: true },
      header: { type: 'string', short: 'H', multiple: true },
      'max-requests': { type: 'string' },
      timeout: { type: 'string' },
      ignore: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      'max-unanswered': { type: 'string' },
      json: { type: 'boolean' },
      sarif: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Runs the CLI on `argv` (without `node` and the script) and resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo = {},
): Promise<number> {
  const out = io.out ?? process.stdout;
  const err = io.err ?? process.stderr;
  const fail = (message: string): number => {
    err.write(
      `safe-errors-audit: ${message}\nTry 'safe-errors-audit --help'.\n`,
    );
    return 2;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    out.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    return fail(
      positionals.length === 0
        ? 'missing <base-url>'
        : 'expected exactly one <base-url>',
    );
  }
  const maxRequests = wholeNumber(values['max-requests'], '--max-requests');
  if (typeof maxRequests === 'string') return fail(maxRequests);
  const timeoutMs = wholeNumber(values.timeout, '--timeout');
  if (typeof timeoutMs === 'string') return fail(timeoutMs);
  const maxUnansweredPercent = wholeNumber(
    values['max-unanswered'],
    '--max-unanswered',
  );
  if (typeof maxUnansweredPercent === 'string')
    return fail(maxUnansweredPercent);
  const headers = parseHeaders(values.header ?? []);
  if (typeof headers === 'string') return fail(headers);
  if (values.json === true && values.sarif === true)
    return fail('--json and --sarif cannot be used together');
  if (maxRequests !== undefined && maxRequests > MAX_REQUESTS_CAP) {
    err.write(
      `safe-errors-audit: --max-requests is capped at ${MAX_REQUESTS_CAP}\n`,
    );
  }
  const { exitCode } = await runAudit({
    baseUrl: positionals[0]!,
    paths: values.path ?? [],
    maxRequests,
    timeoutMs,
    format:
      values.json === true ? 'json' : values.sarif === true ? 'sarif' : 'table',
    // runAudit checks both before it sends anything.
    ignore: (values.ignore ?? []) as AuditKind[],
    failOn: values['fail-on'] as Severity | undefined,
    maxUnansweredPercent,
    headers,
    out,
    err,
  });
  return exitCode;
}
