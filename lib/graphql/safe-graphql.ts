import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FailureLog } from '../filter/failure-log.policy.js';
import { LogSink } from '../logging/log-sink.js';
import { SafeErrorsConfig } from '../module/safe-errors.config.js';
import { safeApolloOptions } from './apollo.options.js';
import { GraphQLFailures } from './graphql-failures.js';
import { safeMercuriusOptions } from './mercurius.options.js';

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
  private readonly failures: GraphQLFailures;

  /** @internal Built by `SafeErrorsModule`; its parameters are the library's own. */
  constructor(
    config: SafeErrorsConfig,
    sink: LogSink,
    adapterHost: HttpAdapterHost,
  ) {
    this.failures = new GraphQLFailures(
      config,
      new FailureLog(sink, config),
      adapterHost,
    );
  }

  /** Apollo (`@nestjs/apollo`, Express or Fastify): the options to give `GraphQLModule`, made safe. */
  apollo<T extends object>(options: T): T {
    return safeApolloOptions(options, this.failures);
  }

  /** Mercurius (`@nestjs/mercurius`): the options to give `GraphQLModule`, made safe. */
  mercurius<T extends object>(options: T): T {
    return safeMercuriusOptions(options, this.failures);
  }
}
