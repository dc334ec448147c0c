/** @internal A stretch of text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A secret found in text: `text.slice(start, end)` is the secret itself, without its context. */
export interface SecretMatch extends Span {
  kind: string;
}

/**
 * @internal Whether `text[start, end)` is the censor and nothing else: a value scrubbed before, left as
 * it is so that scrubbing twice changes nothing. A value that only starts with it (`[REDACTED]hunter2`) is
 * still a secret.
 */
export function isCensorAt(
  text: string,
  start: number,
  end: number,
  censor: string,
): boolean {
  return end - start === censor.length && text.startsWith(censor, start);
}

function byPosition(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * @internal Sorted copies, with overlapping spans merged into one (the first one's fields win). Spans that
 * only touch stay apart unless `joinTouching`: each is its own censor in a scrub, one mask in evidence.
 */
export function mergeSpans<T extends Span>(
  spans: T[],
  joinTouching = false,
): T[] {
  if (spans.length > 1) spans.sort(byPosition);
  const merged: T[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (
      previous !== undefined &&
      (span.start < previous.end ||
        (joinTouching && span.start === previous.end))
    ) {
      if (span.end > previous.end) previous.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}
