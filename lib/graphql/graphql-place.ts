import { read } from '../common/exception-inspection.js';
import type { TransportInfo } from '../filter/failure-log.policy.js';

/** @internal Where in a GraphQL operation a failure happened, as the failure line says it. */
export interface GraphQLPlace extends TransportInfo {
  transport: 'graphql';
  /** The field's path in the result, `orders.0.note`. */
  path?: string;
  operationName?: string;
}

interface PathLink {
  key?: unknown;
  prev?: PathLink;
}

// Fields nest without bound in a query; a path longer than this is cut at its start.
const MAX_PATH_SEGMENTS = 64;

/** @internal `orders.0.note` from graphql-js's linked path (`info.path`) or a result path array. */
export function pathText(path: unknown): string | undefined {
  return read(() => {
    const keys: string[] = [];
    if (Array.isArray(path)) {
      for (const key of path.slice(-MAX_PATH_SEGMENTS)) keys.push(String(key));
    } else {
      let link = path as PathLink | undefined;
      while (link && keys.length < MAX_PATH_SEGMENTS) {
        keys.unshift(String(link.key));
        link = link.prev;
      }
    }
    return keys.length ? keys.join('.') : undefined;
  });
}

/** @internal The place of a resolver's failure, read from its `info` argument (duck-typed: no graphql import). */
export function graphqlPlace(
  info: unknown,
  operationName?: string,
): GraphQLPlace {
  const resolveInfo = info as
    { path?: unknown; operation?: { name?: { value?: unknown } } } | undefined;
  const name =
    operationName ??
    read(() => {
      const value = resolveInfo?.operation?.name?.value;
      return typeof value === 'string' ? value : undefined;
    });
  const path = pathText(read(() => resolveInfo?.path));
  return {
    transport: 'graphql',
    ...(path !== undefined && { path }),
    ...(name !== undefined && { operationName: name.slice(0, 200) }),
  };
}

/** @internal The HTTP request in a GraphQL context: Nest's drivers put it at `req` (Mercurius: `reply.request`). */
export function graphqlRequestOf(context: unknown): unknown {
  return read(() => {
    const ctx = context as
      { req?: unknown; reply?: { request?: unknown } } | undefined;
    return ctx?.req ?? ctx?.reply?.request;
  });
}

/** @internal The first named operation of a parsed document (duck-typed graphql-js AST). */
export function operationNameOf(document: unknown): string | undefined {
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

/** @internal The operation name a client sent beside its query. */
export function payloadOperation(payload: unknown): string | undefined {
  const name = (payload as { operationName?: unknown } | undefined)
    ?.operationName;
  return typeof name === 'string' ? name.slice(0, 200) : undefined;
}
