import { Inject, Injectable } from '@nestjs/common';
import type { ParsedLoggerOptions } from '../logging/logger.options.js';
import { OptionProblem } from '../options/option-schema.js';
import { SafeErrorsOptionsError } from '../options/safe-errors-options.error.js';
import type { Redactor } from '../redaction/redact.interfaces.js';
import { redactorFor } from '../redaction/redact.js';
import {
  GENERATED_REQUEST_ID_PATTERN,
  INCOMING_REQUEST_ID_PATTERN,
} from '../request-id/request-id.constants.js';
import { createRequestIdGenerator } from '../request-id/request-id.generator.js';
import { SAFE_ERRORS_MODULE_OPTIONS } from './safe-errors.module-definition.js';
import type { SafeErrorsModuleOptions } from './safe-errors.interfaces.js';
import {
  parseModuleOptions,
  type ParsedModuleOptions,
} from './safe-errors.options.js';

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
  readonly nestLogger: boolean;
  readonly lastResort: boolean;
  readonly redactor: Redactor;
  /** What a censored value becomes; also used for query values in logged URLs. */
  readonly censor: string;
  readonly logger: ParsedLoggerOptions;
  readonly requestLog: ParsedModuleOptions['requestLog'];
  readonly clientErrors: ParsedModuleOptions['clientErrors'];
  readonly logFields: ParsedModuleOptions['logFields'];
  readonly logRequestBody: ParsedModuleOptions['logRequestBody'];
  private readonly generate: () => string;
  private readonly fallbackGenerate: () => string;

  constructor(
    @Inject(SAFE_ERRORS_MODULE_OPTIONS)
    options: SafeErrorsModuleOptions | undefined,
  ) {
    let parsed;
    try {
      parsed = parseModuleOptions(options);
    } catch (problem) {
      if (!(problem instanceof OptionProblem)) throw problem;
      throw new SafeErrorsOptionsError(
        problem.path,
        problem.problem,
        'SafeErrorsModule',
      );
    }
    this.requestIdHeader = parsed.requestIdHeader;
    this.trustIncomingRequestId = parsed.trustIncomingRequestId;
    this.opaqueServerErrors = parsed.opaqueServerErrors;
    this.problemDetails = parsed.problemDetails;
    this.nestLogger = parsed.nestLogger;
    this.lastResort = parsed.lastResort;
    this.fallbackGenerate = createRequestIdGenerator();
    this.generate = parsed.generateRequestId ?? this.fallbackGenerate;
    this.redactor = redactorFor(parsed.redact);
    this.censor = parsed.redact.censor;
    this.logger = parsed.logger;
    this.requestLog = parsed.requestLog;
    this.clientErrors = parsed.clientErrors;
    this.logFields = parsed.logFields;
    this.logRequestBody = parsed.logRequestBody;
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
