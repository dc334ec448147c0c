import { FRAMEWORK_NAMES } from './audit.framework.js';
import {
  CLEAN_RUN_CAVEAT,
  plural,
  truncate,
  type AuditReport,
  type FindingGroup,
} from './audit.report.js';
import type { Severity } from './audit.severity.js';

const PATH_COLUMN = 40;
const KIND_COLUMN = 18;
const WHERE_COLUMN = 22;
const SEVERITY_COLUMN = 9;
const INDENT = ' '.repeat(SEVERITY_COLUMN);

// Bold red, yellow, cyan: severities told apart at a glance on a terminal.
const COLOURS: Readonly<Record<Severity, string>> = {
  high: '\x1b[1;31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
};
const RESET = '\x1b[0m';

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}

function groupLines(group: FindingGroup, colour: boolean): string[] {
  const label = pad(group.severity.toUpperCase(), SEVERITY_COLUMN);
  const severity = colour
    ? `${COLOURS[group.severity]}${label}${RESET}`
    : label;
  const seen = group.examples.map(
    (p) =>
      `${p.name} ${p.method} ${truncate(p.path, PATH_COLUMN)} (${p.status})`,
  );
  const more = group.count - group.examples.length;
  if (more > 0) seen.push(`and ${more} more`);
  const otherExcerpts = group.excerpts - group.evidence.length;
  return [
    severity +
      pad(group.kind, KIND_COLUMN) +
      pad(group.where, WHERE_COLUMN) +
      plural(group.count, 'probe'),
    ...group.evidence.map((excerpt) => `${INDENT}${excerpt}`),
    ...(otherExcerpts > 0
      ? [`${INDENT}(${plural(otherExcerpts, 'other excerpt')})`]
      : []),
    `${INDENT}seen in: ${seen.join(', ')}`,
    `${INDENT}fix: ${group.fix}`,
  ];
}

/** The closing lines: counts, unanswered and skipped probes, the verdict and its exit code. */
export function formatSummary(report: AuditReport): string[] {
  const sent = report.probes.length;
  const answered = sent - report.unanswered.length;
  const lines = [
    `${plural(sent, 'probe')} sent to ${report.target}: ${answered} answered, ${report.unanswered.length} unanswered.`,
  ];
  for (const probe of report.unanswered) {
    lines.push(
      `  no answer: ${probe.name} ${probe.method} ${truncate(probe.path, PATH_COLUMN)} (${probe.error})`,
    );
  }
  if (report.skipped.length > 0) {
    lines.push(`  not sent (--max-requests): ${report.skipped.join(', ')}`);
  }
  for (const probe of report.probes.filter((p) => p.note !== undefined))
    lines.push(`  note: ${probe.name}: ${probe.note}`);
  if (report.ignored.length > 0)
    lines.push(`  ignored (--ignore): ${report.ignored.join(', ')}`);
  if (report.groups.length > 0) {
    const counts = (['high', 'medium', 'low'] as const)
      .map((s) => [s, report.groups.filter((g) => g.severity === s).length])
      .filter(([, n]) => n !== 0)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    const leaky = report.probes.filter((p) => p.findings.length > 0).length;
    lines.push(
      `LEAKS: ${plural(report.findings, 'finding')} in ${plural(leaky, 'response')}, ${plural(report.groups.length, 'group')} (${counts}).`,
    );
  } else if (report.verdict.exitCode === 0) {
    lines.push(`No leaks found in ${plural(answered, 'response')}.`);
    lines.push(CLEAN_RUN_CAVEAT);
  }
  lines.push(`Exit ${report.verdict.exitCode}: ${report.verdict.reason}`);
  return lines;
}

/**
 * The human report: one block per finding group, most severe first (severity, kind, place, how many
 * probes; the evidence; where it was seen; the fix), then the summary. Colour only when asked for.
 */
export function formatTable(report: AuditReport, colour = false): string {
  const lines: string[] = [
    `safe-errors-audit: ${report.target} (${FRAMEWORK_NAMES[report.framework]})`,
    '',
  ];
  if (report.groups.length > 0) {
    lines.push(
      pad('SEVERITY', SEVERITY_COLUMN) +
        pad('KIND', KIND_COLUMN) +
        pad('WHERE', WHERE_COLUMN) +
        'PROBES',
    );
    for (const group of report.groups)
      lines.push(...groupLines(group, colour), '');
  }
  lines.push(...formatSummary(report));
  return `${lines.join('\n')}\n`;
}
