import type { LogLevel } from '@nestjs/common';
import winston from 'winston';
import type TransportStream from 'winston-transport';
import { put, type Redactor } from './redact.js';
import { requestContext } from './request-context.js';
import type { SafeErrorsConfig } from './safe-errors.config.js';
import type { SafeErrorsLogLevel } from './safe-errors.interfaces.js';
import { createTraceReader, type TraceReader } from './trace-context.js';

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
const MESSAGE = Symbol.for('message');
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
// A transport that never drains must not hold the app's shutdown forever.
const CLOSE_TIMEOUT_MS = 5_000;
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** @internal Turns Nest's level names into the ones written. */
export function toSinkLevel(level: SafeErrorsLogLevel | LogLevel): SinkLevel {
  return level === 'log' ? 'info' : level;
}

function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

// Lines are usually built in `write` already (see LogSink.lineOnly); these formats build the others.
const jsonLine = winston.format((info) => {
  const line = info as Record<symbol, unknown>;
  line[MESSAGE] ??= JSON.stringify(info);
  return info;
});

const prettyLine = winston.format((info) => {
  const line = info as Record<symbol, unknown>;
  if (line[MESSAGE] === undefined) {
    const { level, message, timestamp, context, ...rest } = info as Record<
      string,
      unknown
    >;
    line[MESSAGE] = prettyText(
      { level, message, timestamp, context },
      JSON.stringify(rest),
    );
  }
  return info;
});

// One readable line per record; CR, LF and ANSI escapes are shown, never obeyed (CWE-117).
function prettyText(head: Record<string, unknown>, restJson: string): string {
  const { level, message, timestamp, context } = head;
  const ctx = typeof context === 'string' ? ` [${escapeControl(context)}]` : '';
  const extra = restJson === '{}' ? '' : ` ${restJson}`;
  return `${String(timestamp)} ${String(level).toUpperCase().padEnd(7)}${ctx} ${escapeControl(String(message))}${extra}`;
}

/** Two JSON objects as one: `{"a":1}` and `{"b":2}` give `{"a":1,"b":2}`. */
function joinObjects(first: string, second: string): string {
  if (second === '{}') return first;
  if (first === '{}') return second;
  return `${first.slice(0, -1)},${second.slice(1)}`;
}

const HEAD_KEYS = ['level', 'message', 'timestamp', 'context'] as const;

