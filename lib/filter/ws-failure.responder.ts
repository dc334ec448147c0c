import type { ArgumentsHost } from '@nestjs/common';
import { extendsClassNamed, read } from '../common/exception-inspection.js';
import type { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';
import { getRequestId } from '../request-id/request-context.js';
import type { FailureLog } from './failure-log.policy.js';
import { isObject } from '../common/is-object.js';

/** A native WebSocket (`ws`) or a Socket.IO socket. */
interface ClientLike {
  readyState?: unknown;
  send?: (data: string) => unknown;
  emit?: (event: string, payload: unknown) => unknown;
}

/**
 * @internal The WebSocket answer, the counterpart of Nest's BaseWsExceptionFilter: a `WsException` is
 * emitted exactly as Nest emits it, anything else as an opaque `exception` event carrying only a request
 * ID. A client that is gone gets nothing, and nothing is thrown.
 */
export class WsFailureResponder {
  constructor(
    private readonly config: SafeErrorsConfig,
    private readonly log: FailureLog,
  ) {}

  answer(exception: unknown, host: ArgumentsHost): void {
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
      this.log.handlerFailed(exception, requestId, {
        transport: 'ws',
        pattern,
      });
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
}
