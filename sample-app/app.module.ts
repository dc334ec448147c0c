import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { SafeErrorsModule } from 'nestjs-safe-errors';
import { OrdersModule } from './orders/orders.module.js';
import { UsersModule } from './users/users.module.js';

@Module({
  imports: [
    // The one line the library asks for: a safe global filter, request IDs and a redacting logger.
    SafeErrorsModule.forRoot(),
    OrdersModule,
    UsersModule,
  ],
  providers: [
    { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true }) },
  ],
})
export class AppModule {}
