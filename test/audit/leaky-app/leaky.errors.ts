/** What an ORM throws: SQL and the connection string in the message, as drivers often do. */
export class QueryFailedError extends Error {
  override readonly name = 'QueryFailedError';
}

/** The connection string a careless app would have in its error messages. */
export const LEAKY_DATABASE_URL =
  'postgres://orders_app:Tr0ub4dor-3@db.internal:5432/shop';
