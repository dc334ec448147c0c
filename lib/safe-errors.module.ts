import {
  Module,
  Optional,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import { LogSink } from './log-sink.js';
import { RedactingLogger } from './redacting.logger.js';
import { RequestIdMiddleware } from './request-id.middleware.js';
import { SafeErrorsConfig } from './safe-errors.config.js';
import { SafeErrorsFilter } from './safe-errors.filter.js';
import {
  SafeErrorsConfigurableModule,
  type SAFE_ERRORS_ASYNC_OPTIONS_TYPE,
  type SAFE_ERRORS_OPTIONS_TYPE,
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
    useFactory: (sink: LogSink) => new RedactingLogger(sink),
    inject: [LogSink],
  },
  RequestIdMiddleware,
  { provide: APP_FILTER, useClass: SafeErrorsFilter },
];

function withProviders(module: DynamicModule): DynamicModule {
  return {
    ...module,
    providers: [...(module.providers ?? []), ...PROVIDERS],
    exports: [...(module.exports ?? []), RedactingLogger],
  };
}

/**
 * Safe error responses for a Nest app: every `HttpException` goes out unchanged, everything else as an
 * opaque 500 carrying only a correlation ID, and the full story goes to a redacting log.
 */
@Module({})
export class SafeErrorsModule
  extends SafeErrorsConfigurableModule
  implements NestModule, OnModuleInit
{
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    // Absent when the bare class is imported without forRoot: then the module does nothing at all.
    @Optional() private readonly config?: SafeErrorsConfig,
  ) {
    super();
  }

  /** Registers the filter, the request-ID middleware and `RedactingLogger`. Global unless `isGlobal: false`. */
  static override forRoot(
    options: typeof SAFE_ERRORS_OPTIONS_TYPE = {},
  ): DynamicModule {
    return withProviders(super.forRoot(options));
  }

  /** Like `forRoot`, with options from `useFactory`/`useClass`/`useExisting`. */
  static override forRootAsync(
    options: typeof SAFE_ERRORS_ASYNC_OPTIONS_TYPE,
  ): DynamicModule {
    return withProviders(super.forRootAsync(options));
  }

  configure(consumer: MiddlewareConsumer): void {
    if (!this.config) return;
    consumer.apply(RequestIdMiddleware).forRoutes('*');
  }

  onModuleInit(): void {
    if (!this.config) return;
    const adapter = this.adapterHost.httpAdapter;
    // Express announces itself on every response; a version banner is the first thing a scanner reads.
    if (adapter?.getType?.() === 'express') {
      adapter
        .getInstance<{ disable(setting: string): unknown }>()
        .disable('x-powered-by');
    }
  }
}
