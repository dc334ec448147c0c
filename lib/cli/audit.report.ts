import type { Framework } from './audit.framework.js';
import type { AuditFinding, AuditKind } from './audit.kinds.js';
import type { Severity } from './audit.severity.js';

/** What one probe sent and what it revealed. */
export interface ProbeReport {
  readonly name: string;
  readonly method: string;
  /** The request path, cut to 200 characters. */
  readonly path: string;
  /** `null` when no answer came. */
  readonly status: number | null;
  /** What this answer revealed, kinds under `--ignore` left out. */
  readonly findings: readonly AuditFinding[];
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

/** A probe a group of findings was seen in. */
export interface GroupProbe {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/** One kind of leak in one place (the body, a header), with every probe where it appeared. */
export interface FindingGroup {
  readonly kind: AuditKind;
  readonly severity: Severity;
  /** `'body'`, or `'header:<name>'`. */
  readonly where: string;
  /** The first few distinct excerpts, in the order seen. */
  readonly evidence: readonly string[];
  /** How many distinct excerpts there were in all. */
  readonly excerpts: number;
  /** How many probes showed it. */
  readonly count: number;
  /** The first few of those probes. */
  readonly examples: readonly GroupProbe[];
  /** What to change, in the detected framework's terms. */
  readonly fix: string;
}

/** How the run ended, and why. */
export interface AuditVerdict {
  /** 0 clean, 1 findings at or above `failOn`, 2 could not run, 3 inconclusive. */
  readonly exitCode: 0 | 1 | 2 | 3;
  /** One sentence saying why. */
  readonly reason: string;
  readonly failOn: Severity;
  /** The share of sent probes (percent) allowed to go unanswered before the run is inconclusive. */
  readonly maxUnansweredPercent: number;
}

/** The machine-readable result of an audit (`--json`). */
export interface AuditReport {
  /** The base URL probed (credentials removed). */
  readonly target: string;
  /** The framework the answers point to, which the fix hints are written for. */
  readonly framework: Framework;
  readonly probes: readonly ProbeReport[];
  /** Findings grouped by kind, place and evidence, most severe first. */
  readonly groups: readonly FindingGroup[];
  /** Total number of findings over all probes. */
  readonly findings: number;
  /** Kinds left out (`--ignore`). */
  readonly ignored: readonly AuditKind[];
  readonly unanswered: readonly UnansweredProbe[];
  /** Probes not sent because of `--max-requests`. */
  readonly skipped: readonly string[];
  readonly verdict: AuditVerdict;
  /** Why the audit could not run (invalid arguments, target unreachable). */
  readonly error?: string;
}

/** Said after every clean run: what the audit did not see, it cannot vouch for. */
export const CLEAN_RUN_CAVEAT =
  'A clean run is not proof of safety: it covers only these probes on these paths; other routes, inputs and failures can still leak.';

/** `1 probe`, `2 probes`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Cuts `text` to `max` characters, marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
