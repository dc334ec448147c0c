import type { HttpException } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { read } from '../common/exception-inspection.js';
import { answeredError } from '../filter/answered-errors.js';
import type { FailureLog } from '../filter/failure-log.policy.js';
import { describeRequest } from '../filter/request-info.js';
import type { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { getRequestId } from '../request-id/request-context.js';
import {
  classifyGraphQLError,
  safeFormatted,
  thrownBehind,
  type FormattedGraphQLError,
  type GraphQLFailure,
} from './graphql-error.policy.js';
import { graphqlPlace, graphqlRequestOf, pathText } from './graphql-place.js';

/**
 * @internal What every driver's hooks do with an operation's errors: log each failure once, and give the
 * client its safe form, both under one ID.
 */
export class GraphQLFailures {
  // One ID per failure, shared by its log line and its answer when no request carries one.
  private readonly ids = new WeakMap<object, string>();

  constructor(
    private readonly config: SafeErrorsConfig,
    private readonly log: FailureLog,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** `stream`, whose failure is logged once and thrown on as an opaque error carrying a fresh ID. */
  guardedStream(stream: unknown, info: unknown): unknown {
    const source = stream as AsyncIterable<unknown> | undefined;
    if (typeof source?.[Symbol.asyncIterator] !== 'function') return stream;
    const fail = (err: unknown): never => {
      const requestId = getRequestId() ?? this.config.newRequestId();
      this.log.handlerFailed(err, requestId, graphqlPlace(info));
      throw answeredError(requestId);
    };
    return {
      [Symbol.asyncIterator]() {
        const it = source[Symbol.asyncIterator]();
        const guarded: AsyncIterator<unknown> & AsyncIterable<unknown> = {
          next: async (...value: [] | [unknown]) => {
            try {
              return await it.next(...value);
            } catch (err) {
              return fail(err);
            }
          },
          return: (value?: unknown) =>
            it.return
              ? it.return(value)
              : Promise.resolve({ done: true, value }),
          throw: (err?: unknown) =>
            it.throw ? it.throw(err) : Promise.reject(err as Error),
          [Symbol.asyncIterator]: () => guarded,
        };
        return guarded;
      },
    };
  }

  private failureOf(error: unknown): GraphQLFailure {
    return classifyGraphQLError(error, this.config.opaqueServerErrors);
  }

  private idFor(error: unknown, failure: GraphQLFailure): string {
    if (failure.kind === 'answered') return failure.requestId;
    const fromRequest = getRequestId();
    if (fromRequest !== undefined) return fromRequest;
    const key = thrownBehind(error) ?? error;
    if (typeof key !== 'object' || key === null)
      return this.config.newRequestId();
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.config.newRequestId();
      this.ids.set(key, id);
    }
    return id;
  }

  report(
    error: unknown,
    operationName: string | undefined,
    context?: unknown,
  ): void {
    try {
      const failure = this.failureOf(error);
      if (failure.kind === 'answered' || failure.kind === 'client') return;
      const place = {
        ...describeRequest(
          graphqlRequestOf(context),
          read(() => this.adapterHost.httpAdapter),
          this.config.censor,
        ),
        ...graphqlPlace(undefined, operationName),
        ...withPath(pathText((error as { path?: unknown })?.path)),
      };
      const id = this.idFor(error, failure);
      if (failure.kind === 'opaque')
        this.log.handlerFailed(failure.exception, id, place, failure.status);
      else
        this.log.passedThroughIn(
          failure.exception as HttpException,
          id,
          place,
          failure.status,
        );
    } catch {
      // Logging must never cost the client its answer.
    }
  }

  format(formatted: unknown, error: unknown): FormattedGraphQLError {
    try {
      const failure = this.failureOf(error);
      return safeFormatted(formatted, failure, this.idFor(error, failure));
    } catch {
      return safeFormatted(
        undefined,
        { kind: 'opaque', status: 500, exception: undefined },
        this.config.newRequestId(),
      );
    }
  }
}

function withPath(path: string | undefined): { path?: string } {
  return path === undefined ? {} : { path };
}
