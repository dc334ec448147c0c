/** What a SQL driver throws: message with the SQL and the offending value, plus driver fields. */
export class QueryFailedError extends Error {
  override readonly name = 'QueryFailedError';

  constructor(
    message: string,
    readonly query: string,
    readonly parameters: unknown[],
    readonly code: string,
  ) {
    super(message);
  }
}
