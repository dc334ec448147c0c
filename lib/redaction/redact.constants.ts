/** Replaces every censored value. */
export const DEFAULT_CENSOR = '[REDACTED]';

/** Container levels kept (the root object is level 1); deeper containers become {@link MAX_DEPTH_MARKER}. */
export const DEFAULT_MAX_DEPTH = 64;
/** Items kept per array, Set or Map. */
export const DEFAULT_MAX_ARRAY_LENGTH = 1000;
/** Characters kept per string. */
export const DEFAULT_MAX_STRING_LENGTH = 16_384;

export const CIRCULAR_MARKER = '[Circular]';
export const MAX_DEPTH_MARKER = '[MaxDepth]';
export const UNREADABLE_MARKER = '[Unreadable]';
export const INVALID_DATE_MARKER = 'Invalid Date';
/** Property that carries the "more entries" marker of a truncated Map. */
export const TRUNCATED_MAP_KEY = '…';

export function truncatedItemsMarker(count: number): string {
  return `[… ${count} more items]`;
}

export function truncatedEntriesMarker(count: number): string {
  return `[… ${count} more entries]`;
}

export function truncatedStringMarker(count: number): string {
  return `…[truncated ${count} chars]`;
}
