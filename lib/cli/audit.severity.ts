import type { AuditKind } from './audit.kinds.js';

/** How much a finding helps an attacker, lowest first. */
export const SEVERITIES = ['low', 'medium', 'high'] as const;

/** `high`: the failure itself or a credential; `medium`: what it was and where; `low`: what runs. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * The severity of each kind. High: a stack, SQL or a driver's error, a secret, a connection string, a
 * debug page. Medium: the exception's type or raw message, a server path, an internal address. Low: a
 * version banner, the request's own input echoed back.
 */
export const KIND_SEVERITY: Readonly<Record<AuditKind, Severity>> = {
  'stack-trace': 'high',
  sql: 'high',
  secret: 'high',
  'planted-secret': 'high',
  'connection-string': 'high',
  'debug-page': 'high',
  'exception-type': 'medium',
  'raw-message': 'medium',
  'file-path': 'medium',
  'internal-address': 'medium',
  'version-banner': 'low',
  'reflected-input': 'low',
};

/** Whether `severity` is `threshold` or worse. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

/** Whether `value` names a severity. */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