// winston's own transports that write only the formatted line, never the record's fields.
function writesLineOnly(transport: TransportStream): boolean {
  return (
    transport instanceof winston.transports.Console ||
    transport instanceof winston.transports.File ||
    transport instanceof winston.transports.Stream
  );
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
  private readonly pretty: boolean;
  // When every transport writes only the line, the line is built here at once, and the caller's fields
  // are serialised where they are, without a copy; other transports get a redacted copy of them.
  private readonly lineOnly: boolean;
  private threshold: number;
  private enabled: ReadonlySet<SinkLevel> | undefined;
  private failureReported = false;
  // Lines handed to a transport's log() and not yet acknowledged: winston's batched writes (_writev)
  // report a batch done before its lines are, so stream lengths alone cannot say when all is written.
  private readonly inFlight = { count: 0 };
  private closing: Promise<void> | undefined;
  private readonly report = (err: unknown) => this.reportFailure(err);

  constructor(options: SafeErrorsConfig['logger'], redactor: Redactor) {
    this.redactor = redactor;
    this.trace = createTraceReader();
    this.threshold = SEVERITY[toSinkLevel(options.level)];
    this.pretty = options.format === 'pretty';
    const report = this.report;
    if (options.instance) {
      this.winston = options.instance;
      this.owned = false;
      this.lineOnly = false;
    } else {
      const transports = options.transports ?? [
        new winston.transports.Stream({ stream: process.stdout }),
      ];
      this.lineOnly = transports.every(writesLineOnly);
      this.winston = winston.createLogger({
        levels: SEVERITY,
        level: 'verbose',
        format: options.format === 'pretty' ? prettyLine() : jsonLine(),
        transports: transports.map((t) =>
          guardTransport(t, report, this.inFlight),
        ),
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
  ): void {
    if (!this.isEnabled(level)) return;
    try {
      const record: Record<string, unknown> = {
        level: this.owned ? level : this.levelFor(level),
        message: this.redactor(message),
        timestamp: new Date().toISOString(),
      };
      if (context !== undefined) record.context = this.redactor(context);
      const id = requestId ?? requestContext.getStore()?.requestId;
      if (id !== undefined) record.requestId = id;
      const span = this.trace?.();
      if (span) {
        record.traceId = span.traceId;
        record.spanId = span.spanId;
      }
      const line =
        this.lineOnly || this.closing ? this.line(record, fields) : undefined;
      if (this.closing) {
        // Another module's shutdown hook ran after this one: the line goes to stderr rather than nowhere.
        process.stderr.write(`${line ?? JSON.stringify(record)}\n`);
        return;
      }
      if (line !== undefined) {
        (record as Record<symbol, unknown>)[MESSAGE] = line;
      } else if (fields) {
        this.merge(record, this.redactor(fields));
      }
      this.winston.log(record as winston.LogEntry);
    } catch (err) {
      this.reportFailure(err);
    }
  }

  /**
   * The finished line, built before this call returns: serialised at once, the caller's fields need no
   * copy, and nothing the caller changes later can reach the line.
   */
  private line(
    record: Record<string, unknown>,
    fields: Record<string, unknown> | undefined,
  ): string {
    let fieldsJson = '{}';
    if (fields) {
      fieldsJson = this.redactor.json(withoutReserved(fields)) ?? '{}';
      if (!fieldsJson.startsWith('{')) {
        // A toJSON turned the fields into something else: merge them as before.
        const merged = { ...record };
        this.merge(merged, this.redactor(fields));
        return this.pretty ? prettyOf(merged) : JSON.stringify(merged);
      }
    }
    if (!this.pretty) return joinObjects(JSON.stringify(record), fieldsJson);
    const rest: Record<string, unknown> = { ...record };
    for (const key of HEAD_KEYS) delete rest[key];
    return prettyText(record, joinObjects(JSON.stringify(rest), fieldsJson));
  }

  // Caller fields join the line's own; a reserved name never overwrites one of them.
  private merge(record: Record<string, unknown>, clean: unknown): void {
    if (!clean || typeof clean !== 'object') return;
    let conflicts: Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(clean)) {
      if (RESERVED.has(key)) (conflicts ??= {})[key] = value;
      else put(record, key, value);
    }
    if (conflicts) record[CONFLICTS] = conflicts;
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
    const deadline = Date.now() + CLOSE_TIMEOUT_MS;
    while (!this.drained() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
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
    const queued = (stream: unknown) => {
      const s = stream as { readableLength?: number; writableLength?: number };
      return (s.readableLength ?? 0) + (s.writableLength ?? 0);
    };
    return (
      this.inFlight.count === 0 &&
      queued(this.winston) === 0 &&
      this.winston.transports.every((t) => queued(t) === 0)
    );
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

/** `fields` with reserved names moved under CONFLICTS; `fields` itself when it has none. */
function withoutReserved(fields: Record<string, unknown>): object {
  const keys = Object.keys(fields);
  if (!keys.some((key) => RESERVED.has(key))) return fields;
  const kept: Record<string, unknown> = {};
  const conflicts: Record<string, unknown> = {};
  for (const key of keys) {
    if (RESERVED.has(key)) conflicts[key] = fields[key];
    else put(kept, key, fields[key]);
  }
  kept[CONFLICTS] = conflicts;
  return kept;
}

function prettyOf(record: Record<string, unknown>): string {
  const { level, message, timestamp, context, ...rest } = record;
  return prettyText(
    { level, message, timestamp, context },
    JSON.stringify(rest),
  );
}

/** A transport whose `log` throws must not take the request, the filter or the process with it. */
function guardTransport(
  transport: TransportStream,
  report: (err: unknown) => void,
  inFlight: { count: number },
): TransportStream {
  const log = transport.log?.bind(transport);
  if (!log) return transport;
  transport.log = (info: unknown, next: () => void) => {
    let called = false;
    inFlight.count++;
    const once = () => {
      if (called) return;
      called = true;
      inFlight.count--;
      next();
    };
    try {
      return log(info, once);
    } catch (err) {
      report(err);
      once();
    }
  };
  return transport;
}
