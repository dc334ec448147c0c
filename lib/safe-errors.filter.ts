import {
  Catch,
  HttpException,
  type ArgumentsHost,
  type ExceptionFilter,
  type HttpServer,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { types } from 'node:util';
import { RedactingLogger } from './redacting.logger.js';
import { getRequestId } from './request-context.js';
import { describeRequest } from './request-info.js';
import { SafeErrorsConfig } from './safe-errors.config.js';
import { OPAQUE_ERROR_MESSAGE } from './safe-errors.constants.js';

interface HeadersLike {
  headers?: Record<string, string | string[] | undefined>;
}

function read<T>(getter: () => T): T | undefined {
  try {
    return getter();
  } catch {
    return undefined;
  }
}

function isHttpException(value: unknown): value is HttpException {
  // instanceof itself throws on a Proxy whose getPrototypeOf trap throws.
  return read(() => value instanceof HttpException) === true;
}

function isError(value: unknown): value is Error {
  return (
    read(() => types.isNativeError(value) || value instanceof Error) === true
  );
}

/** What the log's `error` field holds: an Error as itself (the logger expands it), anything else labelled. */
function describeThrown(exception: unknown): unknown {
  if (isError(exception)) return exception;
  return {
    name: 'NonErrorThrown',
    type: exception === null ? 'null' : typeof exception,
    value: exception,
  };
}

function nameOf(exception: unknown): string {
  if (!isError(exception))
    return `non-Error ${exception === null ? 'null' : typeof exception}`;
  const name = read(() => exception.name);
  return typeof name === 'string' && name.length > 0
    ? name.slice(0, 100)
    : 'Error';
}

/** Ends a response whose headers are already out: the truncated body must not pass for a whole one. */
function destroyResponse(response: unknown): void {
  try {
    const raw = (response as { raw?: unknown }).raw ?? response;
    (raw as { destroy?: () => void }).destroy?.();
  } catch {
    // the socket is already gone
  }
}

/**
 * @internal The global filter. `HttpException`s go out exactly as Nest sends them; everything else becomes
 * an opaque 500 whose only detail is the request ID, while the full story goes to the log.
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

  catch(exception: unknown, host: ArgumentsHost): void {
    let requestId = getRequestId();
    if (host.getType() !== 'http') {
      this.logFailure(exception, requestId ?? this.config.newRequestId(), {});
      return;
    }
    const adapter = this.adapterHost.httpAdapter as HttpServer | undefined;
    const request: unknown = host.getArgByIndex(0);
    const response: unknown = host.getArgByIndex(1);
    // Set before routing by the middleware; absent when the request failed earlier (e.g. body parsing).
    const assigned = requestId !== undefined;
    requestId ??= this.config.requestIdFor(
      read(() => (request as HeadersLike).headers),
    );
    let logged = false;
    try {
      if (!adapter) throw new Error('no HTTP adapter');
      if (!assigned)
        adapter.setHeader(response, this.config.requestIdHeader, requestId);
      if (isHttpException(exception)) {
        this.passThrough(exception, adapter, request, response, requestId);
        return;
      }
      logged = true;
      this.logFailure(
        exception,
        requestId,
        describeRequest(request, adapter),
        response,
        adapter,
      );
      this.replyOpaque(adapter, response, requestId);
    } catch (failure) {
      if (!logged) {
        this.logFailure(
          exception,
          requestId,
          describeRequest(request, adapter),
          response,
          adapter,
        );
      }
      this.lastResort(adapter, response, requestId, failure);
    }
  }

  private passThrough(
    exception: HttpException,
    adapter: HttpServer,
    request: unknown,
    response: unknown,
    requestId: string,
  ): void {
    const status = exception.getStatus();
    const res = exception.getResponse();
    // The same body Nest's BaseExceptionFilter builds, so a client cannot tell the two apart.
    const errorCode = (exception as { errorCode?: unknown }).errorCode;
    const body =
      res !== null && typeof res === 'object'
        ? res
        : {
            statusCode: status,
            message: res,
            ...(errorCode !== undefined && { errorCode }),
          };
    if (adapter.isHeadersSent(response)) {
      adapter.end(response);
    } else {
      adapter.reply(response, body, status);
    }
    try {
      const name = nameOf(exception);
      if (status >= 500) {
        // Nest logs no HttpException at all; a 5xx is still a failure someone must be able to find.
        this.logger.error(`${name} (${status}) answered to the client`, {
          requestId,
          ...describeRequest(request, adapter),
          statusCode: status,
          error: exception,
        });
      } else if (this.logger.isLevelEnabled('debug')) {
        this.logger.debug(`${name} (${status}) answered to the client`, {
          requestId,
          statusCode: status,
        });
      }
    } catch {
      // the answer is already out; a log failure must not touch it
    }
  }

  private replyOpaque(
    adapter: HttpServer,
    response: unknown,
    requestId: string,
  ): void {
    if (adapter.isHeadersSent(response)) {
      destroyResponse(response);
      return;
    }
    adapter.setHeader(response, 'content-type', 'application/json');
    adapter.setHeader(response, 'cache-control', 'no-store');
    adapter.reply(
      response,
      { statusCode: 500, message: OPAQUE_ERROR_MESSAGE, requestId },
      500,
    );
  }

  private lastResort(
    adapter: HttpServer | undefined,
    response: unknown,
    requestId: string,
    failure: unknown,
  ): void {
    try {
      this.logger.error('SafeErrorsFilter could not answer normally', {
        requestId,
        error: describeThrown(failure),
      });
    } catch {
      // the logger is what failed
    }
    try {
      if (adapter && !adapter.isHeadersSent(response)) {
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
    destroyResponse(response);
  }

  private logFailure(
    exception: unknown,
    requestId: string,
    request: ReturnType<typeof describeRequest>,
    response?: unknown,
    adapter?: HttpServer,
  ): void {
    try {
      const headersSent =
        adapter &&
        response !== undefined &&
        read(() => adapter.isHeadersSent(response));
      const where = request.method
        ? ` on ${request.method} ${request.route ?? request.url?.split('?')[0]}`
        : '';
      this.logger.error(
        `Unhandled ${nameOf(exception)}${where}${headersSent ? ' after the response started; connection closed' : ''}`,
        {
          requestId,
          ...request,
          statusCode: 500,
          error: describeThrown(exception),
        },
      );
    } catch {
      // never let logging stand between the client and its answer
    }
  }
}
