import type { AuditReport } from '../../lib/cli/audit.report.js';
import type { AuditOutput } from '../../lib/cli/audit.runner.js';

/** An output that records what the audit writes. */
export interface CapturedOutput extends AuditOutput {
  readonly text: () => string;
}

/** A stand-in for stdout or stderr; `isTTY` selects the progress style. */
export function capture(isTTY = false): CapturedOutput {
  const chunks: string[] = [];
  return {
    isTTY,
    write: (text: string) => chunks.push(text),
    text: () => chunks.join(''),
  };
}

/** `severity kind where` of every group, in the report's order (most severe first). */
export function groupNames(report: AuditReport): string[] {
  return report.groups.map((g) => `${g.severity} ${g.kind} ${g.where}`);
}

/** How many probes the app itself answered: Node answers the 16 KB URL and header probes (431) alone. */
export function answeredByApp(report: AuditReport): number {
  return report.probes.filter((p) => p.status !== null && p.status !== 431)
    .length;
}
