import { Inject, Injectable } from '@nestjs/common';
import { createRedactor, type Redactor } from '../redaction/redact.js';
import { DEFAULT_CENSOR } from '../redaction/redact.constants.js';
import { SAFE_ERRORS_MODULE_OPTIONS } from './safe-errors.module-definition.js';
import {
  DEFAULT_REQUEST_ID_HEADER,
  GENERATED_REQUEST_ID_PATTERN,
  INCOMING_REQUEST_ID_PATTERN,
} from './safe-errors.constants.js';
import type {
  SafeErrorsLoggerOptions,
  SafeErrorsLogLevel,
  SafeErrorsModuleOptions,
} from './safe-errors.interfaces.js';
import { createRequestIdGenerator } from '../request-id/request-id.generator.js';

const LOG_LEVELS: readonly SafeErrorsLogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'log',
  'debug',
  'verbose',
];
// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Headers that frame the message or carry credentials and redirects: an ID must never replace them.
const FORBIDDEN_HEADER =
  /^(?:content-.*|transfer-encoding|connection|keep-alive|upgrade|host|set-cookie|cookie|authorization|proxy-.*|location|www-authenticate|cache-control|te|trailer)$/i;
const KNOWN_OPTIONS = new Set([
  'requestIdHeader',
  'generateRequestId',
  'trustIncomingRequestId',
  'opaqueServerErrors',
  'problemDetails',
  'redact',
  'logger',
]);
const KNOWN_LOGGER_OPTIONS = new Set([
  'level',
  'format',
  'transports',
  'instance',
]);

/** Thrown at boot for an option the module cannot use; the message names the option. */
export class SafeErrorsOptionsError extends TypeError {
  constructor(option: string, problem: string) {
    super(`SafeErrorsModule: option "${option}" ${problem}`);
    this.name = 'SafeErrorsOptionsError';
  }
}

/**
 * @internal The module's options with defaults merged and every value checked, computed once per app from
 * whatever `forRoot` or `forRootAsync` produced.
 */
@Injectable()
export class SafeErrorsConfig {
  readonly requestIdHeader: string;
  readonly trustIncomingRequestId: boolean;
  readonly opaqueServerErrors: boolean;
  readonly problemDetails: boolean;
  readonly redactor: Redactor;
  /** What a censored value becomes; also used for query values in logged URLs. */
  readonly censor: string;
  readonly logger: Required<Pick<SafeErrorsLoggerOptions, 'level' | 'format'>> &
    Pick<SafeErrorsLoggerOptions, 'transports' | 'instance'>;
  private readonly generate: () => string;
  private readonly fallbackGenerate: () => string;

  constructor(
    @Inject(SAFE_ERRORS_MODULE_OPTIONS)
    options: SafeErrorsModuleOptions | undefined,
  ) {
    const opts = options ?? {};
    if (typeof opts !== 'object') {
      throw new SafeErrorsOptionsError('options', 'must be an object');
    }
    for (const key of Object.keys(opts)) {
      if (!KNOWN_OPTIONS.has(key))
        throw new SafeErrorsOptionsError(key, 'is not a known option');
    }

    const header = opts.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER;
    if (typeof header !== 'string' || !HEADER_NAME.test(header)) {
      throw new SafeErrorsOptionsError(
        'requestIdHeader',
        'must be a valid HTTP header name',
      );
    }
    if (FORBIDDEN_HEADER.test(header)) {
      throw new SafeErrorsOptionsError(
        'requestIdHeader',
        `must not be "${header}", a header HTTP or the library itself relies on`,
      );
    }
    this.requestIdHeader = header.toLowerCase();

    this.trustIncomingRequestId = booleanOption(opts, 'trustIncomingRequestId');
    this.opaqueServerErrors = booleanOption(opts, 'opaqueServerErrors');
    this.problemDetails = booleanOption(opts, 'problemDetails');

    this.fallbackGenerate = createRequestIdGenerator();
    this.generate = opts.generateRequestId ?? this.fallbackGenerate;
    if (typeof this.generate !== 'function') {
      throw new SafeErrorsOptionsError(
        'generateRequestId',
        'must be a function returning a string',
      );
    }
    // A generator that yields unsafe IDs would put them in headers and logs: refuse it at boot.
    const samples = new Set<string>();
    for (let i = 0; i < 3; i++) {
      let sample: unknown;
      try {
        sample = this.generate();
      } catch (err) {
        throw new SafeErrorsOptionsError(
          'generateRequestId',
          `threw: ${String(err)}`,
        );
      }
      if (
        typeof sample !== 'string' ||
        !GENERATED_REQUEST_ID_PATTERN.test(sample)
      ) {
        throw new SafeErrorsOptionsError(
          'generateRequestId',
          `must return strings matching ${String(GENERATED_REQUEST_ID_PATTERN)}`,
        );
      }
      samples.add(sample);
    }
    // A constant generator would give every request the same ID.
    if (samples.size < 3) {
      throw new SafeErrorsOptionsError(
        'generateRequestId',
        'must return a different ID on each call',
      );
    }

    if (
      opts.redact !== undefined &&
      (typeof opts.redact !== 'object' || opts.redact === null)
    ) {
      throw new SafeErrorsOptionsError('redact', 'must be an object');
    }
    try {
      this.redactor = createRedactor(opts.redact);
    } catch (err) {
      throw new SafeErrorsOptionsError(
        'redact',
        `is invalid: ${(err as Error).message}`,
      );
    }

    this.censor = opts.redact?.censor ?? DEFAULT_CENSOR;
    this.logger = validateLoggerOptions(opts.logger);
  }

