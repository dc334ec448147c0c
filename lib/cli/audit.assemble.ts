import type { AuditKind } from './audit.kinds.js';
import { detectFramework } from './audit.framework.js';
import { groupFindings } from './audit.groups.js';
import type { ProbeAnswer } from './audit.http.js';
import type { AuditReport, ProbeReport } from './audit.report.js';
import type { Severity } from './audit.severity.js';
import { verdictOf } from './audit.verdict.js';

/** What a run gathered, before it is judged. */
export interface AuditParts {
  readonly target: string;
  readonly reports: readonly ProbeReport[];
  readonly answers: readonly ProbeAnswer[];
  readonly skipped: readonly string[];
  readonly ignore: readonly AuditKind[];
  readonly failOn: Severity;
  readonly maxUnansweredPercent: number;
  readonly error: string | undefined;
}

/**
 * The report of a run: the framework the answers point to, the findings grouped, the unanswered probes
 * and the verdict (exit 2 with the reason, when the run could not be made).
 */
export function assembleReport(parts: AuditParts): AuditReport {
  const { reports, failOn, maxUnansweredPercent, error } = parts;
  const framework = detectFramework(parts.answers);
  const groups = groupFindings(reports, framework);
  const unanswered = reports
    .filter((r) => r.status === null)
    .map((r) => ({
      name: r.name,
      method: r.method,
      path: r.path,
      error: r.error ?? 'no answer',
    }));
  const verdict =
    error === undefined
      ? verdictOf({
          groups,
          sent: reports.length,
          unanswered: unanswered.length,
          failOn,
          maxUnansweredPercent,
        })
      : {
          exitCode: 2 as const,
          reason: error,
          failOn,
          maxUnansweredPercent,
        };
  return {
    target: parts.target,
    framework,
    probes: reports,
    groups,
    findings: reports.reduce((n, r) => n + r.findings.length, 0),
    ignored: [...parts.ignore],
    unanswered,
    skipped: parts.skipped,
    verdict,
    ...(error !== undefined && { error }),
  };
}
