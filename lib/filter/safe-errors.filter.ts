import {
  Catch,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { read } from '../common/exception-inspection.js';
import { LogSink } from '../logging/log-sink.js';
import { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { FailureLog } from './failure-log.policy.js';
import { FrameworkErrorResponder } from './framework-error.responder.js';
import { HttpFailureResponder } from './http-failure.responder.js';
import { OtherContextResponder } from './other-context.responder.js';
import { RpcFailureResponder } from './rpc-failure.responder.js';
import { WsFailureResponder } from './ws-failure.responder.js';

/**
 * The filter `SafeErrorsModule` registers globally. Apply it yourself only where Nest ignores global filters:
 * `@UseFilters(SafeErrorsFilter)` on a WebSocket gateway.
 *
 * `HttpException`s (and `RpcException`s, `WsException`s) go out exactly as Nest
 * sends them; everything else becomes an opaque answer whose only detail is a request ID, while the full
 * story goes to the log. It never throws: every read of the exception is guarded, and a failure while
 * answering ends in a last-resort 500 or a closed connection.
 */
@Catch()
export class SafeErrorsFilter implements ExceptionFilter {
  private readonly http: HttpFailureResponder;
  private readonly frameworkErrors: FrameworkErrorResponder;
  private readonly rpc: RpcFailureResponder;
  private readonly ws: WsFailureResponder;
  private readonly other: OtherContextResponder;

  /** @internal Built by `SafeErrorsModule`; its parameters are the library's own. */
  constructor(
    adapterHost: HttpAdapterHost,
    config: SafeErrorsConfig,
    sink: LogSink,
  ) {
    const log = new FailureLog(sink, config);
    this.http = new HttpFailureResponder(adapterHost, config, log);
    this.frameworkErrors = new FrameworkErrorResponder(
      adapterHost,
      config,
      log,
    );
    this.rpc = new RpcFailureResponder(config, log);
    this.ws = new WsFailureResponder(config, log);
    this.other = new OtherContextResponder(config, log, adapterHost);
  }

  /** Answers `exception` as the transport of `host` expects. */
  catch(exception: unknown, host: ArgumentsHost): unknown {
    const type = read(() => host.getType<string>());
    if (type === 'http') return this.http.answer(exception, host);
    if (type === 'rpc') return this.rpc.answer(exception, host);
    if (type === 'ws') return this.ws.answer(exception, host);
    return this.other.answer(
      exception,
      type,
      type === 'graphql' ? read(() => host.getArgs()) : undefined,
    );
  }

  /**
   * @internal Answers an error Fastify's router raises before any hook or filter runs (a malformed URL, an over-long
   * route parameter): its status is kept, nothing of the URL is echoed, and it is logged like any failure.
   */
  answerFrameworkError(error: unknown, request: unknown, reply: unknown): void {
    this.frameworkErrors.answer(error, request, reply);
  }
}