  /** A fresh ID; a custom generator that fails or turns unsafe at run time is replaced by the default. */
  newRequestId(): string {
    if (this.generate === this.fallbackGenerate) return this.generate();
    try {
      const id = this.generate();
      if (typeof id === 'string' && GENERATED_REQUEST_ID_PATTERN.test(id))
        return id;
    } catch {
      // fall through: an ID is owed to every request
    }
    return this.fallbackGenerate();
  }

  /** The ID for a request: the incoming one only when trusted and well-formed. */
  requestIdFor(
    headers: Record<string, string | string[] | undefined> | undefined,
  ): string {
    if (this.trustIncomingRequestId && headers) {
      const incoming = headers[this.requestIdHeader];
      if (
        typeof incoming === 'string' &&
        INCOMING_REQUEST_ID_PATTERN.test(incoming)
      ) {
        return incoming;
      }
    }
    return this.newRequestId();
  }
}

function booleanOption(
  options: SafeErrorsModuleOptions,
  name: 'trustIncomingRequestId' | 'opaqueServerErrors' | 'problemDetails',
): boolean {
  const value = options[name] ?? false;
  if (typeof value !== 'boolean')
    throw new SafeErrorsOptionsError(name, 'must be a boolean');
  return value;
}

function validateLoggerOptions(
  options: SafeErrorsLoggerOptions | undefined,
): SafeErrorsConfig['logger'] {
  if (options === undefined) return { level: 'info', format: 'json' };
  if (typeof options !== 'object' || options === null) {
    throw new SafeErrorsOptionsError('logger', 'must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_LOGGER_OPTIONS.has(key)) {
      throw new SafeErrorsOptionsError(
        `logger.${key}`,
        'is not a known option',
      );
    }
  }
  const level = options.level ?? 'info';
  if (!LOG_LEVELS.includes(level)) {
    throw new SafeErrorsOptionsError(
      'logger.level',
      `must be one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'pretty') {
    throw new SafeErrorsOptionsError(
      'logger.format',
      "must be 'json' or 'pretty'",
    );
  }
  const { transports, instance } = options;
  if (transports !== undefined) {
    if (!Array.isArray(transports) || transports.length === 0) {
      throw new SafeErrorsOptionsError(
        'logger.transports',
        'must be a non-empty array',
      );
    }
    transports.forEach((t, i) => {
      const candidate = t as { log?: unknown; on?: unknown } | undefined;
      if (
        typeof candidate?.log !== 'function' ||
        typeof candidate.on !== 'function'
      ) {
        throw new SafeErrorsOptionsError(
          `logger.transports[${i}]`,
          'must be a winston transport',
        );
      }
    });
  }
  if (
    instance !== undefined &&
    (!instance || typeof instance.log !== 'function')
  ) {
    throw new SafeErrorsOptionsError(
      'logger.instance',
      'must be a winston logger',
    );
  }
  if (
    instance !== undefined &&
    (transports !== undefined || options.format !== undefined)
  ) {
    throw new SafeErrorsOptionsError(
      'logger.instance',
      'cannot be combined with logger.transports or logger.format: the instance has its own',
    );
  }
  return { level, format, transports, instance };
}
