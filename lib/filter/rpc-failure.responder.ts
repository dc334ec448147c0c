import type { ArgumentsHost } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { extendsClassNamed, read } from '../common/exception-inspection.js';
import type { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';
import { getRequestId } from '../request-id/request-context.js';
import type { FailureLog } from './failure-log.policy.js';
import { isObject } from '../common/is-object.js';

interface RpcContextLike {
  getPattern?: () => unknown;
}

/**
 * @internal The microservice answer, the counterpart of Nest's BaseRpcExceptionFilter: an `RpcException`
 * goes back exactly as Nest sends it, anything else as an opaque error carrying only a request ID.
 */
export class RpcFailureResponder {
  constructor(
    private readonly config: SafeErrorsConfig,
    private readonly log: FailureLog,
  ) {}

  answer(exception: unknown, host: ArgumentsHost): Observable<never> {
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
      const ctx = host.switchToRpc().getContext<RpcContextLike>();
      return ctx?.getPattern?.();
    });
    this.log.handlerFailed(exception, requestId, { transport: 'rpc', pattern });
    return throwError(() => ({
      status: 'error',
      message: OPAQUE_ERROR_MESSAGE,
      requestId,
    }));
  }
}
