import type { Framework } from './audit.framework.js';
import { fixHint } from './audit.hints.js';
import { AUDIT_KINDS } from './audit.kinds.js';
import type { FindingGroup, GroupProbe, ProbeReport } from './audit.report.js';
import { KIND_SEVERITY, SEVERITIES } from './audit.severity.js';

/** Probes named per group; the count says how many more there were. */
export const GROUP_EXAMPLES = 3;
/** Distinct excerpts kept per group. */
export const GROUP_EXCERPTS = 3;

interface Building {
  group: Omit<FindingGroup, 'count' | 'examples' | 'evidence' | 'excerpts'>;
  count: number;
  examples: GroupProbe[];
  evidence: string[];
  excerpts: Set<string>;
  first: number;
}

/**
 * Groups every probe's findings by kind and place: `X-Powered-By: Express` on 24 probes is one group
 * of 24, and the same stack behind ten probes is one group, whatever route its excerpt names. Most
 * severe first; within a severity, in the order of `AUDIT_KINDS`, then of first sight.
 */
export function groupFindings(
  probes: readonly ProbeReport[],
  framework: Framework,
): FindingGroup[] {
  const groups = new Map<string, Building>();
  for (const probe of probes) {
    if (probe.status === null) continue;
    for (const finding of probe.findings) {
      const key = `${finding.kind}\u0000${finding.where}`;
      let building = groups.get(key);
      if (building === undefined) {
        building = {
          group: {
            kind: finding.kind,
            severity: KIND_SEVERITY[finding.kind],
            where: finding.where,
            fix: fixHint(finding.kind, framework),
          },
          count: 0,
          examples: [],
          evidence: [],
          excerpts: new Set(),
          first: groups.size,
        };
        groups.set(key, building);
      }
      building.count++;
      building.excerpts.add(finding.evidence);
      if (
        building.evidence.length < GROUP_EXCERPTS &&
        !building.evidence.includes(finding.evidence)
      )
        building.evidence.push(finding.evidence);
      if (building.examples.length < GROUP_EXAMPLES) {
        const { name, method, path, status } = probe;
        building.examples.push({ name, method, path, status });
      }
    }
  }
  const rank = (b: Building): number =>
    -SEVERITIES.indexOf(b.group.severity) * 1e9 +
    AUDIT_KINDS.indexOf(b.group.kind) * 1e6 +
    b.first;
  return [...groups.values()]
    .sort((a, b) => rank(a) - rank(b))
    .map(({ group, count, examples, evidence, excerpts }) => ({
      ...group,
      evidence,
      excerpts: excerpts.size,
      count,
      examples,
    }));
}
