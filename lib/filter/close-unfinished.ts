interface RawResponseLike {
  writableEnded?: boolean;
  destroy?: () => void;
}

/**
 * @internal Closes a response whose headers are already out, so a truncated body cannot pass for a whole
 * one. A response that has already ended is complete and left alone. Never throws.
 */
export function closeUnfinished(response: unknown): void {
  try {
    const raw = ((response as { raw?: unknown }).raw ??
      response) as RawResponseLike;
    if (raw.writableEnded !== true) raw.destroy?.();
  } catch {
    // the socket is already gone
  }
}
