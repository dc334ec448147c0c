import { IntrinsicException, type HttpException } from '@nestjs/common';
import {
  describeThrown,
  isHttpException,
  nameOf,
  read,
} from '../common/exception-inspection.js';
import {
  toSinkLevel,
  type LogSink,
  type SinkLevel,
} from '../logging/log-sink.js';
import type { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { spanWhereThrown } from '../logging/thrown-spans.js';
import type { SpanContextLike } from '../logging/trace-context.js';
import type { RequestFailure } from './request-failure.js';
import {
  describeRequest,
  requestInputs,
  type BodyCap,
  type RequestInfo,
} from './request-info.js';
import { isServerError } from './status.policy.js';
import { headersSent } from './http-reply.js';

// What every line of the filter carries as its context.
const CONTEXT = 'SafeErrorsFilter';

/** @internal The levels the filter writes at. */
export type FailureLevel = SinkLevel;

/** @internal Where a failure outside HTTP happened: the transport, and the pattern of its handler. */
export interface TransportInfo {
  transport: string;
  pattern?: unknown;
  /** GraphQL: the failed field's path and the operation's name. */
  path?: string;
  operationName?: string;
}

/** What a line says about where the failure happened: the request, or the transport. */
interface FailurePlace extends RequestInfo {
  transport?: string;
  pattern?: unknown;
  path?: string;
  operationName?: string;
}

interface FailureLine {
  level: FailureLevel;
  message: string;
  fields: Record<string, unknown>;
  /** The span where the error was thrown, when it is known. */
  span?: SpanContextLike;
}

/** Nest's IntrinsicException that is not an HttpException (HttpException extends it). */
function isIntrinsic(value: unknown): boolean {
  return (
    read(() => value instanceof IntrinsicException) === true &&
    !isHttpException(value)
  );
}

/**
 * @internal The level of an unhandled failure. Nest throws IntrinsicException on purpose and never logs
 * it, so it goes to debug (the client still gets the opaque answer); a server error to error; the rest
 * (a framework error with a 4xx status) to warn.
 */
export function failureLevel(
  exception: unknown,
  statusCode: number,
): FailureLevel {
  if (isIntrinsic(exception)) return 'debug';
  return isServerError(statusCode) ? 'error' : 'warn';
}

function unhandledLine(
  exception: unknown,
  place: FailurePlace,
  statusCode: number,
  responseStarted: boolean,
): FailureLine {
  const where = place.method
    ? ` on ${place.method} ${place.route ?? place.url?.split('?')[0]}`
    : place.transport
      ? ` in a ${place.transport} handler`
      : '';
  const fields = {
    ...place,
    statusCode,
    error: describeThrown(exception),
  };
  const message = `Unhandled ${nameOf(exception)}${where}${responseStarted ? ' after the response started; connection closed' : ''}`;
  return {
    level: failureLevel(exception, statusCode),
    message,
    fields,
    span: spanWhereThrown(exception),
  };
}

/**
 * @internal Every line `SafeErrorsFilter` writes, each built and levelled here and written through one
 * call: what the log says about a failure is decided in one place, and a line that cannot be built or
 * written never stands between the client and its answer.
 */
export class FailureLog {
  private readonly censor: string;
  private readonly body: BodyCap | undefined;

  constructor(
    private readonly sink: LogSink,
    private readonly config: SafeErrorsConfig,
  ) {
    this.censor = config.censor;
    this.body = config.logRequestBody && {
      maxLength: config.logRequestBody.maxLength,
      redactor: config.redactor,
    };
  }

  /** Where an HTTP request failed and with what input. */
  private describe(failure: RequestFailure): Record<string, unknown> {
    return {
      ...describeRequest(failure.request, failure.adapter, this.censor),
      ...requestInputs(failure.request, this.body),
    };
  }

  /** An HTTP request that failed: answered opaquely, or closed if its response had already started. */
  requestFailed(failure: RequestFailure, statusCode: number): void {
    this.write(failure.requestId, () => {
      const { adapter, response } = failure;
      const started =
        response !== undefined &&
        adapter !== undefined &&
        read(() => headersSent(adapter, response)) === true;
      return unhandledLine(
        failure.exception,
        this.describe(failure),
        statusCode,
        started,
      );
    });
  }

  /** A handler of another transport (RPC, WebSocket, GraphQL...) failed: its client gets a 500's answer. */
  handlerFailed(
    exception: unknown,
    requestId: string,
    where: TransportInfo,
    statusCode = 500,
  ): void {
    this.write(requestId, () =>
      unhandledLine(exception, where, statusCode, false),
    );
  }

  /**
   * An HttpException went out as Nest sends it. Nest logs none; a 5xx is still a failure someone must be
   * able to find, so it goes to error with the request and its input; a 4xx at its `clientErrors` level
   * (401 and 403 at warn, the rest at debug), with where it happened and the exception's message.
   */
  passedThrough(
    failure: RequestFailure,
    exception: HttpException,
    status: number,
  ): void {
    this.write(failure.requestId, () => {
      const message = `${nameOf(exception)} (${status}) answered to the client`;
      if (isServerError(status)) {
        return {
          level: 'error',
          message,
          fields: {
            ...this.describe(failure),
            statusCode: status,
            error: exception,
          },
        };
      }
      const level = this.clientErrorLevel(status);
      if (level === undefined) return undefined;
      return {
        level,
        message,
        fields: {
          ...describeRequest(failure.request, failure.adapter, this.censor),
          statusCode: status,
          error: {
            name: nameOf(exception),
            message: read(() => exception.message),
          },
        },
      };
    });
  }

  /** The level of a 4xx's line, or `undefined` when none is written at the logger's threshold. */
  private clientErrorLevel(status: number): SinkLevel | undefined {
    const { authFailures, other } = this.config.clientErrors;
    const chosen = status === 401 || status === 403 ? authFailures : other;
    if (chosen === false) return undefined;
    const level = toSinkLevel(chosen);
    return this.sink.isEnabled(level) ? level : undefined;
  }

  /** As {@link passedThrough}, for a transport that reports the exception itself (GraphQL). */
  passedThroughIn(
    exception: HttpException,
    requestId: string,
    where: TransportInfo,
    status: number,
  ): void {
    this.write(requestId, () => {
      const message = `${nameOf(exception)} (${status}) answered to the client`;
      if (isServerError(status)) {
        return {
          level: 'error',
          message,
          fields: { ...where, statusCode: status, error: exception },
        };
      }
      const level = this.clientErrorLevel(status);
      if (level === undefined) return undefined;
      return {
        level,
        message,
        fields: { ...where, statusCode: status },
      };
    });
  }

  /** The answer itself failed; the client gets the last-resort 500 or a closed connection. */
  answerFailed(requestId: string, error: unknown): void {
    this.write(requestId, () => ({
      level: 'error',
      message: 'SafeErrorsFilter could not answer normally',
      fields: { error: describeThrown(error) },
    }));
  }

  /** The one place the filter writes to the log. */
  private write(requestId: string, build: () => FailureLine | undefined): void {
    try {
      const line = build();
      if (line)
        this.sink.write(
          line.level,
          line.message,
          line.fields,
          CONTEXT,
          requestId,
          line.span,
        );
    } catch {
      // never let logging stand between the client and its answer
    }
  }
}
