import type { Logger as WinstonLogger } from 'winston';
import type TransportStream from 'winston-transport';
import type { RedactOptions } from '../redaction/redact.interfaces.js';

/** Severity names the logger accepts: Nest's own, plus winston's `info` for `log`. */
export type SafeErrorsLogLevel =
  'fatal' | 'error' | 'warn' | 'info' | 'log' | 'debug' | 'verbose';

/** How the library's logger writes. */
export interface SafeErrorsLoggerOptions {
  /**
   * Lowest severity written.
   * @default 'info'
   */
  level?: SafeErrorsLogLevel;
  /**
   * `json`: one JSON object a line. `pretty`: readable lines for a terminal (the error's stack below, as
   * indented lines), with control characters escaped; coloured when the default stdout is a terminal and
   * `NO_COLOR` is not set.
   * @default 'pretty' when lines go to the default stdout, it is a terminal and NODE_ENV is not
   * 'production'; 'json' otherwise
   */
  format?: 'json' | 'pretty';
  /**
   * Where lines go. Ignored when `instance` is given.
   * @default one stream transport to process.stdout
   */
  transports?: TransportStream[];
  /**
   * An existing winston logger to write through instead of creating one; it receives records that are
   * already redacted. The library never closes it.
   * @default undefined
   */
  instance?: WinstonLogger;
  /**
   * How long closing waits for queued lines to be written. Lines still queued then are dropped, and
   * stderr says how many.
   * @default 5000
   */
  closeTimeoutMs?: number;
  /**
   * Lines that may wait for a slow transport. Past it new lines are dropped and counted, and stderr
   * reports the count at most once every 10 s, so a stalled transport cannot grow the heap without bound.
   * @default 10000
   */
  maxQueuedLines?: number;
  /**
   * Size of the lines that may wait for a slow transport, counted as their text's length (one byte a
   * character for ASCII text). Past it new lines are dropped, counted and reported like those past
   * `maxQueuedLines`; a line is always taken when no other waits, however long it is.
   * @default 16777216 (16 MiB)
   */
  maxQueuedBytes?: number;
}

/** Options for a `RedactingLogger` made with `new`, outside `SafeErrorsModule`. */
export interface RedactingLoggerOptions extends SafeErrorsLoggerOptions {
  /**
   * What to scrub.
   * @default built-in keys and patterns, censor '[REDACTED]'
   */
  redact?: RedactOptions;
}
