import type { Logger as WinstonLogger } from 'winston';
import type TransportStream from 'winston-transport';
import {
  OptionProblem,
  list,
  oneOf,
  optional,
  parseOptions,
  positiveInteger,
  type Check,
  type Parsed,
  type Schema,
} from '../options/option-schema.js';
import type {
  SafeErrorsLoggerOptions,
  SafeErrorsLogLevel,
} from './redacting-logger.interfaces.js';

/** @internal Every level a line can have. */
export const LOG_LEVELS: readonly SafeErrorsLogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'log',
  'debug',
  'verbose',
];

const transport: Check<TransportStream> = (value, path) => {
  const candidate = value as { log?: unknown; on?: unknown } | undefined;
  if (
    typeof candidate?.log !== 'function' ||
    typeof candidate.on !== 'function'
  ) {
    throw new OptionProblem(path, 'must be a winston transport');
  }
  return value as TransportStream;
};

const transports: Check<TransportStream[] | undefined> = (value, path) => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0)
    throw new OptionProblem(path, 'must be a non-empty array');
  return list(transport)(value, path);
};

const instance: Check<WinstonLogger> = (value, path) => {
  if (!value || typeof (value as { log?: unknown }).log !== 'function')
    throw new OptionProblem(path, 'must be a winston logger');
  return value as WinstonLogger;
};

/** @internal Every logger option's check and default. */
export const LOGGER_OPTIONS_SCHEMA = {
  level: oneOf(LOG_LEVELS, 'info', `must be one of ${LOG_LEVELS.join(', ')}`),
  format: optional(
    oneOf(['json', 'pretty'], 'json', "must be 'json' or 'pretty'"),
  ),
  transports,
  instance: optional(instance),
  closeTimeoutMs: positiveInteger(5_000),
  maxQueuedLines: positiveInteger(10_000),
  maxQueuedBytes: positiveInteger(16 * 1024 * 1024),
} satisfies Schema<SafeErrorsLoggerOptions>;

/** @internal Checked logger options, defaults applied. */
export type ParsedLoggerOptions = Parsed<typeof LOGGER_OPTIONS_SCHEMA>;

/** @internal Checks logger options; a problem names `logger.<option>`. */
export function parseLoggerOptions(options: unknown): ParsedLoggerOptions {
  const parsed = parseOptions(LOGGER_OPTIONS_SCHEMA, options, 'logger');
  const given = options as SafeErrorsLoggerOptions | undefined;
  if (
    parsed.instance !== undefined &&
    (given?.transports !== undefined || given?.format !== undefined)
  ) {
    throw new OptionProblem(
      'logger.instance',
      'cannot be combined with logger.transports or logger.format: the instance has its own',
    );
  }
  return parsed;
}
