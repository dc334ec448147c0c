/**
 * @internal Fields of database driver errors that carry bound parameters or row values: TypeORM's
 * `QueryFailedError.parameters`, Knex's `bindings`, MongoDB's `keyValue` (the duplicate key's value),
 * Sequelize's `fields`. On an error they are censored whole; the SQL text (`query`, `sql`), `code`,
 * `constraint`, `table` and `index` stay readable. Text fields (pg's `detail`, mysql2's `sqlMessage`,
 * the message itself) are scrubbed by the row-data detector.
 */
export const DRIVER_ROW_FIELDS: ReadonlySet<string> = new Set([
  'parameters',
  'bindings',
  'keyValue',
  'fields',
]);
