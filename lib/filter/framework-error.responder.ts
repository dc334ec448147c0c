import type { HttpAdapterHost } from '@nestjs/core';
import { read } from '../common/exception-inspection.js';
import type { SafeErrorsConfig } from '../module/safe-errors.config.js';
import type { FailureLog } from './failure-log.policy.js';
import { answerLastResort } from './last-resort.js';
import { sendOpaque } from './opaque-response.js';
import { requestFailure } from './request-failure.js';
import { errorStatus } from './status.policy.js';
import { setHeader } from './http-reply.js';

/**
 * @internal The answer to an error Fastify's router raises before any hook or filter runs (a malformed
 * URL, an over-long route parameter): its error status is kept, nothing of the URL is echoed, and it is
 * logged like any failure. `fastifyFrameworkErrors` hands such errors here.
 */
export class FrameworkErrorResponder {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: SafeErrorsConfig,
    private readonly log: FailureLog,
  ) {}

  answer(error: unknown, request: unknown, reply: unknown): void {
    const failure = requestFailure(
      {
        exception: error,
        adapter: this.adapterHost.httpAdapter,
        request,
        response: reply,
      },
      this.config,
    );
    const { adapter, requestId } = failure;
    const status = errorStatus(
      read(() => (error as { statusCode?: unknown }).statusCode),
      400,
    );
    this.log.requestFailed(failure, status);
    try {
      if (!adapter) throw new Error('no HTTP adapter');
      // No hook has run yet, so the response has no ID header.
      setHeader(adapter, reply, this.config.requestIdHeader, requestId);
      sendOpaque(adapter, reply, status, requestId, this.config.problemDetails);
    } catch {
      answerLastResort(
        failure,
        this.config.requestIdHeader,
        this.config.problemDetails,
      );
    }
  }
}
