import {
  Module,
  ValidationPipe,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  getRequestId,
  SafeErrorsModule,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { FailuresController } from './failures.controller.js';

function throwingMiddleware(): never {
  throw new Error('middleware failed');
}

/** Shows which request ID a user's middleware sees. */
function idEchoMiddleware(
  _req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  res.setHeader('x-seen-request-id', getRequestId() ?? 'none');
  next();
}

/** Answers by itself, as an auth middleware turning a request away does. */
function denyingMiddleware(_req: IncomingMessage, res: ServerResponse): void {
  res.statusCode = 401;
  res.end();
}

@Module({
  controllers: [FailuresController],
  providers: [{ provide: APP_PIPE, useValue: new ValidationPipe() }],
})
class FailuresModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(throwingMiddleware).forRoutes('fail/middleware');
    consumer.apply(idEchoMiddleware).forRoutes('mw/seen');
    consumer.apply(denyingMiddleware).forRoutes('mw/deny');
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
