import type { LogLevel } from '@nestjs/common';
import winston from 'winston';
import { put } from '../common/own-property.js';
import type { Redactor } from '../redaction/redact.js';
import {
  requestContext,
  type RequestContextStore,
} from '../request-id/request-context.js';
import { GuardedTransport } from './guarded.transport.js';
import { escapeStrings, safeJson } from './log-escape.js';
import { jsonLine, prettyFormat, type LineFormat } from './log-format.js';
import type { ParsedLoggerOptions } from './logger.options.js';
import type { SafeErrorsLogLevel } from './redacting-logger.interfaces.js';
import {
  correlatesItself,
  createTraceReader,
  withActiveSpan,
  type SpanContextLike,
  type TraceReader,
} from './trace-context.js';
import { WaitingLines } from './waiting-lines.js';

/** @internal Severities as written in each line: Nest's names, with `log` written as `info`. */
export type SinkLevel =
  'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'verbose';

const SEVERITY: Record<SinkLevel, number> = {
  fatal: 0,
  error: 1,
  warn: 2,
  info: 3,
  debug: 4,
  verbose: 5,
};
// Keys a caller's fields may not overwrite: a forged level, time or ID would mislead whoever reads the log.
// Colliding fields are kept, under CONFLICTS.
const RESERVED = new Set([
  'level',
  'message',
  'timestamp',
  'context',
  'requestId',
  'traceId',
  'spanId',
]);
const CONFLICTS = 'conflictingFields';
// Where winston-transport and every transport read a line's text.
const MESSAGE = Symbol.for('message');
// The text is made before winston sees the line, so its size is known when the queue bound is checked.
const AS_MADE = winston.format((info) => info)();
// Dropped lines are reported at most this often, so the report cannot flood stderr itself.
const DROP_REPORT_INTERVAL_MS = 10_000;
/** @internal Turns Nest's level names into the ones written. */
export function toSinkLevel(level: SafeErrorsLogLevel | LogLevel): SinkLevel {
  return level === 'log' ? 'info' : level;
}

/**
 * @internal JSON, unless `format` says otherwise or the lines go to the default stdout, which is a terminal,
 * outside production: then readable lines, coloured unless `NO_COLOR` is set (no-color.org).
 */
function lineFormat(options: ParsedLoggerOptions): LineFormat {
  const terminal =
    options.transports === undefined && process.stdout.isTTY === true;
  const format =
    options.format ??
    (terminal && process.env.NODE_ENV !== 'production' ? 'pretty' : 'json');
  if (format === 'json') return jsonLine;
  return prettyFormat(terminal && !process.env.NO_COLOR);
}

/**
 * @internal The one place lines are built, redacted and handed to winston. Shared by a `RedactingLogger`
 * and every child made by `forContext()`.
 */
export class LogSink {
  private readonly winston: winston.Logger;
  private readonly owned: boolean;
  private readonly redactor: Redactor;
  private readonly trace: TraceReader | undefined;
  private threshold: number;
  private enabled: ReadonlySet<SinkLevel> | undefined;
  private failureReported = false;
  private readonly format: LineFormat;
  private closing: Promise<void> | undefined;
  private readonly closeTimeoutMs: number;
  private readonly maxQueued: number;
  private readonly maxQueuedBytes: number;
  private readonly waiting = new WaitingLines();
  private dropped = 0;
  private inFieldsHook = false;
  private lastDropReport = 0;
  private dropReportTimer: NodeJS.Timeout | undefined;
  private readonly report = (err: unknown) => this.reportFailure(err);

  constructor(options: ParsedLoggerOptions, redactor: Redactor) {
    this.redactor = redactor;
    this.trace = createTraceReader();
    this.threshold = SEVERITY[toSinkLevel(options.level)];
    this.closeTimeoutMs = options.closeTimeoutMs;
    this.maxQueued = options.maxQueuedLines;
    this.maxQueuedBytes = options.maxQueuedBytes;
    this.format = lineFormat(options);
    const report = this.report;
    if (options.instance) {
      this.winston = options.instance;
      this.owned = false;
    } else {
      const transports = options.transports ?? [
        new winston.transports.Stream({ stream: process.stdout }),
      ];
      this.winston = winston.createLogger({
        levels: SEVERITY,
        level: 'verbose',
        format: AS_MADE,
        // Wrapped, never changed: the same transport may serve several loggers.
        transports: transports.map((t) => new GuardedTransport(t, report)),
        exitOnError: false,
      });
      this.owned = true;
    }
    // An 'error' event without a listener would crash the process.
    this.winston.on('error', report);
  }

