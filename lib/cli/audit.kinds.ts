import { LEAK_KINDS, type LeakFinding } from '../testing/index.js';

/** What the audit reports: every kind `findLeaks` finds, and a probe's own input echoed back. */
export const AUDIT_KINDS = [...LEAK_KINDS, 'reflected-input'] as const;

/** One of {@link AUDIT_KINDS}. */
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** A finding in one answer: what `findLeaks` reports, or the probe's input reflected. */
export interface AuditFinding extends Omit<LeakFinding, 'kind'> {
  readonly kind: AuditKind;
}

/** Whether `value` names a kind the audit reports. */
export function isAuditKind(value: string): value is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(value);
}
