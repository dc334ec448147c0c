/**
 * The connection string a real app would read from its environment. Its password is the kind of detail that
 * must never reach a client, and reaches the log only censored.
 */
export const DATABASE_URL =
  process.env.DATABASE_URL ??
  'postgres://orders_app:Tr0ub4dor-3@db.internal:5432/shop';
