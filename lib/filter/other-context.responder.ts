import type { HttpAdapterHost } from '@nestjs/core';
import { isHttpException, read } from '../common/exception-inspection.js';
import type { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { getRequestId } from '../request-id/request-context.js';
import { graphqlPlace, graphqlRequestOf } from '../graphql/graphql-place.js';
import { describeRequest } from './request-info.js';
import { answeredError } from './answered-errors.js';
import type { FailureLog } from './failure-log.policy.js';

/**
 * @internal GraphQL and every other context: the caller reports what the filter returns, so an
 * `HttpException` is returned unchanged and anything else as an opaque error carrying only a request ID.
 */
export class OtherContextResponder {
  constructor(
    private readonly config: SafeErrorsConfig,
    private readonly log: FailureLog,
    private readonly adapterHost?: HttpAdapterHost,
  ) {}

  answer(
    exception: unknown,
    type: string | undefined,
    args?: readonly unknown[],
  ): unknown {
    if (isHttpException(exception)) return exception;
    const requestId = getRequestId() ?? this.config.newRequestId();
    this.log.handlerFailed(
      exception,
      requestId,
      // A resolver's context holds the HTTP request; its fourth argument says which field failed.
      type === 'graphql'
        ? {
            ...describeRequest(
              graphqlRequestOf(args?.[2]),
              read(() => this.adapterHost?.httpAdapter),
              this.config.censor,
            ),
            ...graphqlPlace(args?.[3]),
          }
        : { transport: type ?? 'unknown' },
    );
    return answeredError(requestId);
  }
}
