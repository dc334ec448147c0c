import type { SafeErrorsLoggerOptions } from '../logging/redacting-logger.interfaces.js';
import type { RedactOptions } from '../redaction/redact.interfaces.js';
import type {
  ClientErrorLogOptions,
  LogFieldsHook,
  RequestBodyLogOptions,
  RequestLogOptions,
} from '../request-log/request-log.interfaces.js';

/** Options of `SafeErrorsModule.forRoot()` / `forRootAsync()`. All are optional. */
export interface SafeErrorsModuleOptions {
  /**
   * Response header that carries the correlation ID, on every response.
   * @default 'x-request-id'
   */
  requestIdHeader?: string;
  /**
   * Makes a correlation ID. Its results must match `/^[A-Za-z0-9_-]{8,128}$/`, or the app does not start.
   * @default 16 lowercase hex characters (64 bits) from node:crypto's CSPRNG
   */
  generateRequestId?: () => string;
  /**
   * Reuse the ID a client or proxy sent in `requestIdHeader`, if it matches `/^[A-Za-z0-9._-]{8,128}$/`;
   * any other value is ignored and a fresh ID is generated.
   * @default false
   */
  trustIncomingRequestId?: boolean;
  /**
   * Answer HttpExceptions with status >= 500 like unknown errors: status kept, body
   * `{ statusCode, message: <reason phrase>, requestId }`. `new InternalServerErrorException(err.message)` is a
   * common way to leak a connection string, which Nest sends verbatim.
   * @default false
   */
  opaqueServerErrors?: boolean;
  /**
   * Write the opaque answers as RFC 9457 problems (`application/problem+json`,
   * `{ type: 'about:blank', title, status, requestId }`). HttpExceptions stay unchanged.
   * @default false
   */
  problemDetails?: boolean;
  /**
   * What the logger scrubs, on top of (or instead of, with `replaceDefaults`) the built-in keys and patterns.
   * @default built-in keys and patterns, censor '[REDACTED]'
   */
  redact?: RedactOptions;
  /**
   * Route Nest's own logger (its boot lines, `ExceptionsHandler`, StreamableFile and RPC errors, every
   * `new Logger()` of yours) through `RedactingLogger`, as if `app.useLogger()` had been called, as soon
   * as the module's logger exists. Only Nest's default ConsoleLogger is replaced: a logger you pass to
   * `NestFactory.create()`, `logger: false`, or a later `app.useLogger()` is left as you set it.
   * @default true
   */
  nestLogger?: boolean;
  /**
   * Last-resort handler: an uncaught exception or unhandled rejection anywhere in the process is written as
   * one redacted `fatal` line with a fresh ID instead of Node's raw stack, the log is flushed, and the
   * process exits with code 1 where Node would have. Not installed if the process already listens for
   * either event; then yours decide.
   * @default true
   */
  lastResort?: boolean;
  /**
   * One line per finished HTTP request: method, censored URL, route, status, duration, response size,
   * request ID and user ID, at a level chosen by status. `true` for the defaults.
   * @default false
   */
  requestLog?: boolean | RequestLogOptions;
  /**
   * The levels of the lines written for 4xx HttpExceptions, each with method, censored URL, route, status
   * and the exception's message.
   * @default { authFailures: 'warn', other: 'debug' }
   */
  clientErrors?: ClientErrorLogOptions;
  /** The app's own fields (`tenantId`, ...) on every line written while a request is served. */
  logFields?: LogFieldsHook;
  /**
   * Put the request body, redacted and cut to `maxLength`, in the line of a request that failed. Off by
   * default: a body is the client's data, and what the redaction does not know stays in it.
   * @default false
   */
  logRequestBody?: boolean | RequestBodyLogOptions;
  /**
   * Where and how the logger writes.
   * @default JSON lines to stdout at level 'info'
   */
  logger?: SafeErrorsLoggerOptions;
}
