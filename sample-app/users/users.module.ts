import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { AuthGuard } from './auth.guard.js';
import { UsersController } from './users.controller.js';

@Module({
  imports: [OrdersModule],
  controllers: [UsersController],
  providers: [AuthGuard],
})
export class UsersModule {}
