import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { LEAKY_DATABASE_URL, QueryFailedError } from './leaky.errors.js';

interface CreateOrder {
  items: { sku: string }[];
}

/** Orders whose errors carry SQL, a connection string and a stack to the client (via the filter). */
@Controller('orders')
export class LeakyOrdersController {
  /** 200 for order 1; anything else fails in the "database", SQL and connection string in the message. */
  @Get(':id')
  findOne(@Param('id') id: string): { id: number } {
    if (id === '1') return { id: 1 };
    throw new QueryFailedError(
      `relation "orderz" does not exist: SELECT * FROM orderz WHERE id = '${id}' (${LEAKY_DATABASE_URL})`,
    );
  }

  /** Trusts the body's shape: an array or a missing field is a TypeError. */
  @Post()
  create(@Body() body: CreateOrder): { skus: string[] } {
    return { skus: body.items.map((item) => item.sku) };
  }
}
