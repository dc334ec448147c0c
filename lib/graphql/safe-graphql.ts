import { Injectable, type HttpException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { read } from '../common/exception-inspection.js';
import { describeRequest } from '../filter/request-info.js';
import { markAnswered } from '../filter/answered-errors.js';
import { FailureLog } from '../filter/failure-log.policy.js';
import { OPAQUE_ERROR_MESSAGE } from '../module/safe-errors.constants.js';
import { LogSink } from '../logging/log-sink.js';
import { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { getRequestId } from '../request-id/request-context.js';
import {
  classifyGraphQLError,
  safeFormatted,
  thrownBehind,
  type FormattedGraphQLError,
  type GraphQLFailure,
} from './graphql-error.policy.js';
import { graphqlPlace, graphqlRequestOf, pathText } from './graphql-place.js';

type FormatError = (formatted: unknown, error: unknown) => unknown;

interface ApolloLikeOptions {
  formatError?: FormatError;
  plugins?: unknown[];
  includeStacktraceInErrorResponses?: boolean;
  subscriptions?: Record<string, unknown>;
}

// graphql-ws's server hooks, as Nest's subscription service hands them to useServer().
type WsNext = (
  ctx: unknown,
  id: string,
  payload: unknown,
  args: unknown,
  result: { data?: unknown; errors?: readonly unknown[] },
) => unknown;
type WsError = (
  ctx: unknown,
  id: string,
  payload: unknown,
  errors: readonly unknown[],
) => unknown;

type WsOperation = (
  ctx: unknown,
  id: string,
  payload: unknown,
  args: unknown,
  result: unknown,
) => unknown;
type WsComplete = (ctx: unknown, id: string, payload: unknown) => unknown;

interface GraphQLWsOptions {
  onNext?: WsNext;
  onError?: WsError;
  onOperation?: WsOperation;
  onComplete?: WsComplete;
}

type MercuriusErrorFormatter = (
  execution: MercuriusExecution,
  context: unknown,
) => { statusCode?: number; response: unknown };

interface MercuriusExecution {
  data?: unknown;
  errors?: readonly unknown[];
  statusCode?: number;
}

interface MercuriusLikeOptions {
  errorFormatter?: MercuriusErrorFormatter;
  hooks?: Record<string, unknown>;
  transformSchema?: (schema: unknown) => unknown;
}

interface SubscriptionField {
  subscribe?: (...args: unknown[]) => unknown;
}

interface ErrorsContext {
  errors?: readonly unknown[];
  operationName?: string | null;
  contextValue?: unknown;
}

/**
 * The GraphQL side of the library, opt-in: wraps a driver's options so that every error leaving GraphQL
 * follows the module's rules. An HttpException goes out as Nest shows it (an ID added to its
 * `extensions`); anything else, field resolvers included (and a 5xx HttpException under
 * `opaqueServerErrors`), as `Internal server error` with `extensions.code` and `extensions.requestId`;
 * no stack in any mode; each failure logged once with the ID, the field's path and the operation's name.
 *
 * ```ts
 * GraphQLModule.forRootAsync<ApolloDriverConfig>({
 *   driver: ApolloDriver,
 *   inject: [SafeGraphQL],
 *   useFactory: (safe: SafeGraphQL) => safe.apollo({ autoSchemaFile: true }),
 * });
 * ```
 */
@Injectable()
export class SafeGraphQL {
  private readonly log: FailureLog;
  // One ID per failure, shared by its log line and its answer when no request carries one.
  private readonly ids = new WeakMap<object, string>();

  /** @internal Built by `SafeErrorsModule`; its parameters are the library's own. */
  constructor(
    private readonly config: SafeErrorsConfig,
    sink: LogSink,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.log = new FailureLog(sink, config.censor);
  }

  /** Apollo (`@nestjs/apollo`, Express or Fastify): the options to give `GraphQLModule`, made safe. */
  apollo<T extends object>(options: T): T {
    const given = options as T & ApolloLikeOptions;
    const userFormat = given.formatError;
    const formatError: FormatError = (formatted, error) => {
      const safe = this.format(formatted, error);
      return userFormat ? userFormat(safe, error) : safe;
    };
    const plugin = {
      requestDidStart: async () => ({
        // Called once per operation with every error, before any is formatted.
        didEncounterErrors: async (context: ErrorsContext) => {
          for (const error of context.errors ?? [])
            this.report(
              error,
              context.operationName ?? undefined,
              context.contextValue,
            );
        },
      }),
    };
    return {
      ...options,
      includeStacktraceInErrorResponses: false,
      formatError,
      plugins: [...(given.plugins ?? []), plugin],
      ...(given.subscriptions !== undefined && {
        subscriptions: this.safeSubscriptions(given.subscriptions),
      }),
    };
  }

  // graphql-ws sends a subscription's errors (a stream failing after its first event included) without
  // Apollo's formatError: its own hooks get them instead.
  private safeSubscriptions(
    subscriptions: Record<string, unknown>,
  ): Record<string, unknown> {
    const ws = subscriptions['graphql-ws'];
    if (ws === undefined || ws === false) return subscriptions;
    const given = (ws === true ? {} : ws) as GraphQLWsOptions;
    // The operation's name by connection and subscription ID: a stream's error comes with neither.
    const names = new WeakMap<object, Map<string, string>>();
    const nameOf = (ctx: unknown, id: string, payload: unknown) =>
      (typeof ctx === 'object' && ctx !== null
        ? names.get(ctx)?.get(id)
        : undefined) ?? payloadOperation(payload);
    const forget = (ctx: unknown, id: string) => {
      if (typeof ctx === 'object' && ctx !== null) names.get(ctx)?.delete(id);
    };
    const onOperation: WsOperation = (ctx, id, payload, args, result) => {
      const name = operationNameOf((args as { document?: unknown })?.document);
      if (name !== undefined && typeof ctx === 'object' && ctx !== null) {
        let byId = names.get(ctx);
        if (!byId) names.set(ctx, (byId = new Map()));
        byId.set(id, name);
      }
      return given.onOperation?.(ctx, id, payload, args, result);
    };
    const onComplete: WsComplete = (ctx, id, payload) => {
      forget(ctx, id);
      return given.onComplete?.(ctx, id, payload);
    };
    const onNext: WsNext = async (ctx, id, payload, args, result) => {
      let safe: typeof result | undefined;
      if (result.errors?.length) {
        const operationName = nameOf(ctx, id, payload);
        const { errors, ...rest } = result;
        for (const error of errors) this.report(error, operationName);
        safe = { ...rest, errors: errors.map((e) => this.format(e, e)) };
      }
      // A hook of yours runs after, on the safe result, as a formatError of yours does.
      const replaced = await given.onNext?.(
        ctx,
        id,
        payload,
        args,
        safe ?? result,
      );
      return replaced ?? safe;
    };
    const onError: WsError = async (ctx, id, payload, errors) => {
      const operationName = nameOf(ctx, id, payload);
      forget(ctx, id);
      for (const error of errors) this.report(error, operationName);
      const safe = errors.map((e) => this.format(e, e));
      return (await given.onError?.(ctx, id, payload, safe as never)) ?? safe;
    };
    return {
      ...subscriptions,
      'graphql-ws': { ...given, onOperation, onNext, onError, onComplete },
    };
  }

  /** Mercurius (`@nestjs/mercurius`): the options to give `GraphQLModule`, made safe. */
  mercurius<T extends object>(options: T): T {
    const given = options as T & MercuriusLikeOptions;
    // The operation's name, read before it runs; the formatter only gets the context.
    const operations = new WeakMap<object, string>();
    const preExecution = async (
      _schema: unknown,
      document: unknown,
      context: unknown,
    ) => {
      const name = operationNameOf(document);
      if (name !== undefined && typeof context === 'object' && context !== null)
        operations.set(context, name);
    };
    const userFormatter = given.errorFormatter;
    const errorFormatter: MercuriusErrorFormatter = (execution, context) => {
      const operationName =
        typeof context === 'object' && context !== null
          ? operations.get(context)
          : undefined;
      const errors = (execution.errors ?? []).flatMap(expandValidation);
      for (const error of errors) this.report(error, operationName, context);
      const safe = errors.map((error) => this.format(error, error));
      const result = {
        statusCode: mercuriusStatus(execution),
        response: { data: execution.data ?? null, errors: safe },
      };
      // Mercurius's own formatter is not called: it logs every error's raw message through Fastify's logger.
      return userFormatter
        ? userFormatter({ ...execution, errors: safe }, context)
        : result;
    };
    const earlier = given.hooks?.preExecution;
    const userTransform = given.transformSchema;
    // Mercurius sends a subscription stream's error raw, past every hook: the streams are guarded at
    // their source instead, in the schema Nest built.
    const transformSchema = async (schema: unknown) => {
      const transformed = userTransform ? await userTransform(schema) : schema;
      this.guardSubscriptionStreams(transformed);
      return transformed;
    };
    return {
      ...options,
      errorFormatter,
      transformSchema,
      hooks: {
        ...given.hooks,
        preExecution: [
          ...(Array.isArray(earlier) ? earlier : earlier ? [earlier] : []),
          preExecution,
        ],
      },
    };
  }

  private guardSubscriptionStreams(schema: unknown): void {
    const type = read(() =>
      (
        schema as { getSubscriptionType?: () => unknown }
      )?.getSubscriptionType?.(),
    ) as { getFields?: () => Record<string, SubscriptionField> } | undefined;
    const fields = read(() => type?.getFields?.()) ?? {};
    for (const field of Object.values(fields)) {
      const subscribe = field.subscribe;
      if (typeof subscribe !== 'function') continue;
      field.subscribe = async (...args: unknown[]) => {
        const stream = await subscribe(...args);
        return this.guardedStream(stream, args[3]);
      };
    }
  }

  /** `stream`, whose failure is logged once and thrown on as an opaque error carrying a fresh ID. */
  private guardedStream(stream: unknown, info: unknown): unknown {
    const source = stream as AsyncIterable<unknown> | undefined;
    if (typeof source?.[Symbol.asyncIterator] !== 'function') return stream;
    const fail = (err: unknown): never => {
      const requestId = getRequestId() ?? this.config.newRequestId();
      this.log.handlerFailed(err, requestId, graphqlPlace(info));
      const opaque = new Error(OPAQUE_ERROR_MESSAGE);
      opaque.stack = `Error: ${OPAQUE_ERROR_MESSAGE}`;
      markAnswered(opaque, requestId);
      throw Object.assign(opaque, {
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      });
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

  private report(
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

  private format(formatted: unknown, error: unknown): FormattedGraphQLError {
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

/** The first named operation of a parsed document (duck-typed graphql-js AST). */
function operationNameOf(document: unknown): string | undefined {
  try {
    const definitions = (document as { definitions?: unknown[] })?.definitions;
    for (const d of definitions ?? []) {
      const def = d as { kind?: unknown; name?: { value?: unknown } };
      if (
        def.kind === 'OperationDefinition' &&
        typeof def.name?.value === 'string'
      )
        return def.name.value;
    }
  } catch {
    // an AST of another shape: no name
  }
  return undefined;
}

function payloadOperation(payload: unknown): string | undefined {
  const name = (payload as { operationName?: unknown } | undefined)
    ?.operationName;
  return typeof name === 'string' ? name.slice(0, 200) : undefined;
}

/** Mercurius gathers validation errors under one error of its own: they are the client's, one by one. */
function expandValidation(error: unknown): unknown[] {
  const inner = (thrownBehind(error) as { errors?: unknown } | undefined)
    ?.errors;
  return Array.isArray(inner) ? inner : [error];
}

/** The status Mercurius would answer with: 200 once anything ran, else the single error's own. */
function mercuriusStatus(execution: MercuriusExecution): number {
  if (execution.data) return 200;
  if (execution.statusCode !== undefined) return execution.statusCode;
  const errors = execution.errors ?? [];
  const status = (
    thrownBehind(errors[0]) as { statusCode?: unknown } | undefined
  )?.statusCode;
  return errors.length === 1 && typeof status === 'number' ? status : 200;
}

function withPath(path: string | undefined): { path?: string } {
  return path === undefined ? {} : { path };
}
