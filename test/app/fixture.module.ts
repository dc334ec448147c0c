import {
  Module,
  ValidationPipe,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import {
  SafeErrorsModule,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { FailuresController } from './failures.controller.js';

function throwingMiddleware(): never {
  throw new Error('middleware failed');
}

@Module({
  controllers: [FailuresController],
  providers: [{ provide: APP_PIPE, useValue: new ValidationPipe() }],
})
class FailuresModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(throwingMiddleware).forRoutes('fail/middleware');
  }
}

/** The fixture app; `safeErrors: false` gives the same app on Nest's defaults, for differential tests. */
export function fixtureModule(
  safeErrors: SafeErrorsModuleOptions | false,
): DynamicModule {
  return {
    module: class FixtureAppModule {},
    imports: [
      ...(safeErrors === false ? [] : [SafeErrorsModule.forRoot(safeErrors)]),
      FailuresModule,
    ],
  };
}
