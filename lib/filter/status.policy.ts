import { STATUS_CODES } from 'node:http';

/**
 * @internal Whether a status reports the server's own failure: such answers are always logged at error,
 * and with `opaqueServerErrors` even an `HttpException` carrying one is answered opaquely.
 */
export function isServerError(status: number): boolean {
  return status >= 500;
}

/**
 * @internal The status to answer an error with: `value` when it is an error status (400..599), else
 * `fallback`. Whatever else a thrower set never reaches the status line.
 */
export function errorStatus(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 400 && value < 600
    ? value
    : fallback;
}

/** @internal The standard reason phrase ("Not Found"); "Error" for a status that has none. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
