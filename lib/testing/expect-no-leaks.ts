import { AssertionError } from 'node:assert';
import { findLeaks } from './find-leaks.js';
import type { FindLeaksOptions, LeakFinding } from './leak.types.js';
import type { ResponseLike } from './response-like.js';

function describe(findings: readonly LeakFinding[]): string {
  const lines = findings.map(
    (f) => `  - ${f.kind} in ${f.where}: ${JSON.stringify(f.evidence)}`,
  );
  const count = findings.length === 1 ? '1 leak' : `${findings.length} leaks`;
  return `Expected the response to leak nothing, found ${count}:\n${lines.join('\n')}`;
}

/**
 * Throws an `AssertionError` (node:assert) listing every finding of `findLeaks` (kind, where, masked
 * evidence); returns when the response is clean. Works in vitest, jest and node:test alike.
 */
export function expectNoLeaks(
  response: ResponseLike,
  options?: FindLeaksOptions,
): void {
  const findings = findLeaks(response, options);
  if (findings.length === 0) return;
  throw new AssertionError({
    message: describe(findings),
    actual: findings,
    expected: [],
    operator: 'expectNoLeaks',
    stackStartFn: expectNoLeaks,
  });
}
