import {
  plural,
  type AuditVerdict,
  type FindingGroup,
} from './audit.report.js';
import { atLeast, type Severity } from './audit.severity.js';

/**
 * Default of `failOn`: what shows the failure itself, or how it happened, fails the run; a version
 * banner alone (a development server's `Server` header) is reported without failing it.
 */
export const DEFAULT_FAIL_ON: Severity = 'medium';
/** Default of `maxUnansweredPercent`: more than a fifth of the probes unanswered leaves too much unseen. */
export const DEFAULT_MAX_UNANSWERED_PERCENT = 20;

/** What the verdict is drawn from. */
export interface VerdictInput {
  readonly groups: readonly FindingGroup[];
  readonly sent: number;
  readonly unanswered: number;
  readonly failOn: Severity;
  readonly maxUnansweredPercent: number;
}

/**
 * 1 when a finding is at or above `failOn` (what was seen is certain, whatever went unanswered); else
 * 3 when more than `maxUnansweredPercent` of the probes got no answer; else 0.
 */
export function verdictOf(input: VerdictInput): AuditVerdict {
  const { groups, sent, unanswered, failOn, maxUnansweredPercent } = input;
  const base = { failOn, maxUnansweredPercent };
  const failing = groups.filter((g) => atLeast(g.severity, failOn));
  if (failing.length > 0) {
    return {
      ...base,
      exitCode: 1,
      reason: `${plural(failing.length, 'finding group')} at or above --fail-on ${failOn}.`,
    };
  }
  const percent = sent === 0 ? 0 : (unanswered / sent) * 100;
  if (percent > maxUnansweredPercent) {
    return {
      ...base,
      exitCode: 3,
      reason: `Inconclusive: ${unanswered} of ${sent} probes (${Math.round(percent)} %) got no answer, more than the ${maxUnansweredPercent} % allowed (--max-unanswered).`,
    };
  }
  const below = groups.length;
  return {
    ...base,
    exitCode: 0,
    reason:
      below === 0
        ? 'No leaks found.'
        : `Only ${plural(below, 'finding group')} below --fail-on ${failOn}.`,
  };
}
