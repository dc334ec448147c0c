import {
  Catch,
  IntrinsicException,
  type ArgumentsHost,
  type ExceptionFilter,
  type HttpException,
  type HttpServer,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';
import {
  describeThrown,
  extendsClassNamed,
  isHttpException,
  nameOf,
  read,
} from '../common/exception-inspection.js';
import { opaqueResponse } from './opaque-response.js';
import { RedactingLogger } from '../logging/redacting.logger.js';
import { getRequestId, requestIdOf } from '../request-id/request-context.js';
import { describeRequest, type RequestInfo } from './request-info.js';
import { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';

interface HeadersLike {
  headers?: Record<string, string | string[] | undefined>;
}

interface ClientLike {
  readyState?: unknown;
  send?: (data: string) => unknown;
  emit?: (event: string, payload: unknown) => unknown;
}

/**
 * Closes a response whose headers are already out, so a truncated body cannot pass for a whole one. A
 * response that has already ended is complete and left alone.
 */
function closeUnfinished(response: unknown): void {
  try {
    const raw = ((response as { raw?: unknown }).raw ?? response) as {
      writableEnded?: boolean;
      destroy?: () => void;
    };
    if (raw.writableEnded !== true) raw.destroy?.();
  } catch {
    // the socket is already gone
  }
}

/** Nest's IntrinsicException that is not an HttpException (HttpException extends it). */
function isIntrinsic(value: unknown): boolean {
  return (
    read(() => value instanceof IntrinsicException) === true &&
    !isHttpException(value)
  );
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/**
 * The filter `SafeErrorsModule` registers globally. Apply it yourself only where Nest ignores global filters:
 * `@UseFilters(SafeErrorsFilter)` on a WebSocket gateway.
 *
 * The global filter. `HttpException`s (and `RpcException`s, `WsException`s) go out exactly as Nest
 * sends them; everything else becomes an opaque answer whose only detail is a request ID, while the full
 * story goes to the log. It never throws: every read of the exception is guarded, and a failure while
 * answering ends in a last-resort 500 or a closed connection.
 */
@Catch()
export class SafeErrorsFilter implements ExceptionFilter {
  private readonly logger: RedactingLogger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: SafeErrorsConfig,
    logger: RedactingLogger,
  ) {
    this.logger = logger.forContext('SafeErrorsFilter');
  }

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const type = read(() => host.getType<string>());
    if (type === 'http') return this.catchHttp(exception, host);
    if (type === 'rpc') return this.catchRpc(exception, host);
    if (type === 'ws') return this.catchWs(exception, host);
    return this.catchOther(exception, type);
  }

  /**
   * Answers an error Fastify's router raises before any hook or filter runs (a malformed URL, an over-long
   * route parameter): its status is kept, nothing of the URL is echoed, and it is logged like any failure.
   */
  answerFrameworkError(error: unknown, request: unknown, reply: unknown): void {
    const adapter = this.adapterHost.httpAdapter as HttpServer | undefined;
    const requestId = this.config.requestIdFor(
      read(() => (request as HeadersLike).headers),
    );
    const status = read(() => (error as { statusCode?: unknown }).statusCode);
    const code =
      typeof status === 'number' && status >= 400 && status < 600
        ? status
        : 400;
    this.logHttpFailure(error, requestId, request, adapter, code);
    try {
      if (!adapter) throw new Error('no HTTP adapter');
      adapter.setHeader(reply, this.config.requestIdHeader, requestId);
      this.replyOpaque(adapter, reply, code, requestId);
    } catch {
      this.lastResort(adapter, reply, requestId);
    }
  }

  private catchHttp(exception: unknown, host: ArgumentsHost): void {
    const adapter = this.adapterHost.httpAdapter as HttpServer | undefined;
    const request: unknown = host.getArgByIndex(0);
    const response: unknown = host.getArgByIndex(1);
    // Set before routing by the middleware; absent when the request failed earlier (e.g. body parsing).
    let requestId = requestIdOf(request) ?? getRequestId();
    const assigned = requestId !== undefined;
    requestId ??= this.config.requestIdFor(
      read(() => (request as HeadersLike).headers),
    );
    let logged = false;
    try {
      if (!adapter) throw new Error('no HTTP adapter');
      if (!assigned)
        adapter.setHeader(response, this.config.requestIdHeader, requestId);
      let status = 500;
      if (isHttpException(exception)) {
        status = exception.getStatus();
        if (!(this.config.opaqueServerErrors && status >= 500)) {
          this.passThrough(
            exception,
            status,
            adapter,
            request,
            response,
            requestId,
          );
          return;
        }
      }
      logged = true;
      this.logHttpFailure(
        exception,
        requestId,
        request,
        adapter,
        status,
        response,
      );
      this.replyOpaque(adapter, response, status, requestId);
    } catch (failure) {
      if (!logged) {
        this.logHttpFailure(
          exception,
          requestId,
          request,
          adapter,
          500,
          response,
        );
      }
      this.logAnswerFailure(failure, requestId);
      this.lastResort(adapter, response, requestId);
    }
  }

  private passThrough(
    exception: HttpException,
    status: number,
    adapter: HttpServer,
    request: unknown,
    response: unknown,
    requestId: string,
  ): void {
    const res = exception.getResponse();
    // The same body Nest's BaseExceptionFilter builds, so a client cannot tell the two apart.
    const errorCode = (exception as { errorCode?: unknown }).errorCode;
    const body = isObject(res)
      ? res
      : {
          statusCode: status,
          message: res,
          ...(errorCode !== undefined && { errorCode }),
        };
    if (adapter.isHeadersSent(response)) {
      // Too late for any answer: Nest would end() the response and let a truncated body look whole.
      this.logHttpFailure(
        exception,
        requestId,
        request,
        adapter,
        status,
        response,
      );
      closeUnfinished(response);
      return;
    }
    adapter.reply(response, body, status);
    try {
      const name = nameOf(exception);
      if (status >= 500) {
        // Nest logs no HttpException at all; a 5xx is still a failure someone must be able to find.
        this.logger.logFor(
          'error',
          requestId,
          `${name} (${status}) answered to the client`,
          {
            ...this.describe(request, adapter),
            statusCode: status,
            error: exception,
          },
        );
      } else if (this.logger.isLevelEnabled('debug')) {
        this.logger.logFor(
          'debug',
          requestId,
          `${name} (${status}) answered to the client`,
          {
            statusCode: status,
          },
        );
      }
    } catch {
      // the answer is already out; a log failure must not touch it
    }
  }

  private replyOpaque(
    adapter: HttpServer,
    response: unknown,
    status: number,
    requestId: string,
  ): void {
    if (adapter.isHeadersSent(response)) {
      closeUnfinished(response);
      return;
    }
    const { contentType, body } = opaqueResponse(
      status,
      requestId,
      this.config.problemDetails,
    );
    adapter.setHeader(response, 'content-type', contentType);
    adapter.setHeader(response, 'cache-control', 'no-store');
    adapter.reply(response, body, status);
  }

  /** The answer itself failed: try the plainest 500 once more, else close the connection. */
  private lastResort(
    adapter: HttpServer | undefined,
    response: unknown,
    requestId: string,
  ): void {
    try {
      if (adapter && !adapter.isHeadersSent(response)) {
        adapter.setHeader(response, this.config.requestIdHeader, requestId);
        adapter.setHeader(response, 'content-type', 'application/json');
        adapter.setHeader(response, 'cache-control', 'no-store');
        adapter.reply(
          response,
          { statusCode: 500, message: OPAQUE_ERROR_MESSAGE, requestId },
          500,
        );
        return;
      }
    } catch {
      // fall through: closing the connection is the only answer left
    }
    closeUnfinished(response);
  }

  private catchRpc(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (extendsClassNamed(exception, 'RpcException')) {
      // As Nest's BaseRpcExceptionFilter answers it.
      const error = read(() =>
        (exception as { getError(): unknown }).getError(),
      );
      const message = isObject(error)
        ? error
        : { status: 'error', message: error };
      return throwError(() => message);
    }
    const requestId = getRequestId() ?? this.config.newRequestId();
    const pattern = read(() => {
      const ctx = host
        .switchToRpc()
        .getContext<{ getPattern?: () => unknown }>();
      return ctx?.getPattern?.();
    });
    this.logFailure(exception, requestId, { transport: 'rpc', pattern }, 500);
    return throwError(() => ({
      status: 'error',
      message: OPAQUE_ERROR_MESSAGE,
      requestId,
    }));
  }

  private catchWs(exception: unknown, host: ArgumentsHost): void {
    const ws = read(() => host.switchToWs());
    const client = read(() => ws?.getClient<ClientLike>());
    const pattern = read(() => ws?.getPattern());
    let payload: unknown;
    if (extendsClassNamed(exception, 'WsException')) {
      // As Nest's BaseWsExceptionFilter answers it, cause included.
      const error = read(() =>
        (exception as { getError(): unknown }).getError(),
      );
      payload = isObject(error)
        ? error
        : {
            status: 'error',
            message: error,
            cause: { pattern, data: read(() => ws?.getData()) },
          };
    } else {
      const requestId = getRequestId() ?? this.config.newRequestId();
      this.logFailure(exception, requestId, { transport: 'ws', pattern }, 500);
      payload = { status: 'error', message: OPAQUE_ERROR_MESSAGE, requestId };
    }
    try {
      // A native WebSocket's emit() only fires local listeners; it needs send().
      if (
        typeof client?.readyState === 'number' &&
        typeof client.send === 'function'
      ) {
        client.send(JSON.stringify({ event: 'exception', data: payload }));
      } else {
        client?.emit?.('exception', payload);
      }
    } catch {
      // the client is gone
    }
  }

  /** GraphQL and other contexts: the caller reports what the filter returns, so return only an opaque error. */
  private catchOther(exception: unknown, type: string | undefined): unknown {
    if (isHttpException(exception)) return exception;
    const requestId = getRequestId() ?? this.config.newRequestId();
    this.logFailure(
      exception,
      requestId,
      { transport: type ?? 'unknown' },
      500,
    );
    // No frames (GraphQL servers may send stacks to clients); `extensions` is where GraphQL reads extra fields.
    const opaque = new Error(OPAQUE_ERROR_MESSAGE);
    opaque.stack = `Error: ${OPAQUE_ERROR_MESSAGE}`;
    return Object.assign(opaque, {
      requestId,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
  }

  private describe(
    request: unknown,
    adapter: HttpServer | undefined,
  ): RequestInfo {
    return describeRequest(request, adapter, this.config.censor);
  }

  /** A failure of an HTTP request, described from the request itself. */
  private logHttpFailure(
    exception: unknown,
    requestId: string,
    request: unknown,
    adapter: HttpServer | undefined,
    statusCode: number,
    response?: unknown,
  ): void {
    this.logFailure(
      exception,
      requestId,
      this.describe(request, adapter),
      statusCode,
      response,
    );
  }

  private logFailure(
    exception: unknown,
    requestId: string,
    request: RequestInfo & { transport?: string; pattern?: unknown },
    statusCode: number,
    response?: unknown,
  ): void {
    try {
      const adapter = this.adapterHost.httpAdapter as HttpServer | undefined;
      const headersSent =
        response !== undefined &&
        adapter &&
        read(() => adapter.isHeadersSent(response)) === true;
      const where = request.method
        ? ` on ${request.method} ${request.route ?? request.url?.split('?')[0]}`
        : request.transport
          ? ` in a ${request.transport} handler`
          : '';
      const fields = {
        ...request,
        statusCode,
        error: describeThrown(exception),
      };
      const message = `Unhandled ${nameOf(exception)}${where}${headersSent ? ' after the response started; connection closed' : ''}`;
      // Nest throws IntrinsicException on purpose and never logs it; the client still gets the opaque answer.
      const level = isIntrinsic(exception)
        ? 'debug'
        : statusCode >= 500
          ? 'error'
          : 'warn';
      this.logger.logFor(level, requestId, message, fields);
    } catch {
      // never let logging stand between the client and its answer
    }
  }

  private logAnswerFailure(failure: unknown, requestId: string): void {
    try {
      this.logger.logFor(
        'error',
        requestId,
        'SafeErrorsFilter could not answer normally',
        {
          error: describeThrown(failure),
        },
      );
    } catch {
      // the logger is what failed
    }
  }
}