  isEnabled(level: SinkLevel): boolean {
    return this.enabled
      ? this.enabled.has(level)
      : SEVERITY[level] <= this.threshold;
  }

  /** Nest's `setLogLevels`: exactly these levels are written from now on. */
  setLevels(levels: readonly (LogLevel | SafeErrorsLogLevel)[]): void {
    this.enabled = new Set(levels.map(toSinkLevel));
  }

  write(
    level: SinkLevel,
    message: string,
    fields: Record<string, unknown> | undefined,
    context: string | undefined,
    requestId?: string,
    thrownSpan?: SpanContextLike,
  ): void {
    if (!this.isEnabled(level)) return;
    try {
      const record: Record<string, unknown> = {
        level: this.owned ? level : this.levelFor(level),
        message: this.redactor(message),
        timestamp: new Date().toISOString(),
      };
      if (context !== undefined) record.context = this.redactor(context);
      const store = requestContext.getStore();
      const id = requestId ?? store?.requestId;
      if (id !== undefined) record.requestId = id;
      // A winston that adds trace_id/span_id itself (OpenTelemetry's instrumentation) to what it renders:
      // the line carries those, for the span where the error was thrown, and not ours beside them.
      const correlated =
        !this.rendersOwnLines() && correlatesItself(this.winston);
      const span = correlated ? undefined : (thrownSpan ?? this.trace?.());
      if (span) {
        record.traceId = span.traceId;
        record.spanId = span.spanId;
      }
      const app = store?.fields ? this.appFields(store) : undefined;
      if (app) fields = fields ? { ...app, ...fields } : app;
      if (fields) {
        const clean = this.redactor(fields);
        if (clean && typeof clean === 'object') {
          let conflicts: Record<string, unknown> | undefined;
          for (const [key, value] of Object.entries(clean)) {
            // put: an own `__proto__` field (JSON.parse makes them) stays a field.
            if (RESERVED.has(key)) put((conflicts ??= {}), key, value);
            else put(record, key, value);
          }
          if (conflicts) record[CONFLICTS] = conflicts;
        }
      }
      // A format of the caller's may print any field raw: then the escaping is done here, before it.
      const line = this.rendersOwnLines()
        ? record
        : (escapeStrings(record) as Record<string, unknown>);
      if (this.closing) {
        // Another module's shutdown hook ran after this one: the line goes to stderr rather than nowhere.
        process.stderr.write(`${safeJson(line)}\n`);
        return;
      }
      if (this.owned) {
        const text = this.format(line);
        // A transport that cannot keep up: the newest lines go, counted, rather than the heap growing.
        // A line is always taken when none waits, however long it is.
        const queued = this.queued();
        this.waiting.keepNewest(queued);
        if (
          queued >= this.maxQueued ||
          (queued > 0 && this.waiting.bytes + text.length > this.maxQueuedBytes)
        ) {
          this.dropped++;
          this.reportDrops(false);
          return;
        }
        this.waiting.add(text.length);
        (line as Record<symbol, unknown>)[MESSAGE] = text;
      }
      if (correlated && thrownSpan)
        withActiveSpan(thrownSpan, () =>
          this.winston.log(line as winston.LogEntry),
        );
      else this.winston.log(line as winston.LogEntry);
    } catch (err) {
      this.reportFailure(err);
    }
  }

  /** The app's `logFields` for this request; nothing if the hook throws, returns no object or logs itself. */
  private appFields(
    store: RequestContextStore,
  ): Record<string, unknown> | undefined {
    if (this.inFieldsHook) return undefined;
    this.inFieldsHook = true;
    try {
      const fields = store.fields?.(store.request);
      return fields && typeof fields === 'object' && !Array.isArray(fields)
        ? fields
        : undefined;
    } catch {
      return undefined;
    } finally {
      this.inFieldsHook = false;
    }
  }

