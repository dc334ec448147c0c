import { HTTP_TOKEN } from '../common/http-token.js';
import { parseLoggerOptions } from '../logging/logger.options.js';
import {
  OptionProblem,
  boolean,
  parseOptions,
  type Check,
  type Parsed,
  type Schema,
} from '../options/option-schema.js';
import { parseRedactOptions } from '../redaction/redact.options.js';
import {
  FORBIDDEN_REQUEST_ID_HEADER,
  GENERATED_REQUEST_ID_PATTERN,
} from '../request-id/request-id.constants.js';
import { DEFAULT_REQUEST_ID_HEADER } from './safe-errors.constants.js';
import type { SafeErrorsModuleOptions } from './safe-errors.interfaces.js';
import {
  clientErrors,
  logFields,
  logRequestBody,
  requestLog,
} from '../request-log/request-log.options.js';

const requestIdHeader: Check<string> = (value, path) => {
  const header = value ?? DEFAULT_REQUEST_ID_HEADER;
  if (typeof header !== 'string' || !HTTP_TOKEN.test(header))
    throw new OptionProblem(path, 'must be a valid HTTP header name');
  if (FORBIDDEN_REQUEST_ID_HEADER.test(header))
    throw new OptionProblem(
      path,
      `must not be "${header}", a header HTTP or the library itself relies on`,
    );
  return header.toLowerCase();
};

// A generator that yields unsafe or repeated IDs would put them in headers and logs: refused at boot.
const generateRequestId: Check<(() => string) | undefined> = (value, path) => {
  if (value === undefined) return undefined;
  if (typeof value !== 'function')
    throw new OptionProblem(path, 'must be a function returning a string');
  const generate = value as () => unknown;
  const samples = new Set<string>();
  for (let i = 0; i < 3; i++) {
    let sample: unknown;
    try {
      sample = generate();
    } catch (err) {
      throw new OptionProblem(path, `threw: ${String(err)}`);
    }
    if (
      typeof sample !== 'string' ||
      !GENERATED_REQUEST_ID_PATTERN.test(sample)
    )
      throw new OptionProblem(
        path,
        `must return strings matching ${String(GENERATED_REQUEST_ID_PATTERN)}`,
      );
    samples.add(sample);
  }
  if (samples.size < 3)
    throw new OptionProblem(path, 'must return a different ID on each call');
  return generate as () => string;
};

const redact: Check<ReturnType<typeof parseRedactOptions>> = (value, path) => {
  if (value !== undefined && (typeof value !== 'object' || value === null))
    throw new OptionProblem(path, 'must be an object');
  try {
    return parseRedactOptions(value);
  } catch (problem) {
    if (!(problem instanceof OptionProblem)) throw problem;
    throw new OptionProblem(path, `is invalid: ${problem.message}`);
  }
};

/** @internal Every module option's check and default; the logger's and redaction's are their own. */
export const MODULE_OPTIONS_SCHEMA = {
  requestIdHeader,
  generateRequestId,
  trustIncomingRequestId: boolean(false),
  opaqueServerErrors: boolean(false),
  problemDetails: boolean(false),
  nestLogger: boolean(true),
  lastResort: boolean(true),
  redact,
  requestLog,
  clientErrors,
  logFields,
  logRequestBody,
  logger: (value) => parseLoggerOptions(value),
} satisfies Schema<SafeErrorsModuleOptions>;

/** @internal Checked module options, defaults applied. */
export type ParsedModuleOptions = Parsed<typeof MODULE_OPTIONS_SCHEMA>;

/** @internal Checks what `forRoot`/`forRootAsync` produced; a problem names the option. */
export function parseModuleOptions(options: unknown): ParsedModuleOptions {
  return parseOptions(MODULE_OPTIONS_SCHEMA, options, '', 'options');
}
