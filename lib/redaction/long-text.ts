import { truncatedStringMarker } from './redact.constants.js';

// A cut string keeps at most this many source characters past its limit (where censors made room), and
// twice as many are scanned: a secret that crosses the end of what is kept is recognised whole, and one
// cut by the end of the scan lies wholly past what is kept. Secrets up to this long are never split.
/** @internal */
export const TRUNCATION_LOOKAHEAD = 4096;

/** @internal How a scanner scrubs the head of a string it cuts. */
export type ScrubHead = (head: string, limit: number, keep: number) => string;

/**
 * @internal `s`, longer than `limit`, scrubbed and cut to `limit` characters with a marker counting the rest.
 * Returns the text and how many source characters were read.
 */
export function cutLongText(
  s: string,
  limit: number,
  scrubHead: ScrubHead,
): { text: string; read: number } {
  const length = s.length;
  const read = Math.min(length, limit + 2 * TRUNCATION_LOOKAHEAD);
  const head = scrubHead(
    read === length ? s : s.slice(0, read),
    limit,
    limit + TRUNCATION_LOOKAHEAD,
  );
  return { text: head + truncatedStringMarker(length - limit), read };
}
