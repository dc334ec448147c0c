import type { GraphQLFailures } from './graphql-failures.js';
import { operationNameOf, payloadOperation } from './graphql-place.js';

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

/**
 * @internal graphql-ws sends a subscription's errors (a stream failing after its first event included)
 * without Apollo's formatError: its own hooks get them instead.
 */
export function safeSubscriptions(
  subscriptions: Record<string, unknown>,
  failures: GraphQLFailures,
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
      for (const error of errors) failures.report(error, operationName);
      safe = { ...rest, errors: errors.map((e) => failures.format(e, e)) };
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
    for (const error of errors) failures.report(error, operationName);
    const safe = errors.map((e) => failures.format(e, e));
    return (await given.onError?.(ctx, id, payload, safe as never)) ?? safe;
  };
  return {
    ...subscriptions,
    'graphql-ws': { ...given, onOperation, onNext, onError, onComplete },
  };
}
