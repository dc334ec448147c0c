import {
  Module,
  Optional,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import {
  APP_FILTER,
  ApplicationConfig,
  HttpAdapterHost,
  ModulesContainer,
} from '@nestjs/core';
import { FRAMEWORK_ERRORS_RESPONDER } from '../filter/fastify-framework-errors.js';
import { LogSink } from '../logging/log-sink.js';
import {
  routeNestLogger,
  routeNestLoggerEarly,
  unrouteNestLogger,
} from '../logging/nest-logger.route.js';
import { RedactingLogger, loggerOnSink } from '../logging/redacting.logger.js';
import { armLastResort } from '../process/last-resort.handler.js';
import {
  RequestIdMiddleware,
  registerOnPlatform,
  stampOnServer,
} from '../request-id/request-id.middleware.js';
import { SafeErrorsConfig } from './safe-errors.config.js';
import { RequestLines } from '../request-log/request-lines.js';
import { trackThrownSpans } from '../logging/thrown-spans.js';
import { SafeGraphQL } from '../graphql/safe-graphql.js';
import { SafeErrorsFilter } from '../filter/safe-errors.filter.js';
import { StreamFailureInterceptor } from '../filter/stream-failure.interceptor.js';
import { attachStreamGuards } from '../filter/stream-guards.js';
import {
  adapterMapsFrameworkErrors,
  mapExpressFrameworkErrors,
} from '../filter/express-framework-errors.js';
import {
  SafeErrorsConfigurableModule,
  type SafeErrorsModuleAsyncOptions,
  type SafeErrorsModuleRootOptions,
} from './safe-errors.module-definition.js';

const PROVIDERS: Provider[] = [
  SafeErrorsConfig,
  {
    provide: LogSink,
    useFactory: (config: SafeErrorsConfig) =>
      new LogSink(config.logger, config.redactor),
    inject: [SafeErrorsConfig],
  },
  {
    provide: RedactingLogger,
    useFactory: (sink: LogSink) => loggerOnSink(sink),
    inject: [LogSink],
  },
  RequestLines,
  RequestIdMiddleware,
  SafeErrorsFilter,
  { provide: APP_FILTER, useExisting: SafeErrorsFilter },
  // SSE streams and StreamableFiles fail where no exception filter can answer any more.
  StreamFailureInterceptor,
  SafeGraphQL,
];

function withProviders(module: DynamicModule): DynamicModule {
  return {
    ...module,
    providers: [...(module.providers ?? []), ...PROVIDERS],
    // The filter and what it needs are exported for `@UseFilters(SafeErrorsFilter)` on WebSocket gateways,
    // which Nest never hands to global filters. SafeErrorsConfig and LogSink are classes the package's
    // exports map keeps out of reach: no user code can name them.
    exports: [
      ...(module.exports ?? []),
      RedactingLogger,
      SafeErrorsConfig,
      LogSink,
      SafeErrorsFilter,
      SafeGraphQL,
    ],
  };
}

/**
 * Safe error responses for a Nest app: every `HttpException` goes out unchanged, everything else as an
 * opaque 500 carrying only a correlation ID, and the full story goes to a redacting log.
 */
@Module({})
export class SafeErrorsModule
  extends SafeErrorsConfigurableModule
  implements NestModule, OnModuleInit, OnApplicationShutdown
{
  // What undoes the process-wide hooks below, when the app shuts down.
  private readonly undo: (() => void)[] = [];

  /** @internal Built by Nest; its parameters are the library's own. */
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly appConfig: ApplicationConfig,
    private readonly modules: ModulesContainer,
    // Absent when the bare class is imported without forRoot: then the module does nothing at all.
    @Optional() private readonly config?: SafeErrorsConfig,
    @Optional() private readonly filter?: SafeErrorsFilter,
    @Optional() logger?: RedactingLogger,
    @Optional() sink?: LogSink,
    @Optional() private readonly streams?: StreamFailureInterceptor,
    @Optional() private readonly lines?: RequestLines,
  ) {
    super();
    // Here rather than in a lifecycle hook: modules are built before any of them is initialised, and
    // what fails in between (another module's onModuleInit, a provider's factory) must already be caught.
    if (config && logger && config.nestLogger)
      this.undo.push(routeNestLogger(logger));
    else if (config) unrouteNestLogger();
    // Before main.ts runs: app.use(), enableCors() and helmet come after the ID, not before it.
    if (config) registerOnPlatform(adapterHost.httpAdapter, config, lines);
    // The filter's line names the span where an error was thrown, when OpenTelemetry is there.
    if (config) this.undo.push(trackThrownSpans());
    if (config && sink && config.lastResort)
      this.undo.push(
        armLastResort({
          report: (origin, fault) =>
            sink.write(
              'fatal',
              origin === 'uncaughtException'
                ? 'Uncaught exception'
                : 'Unhandled rejection',
              { error: fault, origin },
              'SafeErrorsModule',
              config.newRequestId(),
            ),
          flush: () => sink.close(),
        }),
      );
  }

  /** Gives Nest's logger and the process's fault handling back as they were. */
  onApplicationShutdown(): void {
    for (const undo of this.undo.splice(0)) undo();
  }

  /** Registers the filter, the request-ID middleware and `RedactingLogger`. Global unless `isGlobal: false`. */
  static override forRoot(
    options: SafeErrorsModuleRootOptions = {},
  ): DynamicModule {
    if ((options as { nestLogger?: unknown }).nestLogger !== false)
      routeNestLoggerEarly();
    return withProviders(super.forRoot(options));
  }

  /** Like `forRoot`, with options from `useFactory`/`useClass`/`useExisting`. */
  static override forRootAsync(
    options: SafeErrorsModuleAsyncOptions,
  ): DynamicModule {
    // The options are not known yet: routed now, given back at boot if they say `nestLogger: false`.
    routeNestLoggerEarly();
    return withProviders(super.forRootAsync(options));
  }

  /** Registers the request-ID middleware ahead of the app's own. */
  configure(consumer: MiddlewareConsumer): void {
    if (!this.config) return;
    // Nest builds each route's filter and interceptor lists while registering routes, right after middleware.
    this.yieldToUserFilters();
    const adapter = this.adapterHost.httpAdapter;
    if (this.streams) attachStreamGuards(this.modules, adapter, this.streams);
    stampOnServer(adapter?.getHttpServer?.(), this.config, this.lines);
    if (!registerOnPlatform(adapter, this.config, this.lines)) {
      consumer.apply(RequestIdMiddleware).forRoutes('*');
    }
    // Nest has registered its body parsers by now, and registers the routes right after.
    if (
      adapter?.getType?.() === 'express' &&
      !adapterMapsFrameworkErrors(adapter)
    )
      adapter.use(mapExpressFrameworkErrors);
  }

  /**
   * Moves the catch-all to the very end of Nest's global filters, so that every filter of the app's claims
   * what it catches first, whatever module registered it and in what order. Nest tries global filters
   * from the last registered to the first.
   */
  private yieldToUserFilters(): void {
    const filter = this.filter;
    if (!filter) return;
    const filters = this.appConfig.getGlobalFilters();
    const index = filters.indexOf(filter);
    if (index <= 0) return;
    filters.splice(index, 1);
    filters.unshift(filter);
  }

  /** Hardens the HTTP adapter: no version banner on Express, router errors answered on Fastify. */
  onModuleInit(): void {
    if (!this.config) return;
    // A microservice builds its handlers' filter lists when it starts listening, after this hook.
    this.yieldToUserFilters();
    const adapter = this.adapterHost.httpAdapter;
    const type = adapter?.getType?.();
    // Express announces itself on every response; a version banner is the first thing a scanner reads.
    if (type === 'express') {
      adapter
        .getInstance<{ disable(setting: string): unknown }>()
        .disable('x-powered-by');
    }
    // Lets `fastifyFrameworkErrors`, created before the app, answer through this app's filter and logger.
    const filter = this.filter;
    if (type === 'fastify' && filter) {
      const instance = adapter.getInstance<Record<symbol, unknown>>();
      instance[FRAMEWORK_ERRORS_RESPONDER] = (
        error: unknown,
        request: unknown,
        reply: unknown,
      ) => filter.answerFrameworkError(error, request, reply);
    }
  }
}
