import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Redirect,
} from '@nestjs/common';
import { CreateOrderDto } from './create-order.dto.js';
import type { Order } from './order.entity.js';
import { OrdersService } from './orders.service.js';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  /** 200 for order 1; 404 for a missing order; an opaque 500 for a non-numeric id (the "database" fails). */
  @Get(':id')
  findOne(@Param('id') id: string): Order {
    return this.orders.findOne(id);
  }

  /** A TypeError from a bug: an opaque 500. */
  @Get(':id/invoice')
  invoice(@Param('id') id: string): { invoice: string } {
    return { invoice: this.orders.invoiceFor(id) };
  }

  /** 201, or ValidationPipe's 400 for a bad body. */
  @Post()
  @HttpCode(201)
  create(
    @Body() dto: CreateOrderDto,
    @Headers('authorization') authorization?: string,
  ): Order {
    return this.orders.create(dto, 'u_42', authorization);
  }
}

@Controller()
export class DocsController {
  /** A redirect passes through untouched. */
  @Get('docs')
  @Redirect('/orders/1', 302)
  docs(): void {}

  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}
