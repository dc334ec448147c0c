export { SafeErrorsModule } from './module/safe-errors.module.js';
export { SafeErrorsFilter } from './filter/safe-errors.filter.js';
export { SafeGraphQL } from './graphql/safe-graphql.js';
export {
  RedactingLogger,
  type RedactingLoggerOptions,
} from './logging/redacting.logger.js';
export {
  createRedactor,
  redact,
  type RedactOptions,
  type Redactor,
} from './redaction/redact.js';
export { getRequestId } from './request-id/request-context.js';
export { SafeErrorsOptionsError } from './options/safe-errors-options.error.js';
export {
  DEFAULT_REQUEST_ID_HEADER,
  OPAQUE_ERROR_MESSAGE,
} from './module/safe-errors.constants.js';
export type {
  SafeErrorsLoggerOptions,
  SafeErrorsLogLevel,
} from './logging/redacting-logger.interfaces.js';
export type { SafeErrorsModuleOptions } from './module/safe-errors.interfaces.js';
export type {
  ClientErrorLogOptions,
  LogFieldsHook,
  RequestBodyLogOptions,
  RequestLogLevel,
  RequestLogOptions,
} from './request-log/request-log.interfaces.js';
export type {
  SafeErrorsModuleAsyncOptions,
  SafeErrorsModuleRootOptions,
} from './module/safe-errors.module-definition.js';
export { fastifyFrameworkErrors } from './filter/fastify-framework-errors.js';
