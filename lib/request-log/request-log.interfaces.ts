import type { SafeErrorsLogLevel } from '../logging/redacting-logger.interfaces.js';

/** A level to write at, or `false` for no line. */
export type RequestLogLevel = SafeErrorsLogLevel | false;

/** One line per finished request (`requestLog`). */
export interface RequestLogOptions {
  /**
   * Paths (without the query) that get no line: a string matches the whole path, a RegExp is tested on it.
   * For health checks and metrics scrapes.
   * @default []
   */
  ignorePaths?: (string | RegExp)[];
  /**
   * The level of a request's line, from its status. Return `false` for no line.
   * @default 'error' for 5xx, 'warn' for 4xx, 'info' otherwise
   */
  level?: (statusCode: number) => RequestLogLevel;
}

/** The levels of the lines written for 4xx HttpExceptions the filter passes through. */
export interface ClientErrorLogOptions {
  /**
   * 401 and 403: failed authentication and authorisation are logged (OWASP ASVS 16.3.1, 16.3.2).
   * @default 'warn'
   */
  authFailures?: RequestLogLevel;
  /**
   * Every other 4xx.
   * @default 'debug'
   */
  other?: RequestLogLevel;
}

/** The request body in failure lines (`logRequestBody`), redacted, then cut. */
export interface RequestBodyLogOptions {
  /**
   * The longest body written, in characters of its redacted JSON; a longer one is cut and marked.
   * @default 2048
   */
  maxLength?: number;
}

/**
 * The app's own fields for every line written while a request is served (request lines, failure lines, a
 * service's `RedactingLogger` lines). Called for each line with the platform's request (Express's `req`,
 * Fastify's `request`); its fields are redacted like the rest of the line, and never override the
 * library's own (`level`, `requestId`, ...). A hook that throws adds nothing.
 */
export type LogFieldsHook = (
  request: unknown,
) => Record<string, unknown> | undefined;
