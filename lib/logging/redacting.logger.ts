import { Injectable, type LoggerService, type LogLevel } from '@nestjs/common';
import { isError } from '../common/exception-inspection.js';
import { put } from '../common/own-property.js';
import { OptionProblem } from '../options/option-schema.js';
import { SafeErrorsOptionsError } from '../options/safe-errors-options.error.js';
import { parseRedactOptions } from '../redaction/redact.options.js';
import { redactorFor } from '../redaction/redact.js';
import { LogSink, toSinkLevel, type SinkLevel } from './log-sink.js';
import { parseLoggerOptions } from './logger.options.js';
import type {
  RedactingLoggerOptions,
  SafeErrorsLogLevel,
} from './redacting-logger.interfaces.js';

export type { RedactingLoggerOptions } from './redacting-logger.interfaces.js';

// Nest passes a stack as a string whose second line is a frame.
const STACK = /\n\s+at /;
// What a context looks like: a class or module name, not a sentence, a URL or a key=value pair.
const CONTEXT = /^[A-Za-z_$][\w$.:-]{0,99}$/;

/**
 * A winston-backed logger that scrubs secrets from every line. Inject it in services, hand it to
 * `app.useLogger()` for Nest's own lines, or use `forContext()` for a per-class child.
 */
@Injectable()
export class RedactingLogger implements LoggerService {
  // Set by the constructor or by loggerOnSink; neither appears in the published types.
  private sink!: LogSink;
  private context: string | undefined;

  /**
   * A logger with its own transports, outside `SafeErrorsModule`. Options are checked as the module checks
   * them: a bad one throws a `SafeErrorsOptionsError` naming it (`logger.level`, `redact.censor`).
   */
  constructor(options: RedactingLoggerOptions = {}, context?: string) {
    let sink: LogSink;
    try {
      const { redact, ...logger } = (options ?? {}) as RedactingLoggerOptions;
      const parsed = parseLoggerOptions(logger);
      const redactor = redactorFor(parseRedactOptions(redact));
      sink = new LogSink(parsed, redactor);
    } catch (problem) {
      if (problem instanceof OptionProblem)
        throw new SafeErrorsOptionsError(
          problem.path,
          problem.problem,
          'RedactingLogger',
        );
      throw problem;
    }
    this.sink = sink;
    this.context = context;
  }

  /** A child that stamps `context` on each line, like `new Logger(OrdersService.name)`. */
  forContext(context: string): RedactingLogger {
    return loggerOnSink(this.sink, context);
  }

  /** Writes at `info`. `log(message, fields?)`, `log({ msg, ...fields })`, or Nest's `log(message, context)`. */
  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams);
  }

  /** Writes at `error`. `error(message, err?)`, `error(err)`, or Nest's `error(message, stack?, context?)`. */
  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  /** Writes at `warn`. */
  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  /** Writes at `debug`. */
  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  /** Writes at `verbose`. */
  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('verbose', message, optionalParams);
  }

  /** Writes at `fatal`. */
  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  /** Nest's `setLogLevels`: exactly these levels are written from now on, by this logger and its children. */
  setLogLevels(levels: LogLevel[]): void {
    this.sink.setLevels(levels);
  }

  /** Whether a line at `level` would be written. */
  isLevelEnabled(level: LogLevel | SafeErrorsLogLevel): boolean {
    return this.sink.isEnabled(toSinkLevel(level));
  }

  /**
   * Ends the transports this logger created, once they have written every pending line. A logger from
   * `SafeErrorsModule` is closed by the app's shutdown; one made with `new` is yours to close.
   */
  close(): Promise<void> {
    return this.sink.close();
  }

  private write(level: SinkLevel, message: unknown, params: unknown[]): void {
    // Skip all parsing when the line would be dropped anyway.
    if (!this.sink.isEnabled(level)) return;
    let text: string;
    let fields: Record<string, unknown> | undefined;
    let context = this.context;
    try {
      [text, fields] = splitMessage(resolveMessage(message));
      let last = params.length - 1;
      // Nest's convention: a trailing string is the context. Only a name-like one is taken as such, so a
      // value such as a URL passed last stays a scrubbed argument.
      const tail = params[last];
      if (typeof tail === 'string' && CONTEXT.test(tail)) {
        context = tail;
        last--;
      }
      // Nest's ConsoleLogger: error(message, stack, context) takes the string before the context as the
      // stack, framed or not.
      const stack = params[last];
      if (
        (level === 'error' || level === 'fatal') &&
        last >= 0 &&
        last === params.length - 2 &&
        typeof stack === 'string'
      ) {
        (fields ??= {}).stack = stack;
        last--;
      }
      for (let i = 0; i <= last; i++) {
        fields = addParam(fields, params[i]);
      }
    } catch {
      // An argument whose getters throw still leaves a line behind.
      text = '[Unreadable message]';
    }
    this.sink.write(level, text, fields, context);
  }
}

/** As Nest's ConsoleLogger: a class logs its name, any other function is called for the message. */
function resolveMessage(message: unknown, depth = 0): unknown {
  if (typeof message !== 'function' || depth > 3) return message;
  const source = Function.prototype.toString.call(message);
  if (source.startsWith('class ')) return (message as { name: string }).name;
  return resolveMessage((message as () => unknown)(), depth + 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitMessage(
  message: unknown,
): [string, Record<string, unknown> | undefined] {
  if (typeof message === 'string') return [message, undefined];
  if (isError(message)) return [String(message.message), { error: message }];
  if (isRecord(message)) {
    const { msg, message: inner, ...rest } = message;
    const text = msg ?? inner;
    if (typeof text === 'string') return [text, rest];
    // A non-string message stays as data rather than turning into "[object Object]".
    if (text !== undefined) rest.msg = text;
    return ['', rest];
  }
  return [String(message), undefined];
}

function addParam(
  fields: Record<string, unknown> | undefined,
  param: unknown,
): Record<string, unknown> | undefined {
  if (param === undefined) return fields;
  const out = fields ?? {};
  if (typeof param === 'string' && STACK.test(param)) {
    out.stack = param;
  } else if (isError(param)) {
    out[out.error === undefined ? 'error' : 'cause'] = param;
  } else if (isRecord(param)) {
    // Not Object.assign: an own `__proto__` key (JSON.parse makes them) must stay a field.
    for (const key of Object.keys(param)) put(out, key, param[key]);
  } else {
    ((out.args ??= []) as unknown[]).push(param);
  }
  return out;
}

/** @internal A logger writing through an existing sink: the module's, or a parent's for `forContext`. */
export function loggerOnSink(sink: LogSink, context?: string): RedactingLogger {
  // Object.create: the public constructor takes options only, and builds a sink of its own from them.
  const logger = Object.create(RedactingLogger.prototype) as RedactingLogger;
  return Object.assign(logger, { sink, context });
}
