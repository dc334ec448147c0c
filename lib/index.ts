export { SafeErrorsModule } from './safe-errors.module.js';
export { SafeErrorsFilter } from './safe-errors.filter.js';
export {
  RedactingLogger,
  type RedactingLoggerOptions,
} from './redacting.logger.js';
export { redact, type RedactOptions } from './redact.js';
export { getRequestId } from './request-context.js';
export { SafeErrorsOptionsError } from './safe-errors.config.js';
export {
  DEFAULT_REQUEST_ID_HEADER,
  OPAQUE_ERROR_MESSAGE,
} from './safe-errors.constants.js';
export type {
  SafeErrorsLoggerOptions,
  SafeErrorsLogLevel,
  SafeErrorsModuleOptions,
} from './safe-errors.interfaces.js';
export { fastifyFrameworkErrors } from './fastify-framework-errors.js';
