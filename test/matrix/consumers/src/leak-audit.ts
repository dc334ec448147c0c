import { findLeaks, type LeakFinding, type ResponseLike } from 'nestjs-safe-errors/testing';

/** The kinds of leak the audit finds in one response; the check loads this through the app's module format. */
export function leakKinds(response: ResponseLike): LeakFinding['kind'][] {
  return findLeaks(response).map((finding) => finding.kind);
}
