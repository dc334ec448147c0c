import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import type { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { AuthGuard } from './auth.guard.js';

interface UserRequest {
  user: { id: string; name: string };
}

@Controller('users')
@UseGuards(AuthGuard)
export class UsersController {
  constructor(private readonly orders: OrdersService) {}

  /** 401 without the demo token, 200 with it. */
  @Get('me')
  me(@Req() req: UserRequest): { id: string; name: string } {
    return req.user;
  }

  /** An authenticated route whose query fails: the log names the user, the client sees an ID. */
  @Get('me/orders')
  myOrders(@Req() req: UserRequest): Order[] {
    return this.orders.historyOf(req.user.id);
  }
}
