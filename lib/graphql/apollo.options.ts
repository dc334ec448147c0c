import type { GraphQLFailures } from './graphql-failures.js';
import { safeSubscriptions } from './graphql-ws.hooks.js';

type FormatError = (formatted: unknown, error: unknown) => unknown;

interface ApolloLikeOptions {
  formatError?: FormatError;
  plugins?: unknown[];
  includeStacktraceInErrorResponses?: boolean;
  subscriptions?: Record<string, unknown>;
}

interface ErrorsContext {
  errors?: readonly unknown[];
  operationName?: string | null;
  contextValue?: unknown;
}

/** @internal Apollo's options made safe: formatError, a plugin that logs, no stacks, graphql-ws hooks. */
export function safeApolloOptions<T extends object>(
  options: T,
  failures: GraphQLFailures,
): T {
  const given = options as T & ApolloLikeOptions;
  const userFormat = given.formatError;
  const formatError: FormatError = (formatted, error) => {
    const safe = failures.format(formatted, error);
    return userFormat ? userFormat(safe, error) : safe;
  };
  const plugin = {
    requestDidStart: async () => ({
      // Called once per operation with every error, before any is formatted.
      didEncounterErrors: async (context: ErrorsContext) => {
        for (const error of context.errors ?? [])
          failures.report(
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
      subscriptions: safeSubscriptions(given.subscriptions, failures),
    }),
  };
}
