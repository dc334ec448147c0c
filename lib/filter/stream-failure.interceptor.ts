import {
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { catchError, of, throwError, type Observable } from 'rxjs';
import { isHttpException, read } from '../common/exception-inspection.js';
import { LogSink } from '../logging/log-sink.js';
import { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { FailureLog } from './failure-log.policy.js';
import { opaqueResponse } from './opaque-response.js';
import { requestFailure } from './request-failure.js';
import { isServerError } from './status.policy.js';

interface SseEvent {
  type: string;
  data: string;
}

function rawResponse(response: unknown): ServerResponse | undefined {
  return read(
    () =>
      ((response as { raw?: ServerResponse }).raw ??
        response) as ServerResponse,
  );
}

/**
 * @internal Puts the two answers that bypass exception filters once they have started under the filter's
 * rules (see `attachStreamGuards`). An `@Sse()` stream that fails after its headers are out ends with one opaque `error` event
 * carrying the request ID, where Nest would stream the error's message; a `StreamableFile` whose stream
 * fails is answered with the opaque 500 if nothing was sent yet, or closed, and on both adapters logged
 * once with the ID. HttpExceptions keep Nest's treatment, save 5xx ones under `opaqueServerErrors`.
 */
@Injectable()
export class StreamFailureInterceptor implements NestInterceptor {
  private readonly log: FailureLog;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: SafeErrorsConfig,
    sink: LogSink,
  ) {
    this.log = new FailureLog(sink, config);
  }

  /** Attached by the module to `@Sse()` handlers only: other routes keep Nest's interceptor-free path. */
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(catchError((err: unknown) => this.sseFailed(err, context)));
  }

  /** The status the client may learn, or undefined for an HttpException that goes out as Nest sends it. */
  private opaqueStatus(err: unknown): number | undefined {
    if (!isHttpException(err)) return 500;
    const status = err.getStatus();
    return this.config.opaqueServerErrors && isServerError(status)
      ? status
      : undefined;
  }

  private failure(err: unknown, request: unknown, response: unknown) {
    return requestFailure(
      {
        exception: err,
        adapter: this.adapterHost.httpAdapter,
        request,
        response,
      },
      this.config,
    );
  }

  private sseFailed(
    err: unknown,
    context: ExecutionContext,
  ): Observable<SseEvent> {
    const status = this.opaqueStatus(err);
    const raw = rawResponse(context.switchToHttp().getResponse());
    // Before the headers, the exception filters still answer as for any request.
    if (status === undefined || read(() => raw?.headersSent) !== true)
      return throwError(() => err);
    const http = context.switchToHttp();
    const failure = this.failure(err, http.getRequest(), http.getResponse());
    this.log.requestFailed(failure, status);
    const { body } = opaqueResponse(
      status,
      failure.requestId,
      this.config.problemDetails,
    );
    return of({ type: 'error', data: JSON.stringify(body) });
  }

  /**
   * Puts a `StreamableFile` about to be sent under the filter's rules; `response` is the platform's
   * (Express's response, Fastify's reply), whose request is read from it.
   */
  guard(file: StreamableFile, response: unknown): void {
    const request = read(
      () =>
        (response as { req?: unknown; request?: unknown }).req ??
        (response as { request?: unknown }).request,
    );
    let logged = false;
    const logOnce = (err: unknown) => {
      if (logged) return;
      logged = true;
      const status = this.opaqueStatus(err) ?? 500;
      this.log.requestFailed(this.failure(err, request, response), status);
    };
    // Fastify reports a stream failing mid-way to no handler: the stream itself is watched. Before the
    // first byte the failure is answered (and logged) by the error handler below or by the filter.
    const raw = rawResponse(response);
    read(() =>
      file.getStream().once('error', (err: unknown) => {
        if (read(() => raw?.headersSent) === true) logOnce(err);
      }),
    );
    file.setErrorLogger(logOnce).setErrorHandler((err, res) => {
      logOnce(err);
      this.answerFile(res as unknown as ServerResponse, err, request, response);
    });
  }

  // Nest's default answers a stream that failed before its first byte with 400 "Bad Request".
  private answerFile(
    res: ServerResponse,
    err: unknown,
    request: unknown,
    response: unknown,
  ): void {
    try {
      if (res.destroyed) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const { requestId } = this.failure(err, request, response);
      const { contentType, body } = opaqueResponse(
        500,
        requestId,
        this.config.problemDetails,
      );
      res.statusCode = 500;
      res.setHeader(this.config.requestIdHeader, requestId);
      res.setHeader('content-type', contentType);
      res.setHeader('cache-control', 'no-store');
      res.removeHeader('content-disposition');
      res.removeHeader('content-length');
      res.end(JSON.stringify(body));
    } catch {
      read(() => res.destroy());
    }
  }
}
