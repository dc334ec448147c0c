import type { LeakFinding } from '../testing/index.js';

/** What one probe sent and what it revealed. */
export interface ProbeReport {
  readonly name: string;
  readonly method: string;
  /** The request path, cut to 200 characters. */
  readonly path: string;
  /** `null` when no answer came. */
  readonly status: number | null;
  readonly findings: readonly LeakFinding[];
  /** Why no answer came (`timeout`, `ECONNRESET`, …), or that the answer was cut short. */
  readonly error?: string;
  /** A redirect off the target's origin: reported, never followed. */
  readonly note?: string;
}

/** A probe that got no answer. */
export interface UnansweredProbe {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly error: string;
}

/** The machine-readable result of an audit (`--json`). */
export interface AuditReport {
  /** The base URL probed (credentials removed). */
  readonly target: string;
  readonly probes: readonly ProbeReport[];
  /** Total number of findings over all probes. */
  readonly findings: number;
  readonly unanswered: readonly UnansweredProbe[];
  /** Probes not sent because of `--max-requests`. */
  readonly skipped: readonly string[];
  /** Why the audit could not run (invalid arguments, target unreachable). */
  readonly error?: string;
}

/** Said after every clean run: what the audit did not see, it cannot vouch for. */
export const CLEAN_RUN_CAVEAT =
  'A clean run is not proof of safety: it covers only these probes on these paths; other routes, inputs and failures can still leak.';

const PATH_COLUMN = 40;
const PROBE_COLUMN = 20;

/** Cuts `text` to `max` characters, marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}

function kindsOf(findings: readonly LeakFinding[]): string {
  return findings.length === 0
    ? '-'
    : [...new Set(findings.map((f) => f.kind))].join(', ');
}

/** The human report: one row per probe, each finding's evidence under its row, then the summary. */
export function formatTable(report: AuditReport): string {
  const lines: string[] = [];
  const header =
    pad('#', 4) +
    pad('PROBE', PROBE_COLUMN) +
    pad('METHOD', 10) +
    pad('PATH', PATH_COLUMN + 2) +
    pad('STATUS', 8) +
    'FINDINGS';
  lines.push(header);
  report.probes.forEach((probe, i) => {
    const status =
      probe.status === null
        ? `- (${probe.error ?? 'no answer'})`
        : String(probe.status);
    lines.push(
      pad(String(i + 1), 4) +
        pad(probe.name, PROBE_COLUMN) +
        pad(probe.method, 10) +
        pad(truncate(probe.path, PATH_COLUMN), PATH_COLUMN + 2) +
        pad(status, 8) +
        kindsOf(probe.findings),
    );
    for (const finding of probe.findings) {
      lines.push(
        `    ${finding.kind} in ${finding.where}: ${finding.evidence}`,
      );
    }
    if (probe.note !== undefined) lines.push(`    note: ${probe.note}`);
  });
  lines.push('', ...formatSummary(report));
  return `${lines.join('\n')}\n`;
}

/** The closing lines: counts, unanswered and skipped probes, and what a clean run does not prove. */
export function formatSummary(report: AuditReport): string[] {
  const sent = report.probes.length;
  const answered = sent - report.unanswered.length;
  const lines = [
    `${sent} probe${sent === 1 ? '' : 's'} sent to ${report.target}: ${answered} answered, ${report.unanswered.length} unanswered.`,
  ];
  for (const probe of report.unanswered) {
    lines.push(
      `  no answer: ${probe.name} ${probe.method} ${truncate(probe.path, PATH_COLUMN)} (${probe.error})`,
    );
  }
  if (report.skipped.length > 0) {
    lines.push(`  not sent (--max-requests): ${report.skipped.join(', ')}`);
  }
  const notes = report.probes.filter((p) => p.note !== undefined);
  for (const probe of notes) lines.push(`  note: ${probe.name}: ${probe.note}`);
  if (report.findings > 0) {
    const counts = new Map<string, number>();
    for (const probe of report.probes) {
      for (const finding of probe.findings)
        counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
    }
    const leaky = report.probes.filter((p) => p.findings.length > 0).length;
    const byKind = [...counts].map(([kind, n]) => `${kind} ×${n}`).join(', ');
    lines.push(
      `LEAKS: ${report.findings} finding${report.findings === 1 ? '' : 's'} in ${leaky} response${leaky === 1 ? '' : 's'} (${byKind}).`,
    );
  } else {
    lines.push(
      `No leaks found in ${answered} response${answered === 1 ? '' : 's'}.`,
    );
    lines.push(CLEAN_RUN_CAVEAT);
  }
  return lines;
}
