import { LOG_LEVELS } from '../logging/logger.options.js';
import type { SafeErrorsLogLevel } from '../logging/redacting-logger.interfaces.js';
import {
  OptionProblem,
  parseOptions,
  positiveInteger,
  type Check,
  type Parsed,
  type Schema,
} from '../options/option-schema.js';
import type {
  ClientErrorLogOptions,
  LogFieldsHook,
  RequestBodyLogOptions,
  RequestLogLevel,
  RequestLogOptions,
} from './request-log.interfaces.js';

/** @internal What `requestLog` becomes: `undefined` when off. */
export interface ParsedRequestLog {
  readonly ignorePaths: readonly (string | RegExp)[];
  readonly level: (statusCode: number) => RequestLogLevel;
}

/** @internal 5xx at error, 4xx at warn, the rest at info. */
export function defaultRequestLevel(statusCode: number): SafeErrorsLogLevel {
  if (statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

const LEVEL_PROBLEM = `must be false or one of ${LOG_LEVELS.join(', ')}`;

function level(fallback: RequestLogLevel): Check<RequestLogLevel> {
  return (value, path) => {
    if (value === undefined) return fallback;
    if (value === false || LOG_LEVELS.includes(value as never))
      return value as RequestLogLevel;
    throw new OptionProblem(path, LEVEL_PROBLEM);
  };
}

function hook<T>(what: string): Check<T | undefined> {
  return (value, path) => {
    if (value === undefined) return undefined;
    if (typeof value !== 'function')
      throw new OptionProblem(path, `must be a function ${what}`);
    return value as T;
  };
}

const REQUEST_LOG_SCHEMA = {
  ignorePaths: (value, path) => {
    if (value === undefined) return [];
    if (!Array.isArray(value))
      throw new OptionProblem(path, 'must be an array');
    return value.map((item: unknown, i) => {
      if (typeof item === 'string' || item instanceof RegExp) return item;
      throw new OptionProblem(`${path}[${i}]`, 'must be a string or a RegExp');
    });
  },
  level: hook<(statusCode: number) => RequestLogLevel>(
    'from a status code to a level or false',
  ),
} satisfies Schema<RequestLogOptions>;

/** A feature that is off by default: `true` for its defaults, an object of its options, `false`/absent off. */
function toggled<S extends Record<string, Check<unknown>>>(
  schema: S,
): Check<Parsed<S> | undefined> {
  return (value, path) => {
    if (value === undefined || value === false) return undefined;
    if (value !== true && (typeof value !== 'object' || value === null))
      throw new OptionProblem(path, 'must be true, false or an object');
    return parseOptions(schema, value === true ? {} : value, path);
  };
}

const requestLogOptions = toggled(REQUEST_LOG_SCHEMA);

/** @internal `requestLog`. */
export const requestLog: Check<ParsedRequestLog | undefined> = (
  value,
  path,
) => {
  const parsed = requestLogOptions(value, path);
  return (
    parsed && {
      ignorePaths: parsed.ignorePaths,
      level: parsed.level ?? defaultRequestLevel,
    }
  );
};

const CLIENT_ERRORS_SCHEMA = {
  authFailures: level('warn'),
  other: level('debug'),
} satisfies Schema<ClientErrorLogOptions>;

/** @internal `clientErrors`: the level of each kind of 4xx line. */
export const clientErrors = (value: unknown, path: string) =>
  parseOptions(CLIENT_ERRORS_SCHEMA, value, path);

/** @internal `logFields`. */
export const logFields = hook<LogFieldsHook>(
  'from the request to an object of fields',
);

const BODY_SCHEMA = {
  maxLength: positiveInteger(2048),
} satisfies Schema<RequestBodyLogOptions>;

/** @internal `logRequestBody`: `undefined` when off, else the cap. */
export const logRequestBody = toggled(BODY_SCHEMA);