  /** Nest's last shutdown hook: lines written before `app.close()` are flushed, not lost. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** Ends the winston logger this sink created, once its transports have written every pending line. */
  close(): Promise<void> {
    if (!this.owned) {
      // Not ours to end; only stop listening, so a closed app is not kept alive by the user's logger.
      this.winston.off('error', this.report);
      return Promise.resolve();
    }
    this.closing ??= this.drainAndEnd();
    return this.closing;
  }

  // winston's own end() ends its transports while lines still wait in its buffer (they are then lost or
  // raise "write after end"), so wait until nothing is queued anywhere first.
  private async drainAndEnd(): Promise<void> {
    const deadline = Date.now() + this.closeTimeoutMs;
    while (!this.drained() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const lost = this.queued();
    if (lost > 0)
      this.tellStderr(
        `${lost} log line${lost === 1 ? ' was' : 's were'} not yet written when the logger closed after ${this.closeTimeoutMs} ms (logger.closeTimeoutMs); a transport may still finish those it holds`,
      );
    this.reportDrops(true);
    await new Promise<void>((resolve) => {
      const transports = [...this.winston.transports];
      let pending = transports.length;
      const done = () => {
        if (--pending <= 0) resolve();
      };
      setTimeout(resolve, Math.max(0, deadline - Date.now())).unref();
      for (const t of transports) t.once('finish', done).once('error', done);
      this.winston.end();
      if (pending === 0) resolve();
    });
  }

  private drained(): boolean {
    return this.queued() === 0;
  }

  /**
   * Lines handed to winston and not yet written by every transport (object-mode lengths count lines).
   * Each line passes every transport in order, so the slowest one holds all that the others do.
   */
  private queued(): number {
    const length = (stream: unknown) => {
      const s = stream as { readableLength?: number; writableLength?: number };
      return (s.readableLength ?? 0) + (s.writableLength ?? 0);
    };
    let slowest = 0;
    for (const t of this.winston.transports) {
      // winston's batched writes (_writev) report a batch done before its lines are: those are in flight.
      const held = length(t) + (t instanceof GuardedTransport ? t.inFlight : 0);
      if (held > slowest) slowest = held;
    }
    return length(this.winston) + slowest;
  }

  private reportDrops(final: boolean): void {
    if (this.dropped === 0) return;
    const now = Date.now();
    if (!final && now - this.lastDropReport < DROP_REPORT_INTERVAL_MS) {
      // Drops that stop within the interval are still reported, once it is over.
      this.dropReportTimer ??= setTimeout(
        () => {
          this.dropReportTimer = undefined;
          this.reportDrops(true);
        },
        DROP_REPORT_INTERVAL_MS - (now - this.lastDropReport),
      ).unref();
      return;
    }
    clearTimeout(this.dropReportTimer);
    this.dropReportTimer = undefined;
    this.lastDropReport = now;
    const count = this.dropped;
    this.dropped = 0;
    this.tellStderr(
      `${count} log line${count === 1 ? ' was' : 's were'} dropped: ${this.maxQueued} lines or ${this.maxQueuedBytes} bytes were already waiting for a transport (logger.maxQueuedLines, logger.maxQueuedBytes)`,
    );
  }

  private tellStderr(text: string): void {
    try {
      process.stderr.write(`nestjs-safe-errors: ${text}\n`);
    } catch {
      // stderr itself is gone: nothing left to tell
    }
  }

  // Whether every line is rendered by this library's formats alone, which escape as they write.
  private rendersOwnLines(): boolean {
    return this.owned && this.winston.transports.every((t) => !t.format);
  }

  private levelFor(level: SinkLevel): string {
    const levels = this.winston.levels;
    if (levels[level] !== undefined) return level;
    return level === 'fatal' ? 'error' : level === 'verbose' ? 'debug' : 'info';
  }

  private reportFailure(err: unknown): void {
    if (this.failureReported) return;
    this.failureReported = true;
    try {
      const why =
        err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      process.stderr.write(
        `nestjs-safe-errors: a log transport failed (${why.slice(0, 200)}); further failures are not reported\n`,
      );
    } catch {
      // stderr itself is gone: nothing left to tell
    }
  }
}
