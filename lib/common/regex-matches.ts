/**
 * @internal Calls `visit` with each match of a global pattern, from the start of `text`. Empty matches are
 * stepped over, so a pattern that can match nothing still ends.
 *
 * Returning `true` from `visit` stops the loop.
 */
export function forEachMatch(
  pattern: RegExp,
  text: string,
  visit: (match: RegExpExecArray) => boolean | void,
): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (visit(m) === true) return;
  }
}

/** @internal Appends every non-empty match of a global pattern to `found`, as a span of `kind`. */
export function pushMatches(
  pattern: RegExp,
  text: string,
  kind: string,
  found: { kind: string; start: number; end: number }[],
): void {
  forEachMatch(pattern, text, (m) => {
    found.push({ kind, start: m.index, end: m.index + m[0].length });
  });
}
