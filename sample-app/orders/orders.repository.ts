import { Injectable } from '@nestjs/common';
import { DATABASE_URL } from '../database/database.config.js';
import { QueryFailedError } from '../database/database.error.js';
import type { Order } from './order.entity.js';

/** An in-memory table that fails the way a PostgreSQL driver does. */
@Injectable()
export class OrdersRepository {
  private readonly rows = new Map<number, Order>([
    [
      1,
      {
        id: 1,
        userId: 'u_42',
        items: [{ sku: 'BOOK-1', quantity: 1 }],
        total: 1999,
        status: 'paid',
      },
    ],
  ]);
  private nextId = 2;

  findById(rawId: string): Order | undefined {
    const sql = `SELECT id, user_id, total, status FROM orders WHERE id = '${rawId}'`;
    if (!/^\d+$/.test(rawId)) {
      throw new QueryFailedError(
        `invalid input syntax for type integer: "${rawId}" in query ${sql} (connection ${DATABASE_URL})`,
        sql,
        [rawId],
        '22P02',
      );
    }
    return this.rows.get(Number(rawId));
  }

  findByUser(userId: string): Order[] {
    // The column was renamed in a migration this code has not caught up with.
    const sql = `SELECT id, totl, status FROM orders WHERE user_id = $1`;
    throw new QueryFailedError(
      `column "totl" does not exist in ${sql}`,
      sql,
      [userId],
      '42703',
    );
  }

  insert(order: Omit<Order, 'id'>): Order {
    const row = { ...order, id: this.nextId++ };
    this.rows.set(row.id, row);
    return row;
  }
}
