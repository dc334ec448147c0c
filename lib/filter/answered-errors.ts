/**
 * @internal The opaque errors the filter handed to a transport that reports them itself (GraphQL): the
 * GraphQL integration finds them again among an operation's errors, and neither logs them twice nor
 * gives them a second ID.
 */
const answered = new WeakMap<object, string>();

export function markAnswered(error: object, requestId: string): void {
  answered.set(error, requestId);
}

/** The request ID the filter gave `error`, if it answered it. */
export function answeredId(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null
    ? answered.get(error)
    : undefined;
}
