import { isHttpException, read } from '../common/exception-inspection.js';
import { answeredId } from '../filter/answered-errors.js';
import { isServerError } from '../filter/status.policy.js';
import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';

/** @internal What a GraphQL error stands for, as the library treats it. */
export type GraphQLFailure =
  /** The filter already answered it opaquely (and logged it). */
  | { kind: 'answered'; requestId: string }
  /** An HttpException the client sees as Nest shows it. */
  | { kind: 'passed'; status: number; exception: unknown }
  /** Anything the client must not see: logged here unless `logged`. */
  | { kind: 'opaque'; status: number; exception: unknown }
  /** The operation's own errors (syntax, validation, a GraphQLError a resolver threw on purpose). */
  | { kind: 'client' };

/** The error a resolver threw, under graphql-js's located wrapper. */
export function thrownBehind(error: unknown): unknown {
  return read(() => (error as { originalError?: unknown })?.originalError);
}

function isGraphQLError(value: unknown): boolean {
  return (
    read(() => Object.prototype.toString.call(value)) ===
    '[object GraphQLError]'
  );
}

/** @internal Sorts one error of an operation; `opaqueServerErrors` as the module's option. */
export function classifyGraphQLError(
  error: unknown,
  opaqueServerErrors: boolean,
): GraphQLFailure {
  const thrown = thrownBehind(error);
  if (thrown === undefined || thrown === null) {
    // A syntax or validation error, or one graphql-js made itself: about the operation, not the server.
    return { kind: 'client' };
  }
  const id = answeredId(thrown);
  if (id !== undefined) return { kind: 'answered', requestId: id };
  if (isHttpException(thrown)) {
    const status = read(() => thrown.getStatus()) ?? 500;
    return opaqueServerErrors && isServerError(status)
      ? { kind: 'opaque', status, exception: thrown }
      : { kind: 'passed', status, exception: thrown };
  }
  // Thrown on purpose for the client to read, with its own extensions.
  if (isGraphQLError(thrown) && thrownBehind(thrown) === undefined)
    return { kind: 'client' };
  return { kind: 'opaque', status: 500, exception: thrown };
}

/** @internal A formatted GraphQL error as it goes to the client. */
export interface FormattedGraphQLError {
  message: string;
  locations?: unknown;
  path?: unknown;
  extensions?: Record<string, unknown>;
}

// Where GraphQL servers put what only a developer should see.
const DEVELOPER_EXTENSIONS = ['stacktrace', 'exception'];

/** @internal The client's view of one error: opaque with the ID, or as it was without stacks, with the ID. */
export function safeFormatted(
  formatted: unknown,
  failure: GraphQLFailure,
  requestId: string,
): FormattedGraphQLError {
  const source = (read(() => {
    const f = formatted as { toJSON?: () => unknown };
    return typeof f?.toJSON === 'function' ? f.toJSON() : f;
  }) ?? {}) as FormattedGraphQLError;
  const where = {
    ...(source.locations !== undefined && { locations: source.locations }),
    ...(source.path !== undefined && { path: source.path }),
  };
  if (failure.kind === 'answered' || failure.kind === 'opaque') {
    return {
      message: OPAQUE_ERROR_MESSAGE,
      ...where,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  }
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source.extensions ?? {})) {
    if (!DEVELOPER_EXTENSIONS.includes(key)) extensions[key] = value;
  }
  extensions.requestId = requestId;
  return {
    message:
      typeof source.message === 'string'
        ? source.message
        : OPAQUE_ERROR_MESSAGE,
    ...where,
    extensions,
  };
}
