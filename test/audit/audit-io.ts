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
