/** Replaces every censored value. */
export const DEFAULT_CENSOR = '[REDACTED]';

/** Container levels kept (the root object is level 1); deeper containers become {@link MAX_DEPTH_MARKER}. */
export const DEFAULT_MAX_DEPTH = 64;
/** Items kept per array, Set or Map. */
export const DEFAULT_MAX_ARRAY_LENGTH = 1000;
/** Characters kept per string. */
export const DEFAULT_MAX_STRING_LENGTH = 16_384;
/** Own keys kept per object. */
export const DEFAULT_MAX_OBJECT_KEYS = 1000;
/** Values (entries, items, fields) copied per call; the rest of the record becomes {@link RECORD_BUDGET_MARKER}. */
export const DEFAULT_MAX_NODES = 10_000;
/** String characters (values and keys) read per call; the rest of the record becomes {@link RECORD_BUDGET_MARKER}. */
export const DEFAULT_MAX_TOTAL_STRING_LENGTH = 1_048_576;

export const CIRCULAR_MARKER = '[Circular]';
export const MAX_DEPTH_MARKER = '[MaxDepth]';
export const UNREADABLE_MARKER = '[Unreadable]';
export const INVALID_DATE_MARKER = 'Invalid Date';
/** Property that carries the "more entries" marker of a truncated Map or object. */
export const TRUNCATED_MAP_KEY = '…';
/** Stands for whatever was left of a record when its budget of values or characters ran out. */
export const RECORD_BUDGET_MARKER = '[… record too large]';

export function truncatedItemsMarker(count: number): string {
  return `[… ${count} more items]`;
}

export function truncatedEntriesMarker(count: number): string {
  return `[… ${count} more entries]`;
}

export function truncatedKeysMarker(count: number): string {
  return `[… ${count} more keys]`;
}

export function truncatedStringMarker(count: number): string {
  return `…[truncated ${count} chars]`;
}
