import type { ArgumentsHost, HttpException, HttpServer } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { isHttpException } from '../common/exception-inspection.js';
import type { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { closeUnfinished } from './close-unfinished.js';
import type { FailureLog } from './failure-log.policy.js';
import { isObject } from '../common/is-object.js';
import { answerLastResort } from './last-resort.js';
import { sendOpaque } from './opaque-response.js';
import { requestFailure, type RequestFailure } from './request-failure.js';
import { isServerError } from './status.policy.js';
import { headersSent, reply, setHeader } from './http-reply.js';

/**
 * @internal The HTTP answer, the counterpart of Nest's BaseExceptionFilter: an `HttpException` goes out
 * exactly as Nest sends it, anything else as an opaque answer carrying only the request ID. A failure of
 * the answer itself ends in the last resort.
 */
export class HttpFailureResponder {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: SafeErrorsConfig,
    private readonly log: FailureLog,
  ) {}

  answer(exception: unknown, host: ArgumentsHost): void {
    const failure = requestFailure(
      {
        exception,
        adapter: this.adapterHost.httpAdapter,
        request: host.getArgByIndex(0),
        response: host.getArgByIndex(1),
      },
      this.config,
    );
    const { adapter, response, requestId } = failure;
    let logged = false;
    try {
      if (!adapter) throw new Error('no HTTP adapter');
      if (!failure.idAssigned)
        setHeader(adapter, response, this.config.requestIdHeader, requestId);
      let status = 500;
      if (isHttpException(exception)) {
        status = exception.getStatus();
        if (!(this.config.opaqueServerErrors && isServerError(status))) {
          this.passThrough(failure, exception, status, adapter);
          return;
        }
      }
      logged = true;
      this.log.requestFailed(failure, status);
      sendOpaque(
        adapter,
        response,
        status,
        requestId,
        this.config.problemDetails,
      );
    } catch (answerError) {
      if (!logged) this.log.requestFailed(failure, 500);
      this.log.answerFailed(requestId, answerError);
      answerLastResort(
        failure,
        this.config.requestIdHeader,
        this.config.problemDetails,
      );
    }
  }

  private passThrough(
    failure: RequestFailure,
    exception: HttpException,
    status: number,
    adapter: HttpServer,
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
    if (headersSent(adapter, failure.response)) {
      // Too late for any answer: Nest would end() the response and let a truncated body look whole.
      this.log.requestFailed(failure, status);
      closeUnfinished(failure.response);
      return;
    }
    reply(adapter, failure.response, body, status);
    this.log.passedThrough(failure, exception, status);
  }
}
