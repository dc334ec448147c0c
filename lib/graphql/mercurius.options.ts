import { read } from '../common/exception-inspection.js';
import type { GraphQLFailures } from './graphql-failures.js';
import { thrownBehind } from './graphql-error.policy.js';
import { operationNameOf } from './graphql-place.js';

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

/** @internal Mercurius's options made safe: errorFormatter, the operation's name, guarded streams. */
export function safeMercuriusOptions<T extends object>(
  options: T,
  failures: GraphQLFailures,
): T {
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
    for (const error of errors) failures.report(error, operationName, context);
    const safe = errors.map((error) => failures.format(error, error));
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
    guardSubscriptionStreams(transformed, failures);
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

function guardSubscriptionStreams(
  schema: unknown,
  failures: GraphQLFailures,
): void {
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
      return failures.guardedStream(stream, args[3]);
    };
  }
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
