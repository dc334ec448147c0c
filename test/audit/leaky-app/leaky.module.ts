import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LeakyOrdersController } from './leaky.controller.js';
import { LeakyExceptionFilter } from './leaky.filter.js';

/** A deliberately leaky app: the catch-all filter that returns everything, Express's X-Powered-By left on. */
@Module({
  controllers: [LeakyOrdersController],
  providers: [{ provide: APP_FILTER, useClass: LeakyExceptionFilter }],
})
export class LeakyAppModule {}
