import type { AuditKind } from './audit.kinds.js';
import { plural, type AuditReport, type FindingGroup } from './audit.report.js';
import type { Severity } from './audit.severity.js';

// What each kind is, as a code-scanning dashboard titles it.
const KIND_TITLES: Readonly<Record<AuditKind, string>> = {
  'stack-trace': 'Stack trace in an HTTP response',
  'exception-type': 'Exception type in an HTTP response',
  'raw-message': 'Raw error message in a server error response',
  'file-path': 'Server file path in an HTTP response',
  'version-banner': 'Framework or server version banner',
  sql: 'SQL or database driver error in an HTTP response',
  'connection-string': 'Connection string in an HTTP response',
  secret: 'Secret or credential in an HTTP response',
  'internal-address': 'Internal network address in an HTTP response',
  'debug-page': 'Framework debug page served',
  'planted-secret': 'Planted secret returned in an HTTP response',
  'reflected-input': 'Request input reflected in an HTTP response',
};

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
};
// GitHub code scanning reads `security-severity` (CVSS-like, 0–10) to rank security results.
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  high: '7.5',
  medium: '5.3',
  low: '3.1',
};

function ruleName(kind: AuditKind): string {
  return kind.replace(/(?:^|-)([a-z])/g, (_, c: string) => c.toUpperCase());
}

// A probe's path as a valid URI reference: a lone `%` (the truncated-encoding probe) and any
// character outside RFC 3986 percent-encoded.
function uriPath(path: string): string {
  return path.replace(
    /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu,
    (c) => encodeURIComponent(c),
  );
}

function result(group: FindingGroup, target: string, ruleIndex: number) {
  const first = group.examples[0]!;
  return {
    ruleId: group.kind,
    ruleIndex,
    level: LEVELS[group.severity],
    message: {
      text: `${KIND_TITLES[group.kind]} (${group.where}, ${plural(group.count, 'probe')}): ${group.evidence[0]!}`,
    },
    locations: group.examples.map((probe) => ({
      physicalLocation: {
        artifactLocation: { uri: `${target}${uriPath(probe.path)}` },
      },
      message: {
        text: `${probe.name}: ${probe.method} answered ${probe.status}`,
      },
    })),
    webRequest: { method: first.method, target: uriPath(first.path) },
    webResponse: { statusCode: first.status },
    partialFingerprints: {
      'safeErrorsAudit/v1': `${group.kind}:${group.where}`,
    },
    properties: {
      severity: group.severity,
      probes: group.count,
      excerpts: group.evidence,
    },
  };
}

/**
 * The report as SARIF 2.1.0: one rule per kind found, one result per finding group, each located at the
 * probed URLs, so findings show in code-scanning dashboards.
 */
export function toSarif(report: AuditReport): unknown {
  const kinds = [...new Set(report.groups.map((g) => g.kind))];
  const rules = kinds.map((kind) => {
    // A kind has one severity and one hint: its first group carries both.
    const { severity, fix } = report.groups.find((g) => g.kind === kind)!;
    return {
      id: kind,
      name: ruleName(kind),
      shortDescription: { text: KIND_TITLES[kind] },
      help: { text: fix },
      defaultConfiguration: { level: LEVELS[severity] },
      properties: {
        tags: ['security', 'external/cwe/cwe-209'],
        'security-severity': SECURITY_SEVERITY[severity],
      },
    };
  });
  // Probe paths already hold the base path: each result is the origin plus that path.
  const origin = URL.canParse(report.target)
    ? new URL(report.target).origin
    : '';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'safe-errors-audit', rules } },
        invocations: [
          {
            executionSuccessful:
              report.verdict.exitCode === 0 || report.verdict.exitCode === 1,
            exitCode: report.verdict.exitCode,
            toolExecutionNotifications: [
              ...report.unanswered.map((probe) => ({
                level: 'warning',
                message: {
                  text: `No answer to ${probe.name} ${probe.method} ${probe.path}: ${probe.error}`,
                },
              })),
              { level: 'note', message: { text: report.verdict.reason } },
            ],
          },
        ],
        results: report.groups.map((group) =>
          result(group, origin, kinds.indexOf(group.kind)),
        ),
      },
    ],
  };
}
