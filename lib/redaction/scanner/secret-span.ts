/** A secret found in text: `text.slice(start, end)` is the secret itself, without its context. */
export interface SecretMatch {
  kind: string;
  start: number;
  end: number;
}

function byPosition(a: SecretMatch, b: SecretMatch): number {
  return a.start - b.start || b.end - a.end;
}

/** @internal Sorted, with overlapping spans merged into one (the first one's kind wins). */
export function mergeSpans<T extends SecretMatch>(spans: T[]): SecretMatch[] {
  if (spans.length > 1) spans.sort(byPosition);
  const merged: SecretMatch[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous !== undefined && span.start < previous.end) {
      if (span.end > previous.end) previous.end = span.end;
    } else {
      merged.push({ kind: span.kind, start: span.start, end: span.end });
    }
  }
  return merged;
}
