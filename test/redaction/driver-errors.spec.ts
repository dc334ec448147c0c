import { describe, expect, it } from 'vitest';
import { redact } from '../../lib/redaction/redact.js';

const R = '[REDACTED]';

// Errors built with the fields and message texts each driver documents and sets; no driver is installed.
class DatabaseError extends Error {
  override name = 'error'; // node-postgres names its DatabaseError `error`
  code = '23505';
  detail?: string;
  constraint?: string;
  table?: string;
  schema = 'public';
}

function pgError(
  message: string,
  fields: Partial<DatabaseError>,
): DatabaseError {
  return Object.assign(new DatabaseError(message), fields);
}

describe('driver errors: row data and bound parameters are censored, SQL and names stay', () => {
  it('node-postgres unique violation: the key value goes, the column and constraint stay', () => {
    const err = pgError(
      'duplicate key value violates unique constraint "users_email_key"',
      {
        detail: 'Key (email)=(alice@example.com) already exists.',
        constraint: 'users_email_key',
        table: 'users',
      },
    );
    expect(redact(err)).toMatchObject({
      message:
        'duplicate key value violates unique constraint "users_email_key"',
      detail: `Key (email)=(${R}) already exists.`,
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
    });
  });

  it('node-postgres not-null or check violation: the failing row goes', () => {
    const err = pgError(
      'new row for relation "users" violates check constraint "pw_len"',
      {
        code: '23514',
        detail: 'Failing row contains (1, admin, hunter2, 2026-12-01).',
        constraint: 'pw_len',
      },
    );
    expect(redact(err)).toMatchObject({
      detail: `Failing row contains (${R}).`,
      constraint: 'pw_len',
    });
  });

  it('node-postgres foreign key violation', () => {
    const err = pgError(
      'insert or update on table "orders" violates foreign key constraint',
      {
        code: '23503',
        detail: 'Key (user_id)=(42) is not present in table "users".',
      },
    );
    expect(redact(err)).toMatchObject({
      detail: `Key (user_id)=(${R}) is not present in table "users".`,
    });
  });

  it("mysql2 duplicate entry: sqlMessage and message lose the value, keep the key's name and the SQL", () => {
    const text = "Duplicate entry 'alice@example.com' for key 'users.email'";
    const err = Object.assign(new Error(text), {
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
      sqlMessage: text,
      sql: 'INSERT INTO users (email) VALUES (?)',
    });
    const out = redact(err) as Record<string, unknown>;
    const expected = `Duplicate entry '${R}' for key 'users.email'`;
    expect(out.message).toBe(expected);
    expect(out.sqlMessage).toBe(expected);
    expect(out.sql).toBe('INSERT INTO users (email) VALUES (?)');
    expect(out.code).toBe('ER_DUP_ENTRY');
    expect(String(out.stack)).not.toContain('alice@example.com');
  });

  it('TypeORM QueryFailedError: parameters go, the query stays, the driver error is scrubbed', () => {
    const driverError = pgError(
      'duplicate key value violates unique constraint "u"',
      {
        detail: 'Key (email)=(alice@example.com) already exists.',
      },
    );
    const err = Object.assign(new Error(driverError.message), {
      name: 'QueryFailedError',
      query: 'INSERT INTO "user"("email", "password") VALUES ($1, $2)',
      parameters: ['alice@example.com', 'hunter2'],
      driverError,
    });
    const out = redact(err) as Record<string, unknown>;
    expect(out.parameters).toBe(R);
    expect(out.query).toBe(
      'INSERT INTO "user"("email", "password") VALUES ($1, $2)',
    );
    expect(JSON.stringify(out)).not.toMatch(/alice@example\.com|hunter2/);
  });

  it('two rows on one line each go, and the text between them stays', () => {
    expect(
      redact(
        "Duplicate entry 'a@b.c' for key 'users.email' and Duplicate entry 'x' for key 'y'",
      ),
    ).toBe(
      `Duplicate entry '${R}' for key 'users.email' and Duplicate entry '${R}' for key 'y'`,
    );
    expect(redact('Key (email)=(a@b.c) already exists. (id)=(5)')).toBe(
      `Key (email)=(${R}) already exists. (id)=(5)`,
    );
  });

  it('Knex: bindings go', () => {
    const err = Object.assign(
      new Error('insert into "users" - duplicate key'),
      {
        sql: 'insert into "users" ("email") values (?)',
        bindings: ['alice@example.com'],
      },
    );
    expect(redact(err)).toMatchObject({
      bindings: R,
      sql: 'insert into "users" ("email") values (?)',
    });
  });

  it('MongoDB duplicate key (E11000): keyValue and the dup key in the message go', () => {
    const err = Object.assign(
      new Error(
        'E11000 duplicate key error collection: shop.users index: email_1 dup key: { email: "alice@example.com" }',
      ),
      {
        name: 'MongoServerError',
        code: 11000,
        keyPattern: { email: 1 },
        keyValue: { email: 'alice@example.com' },
      },
    );
    const out = redact(err) as Record<string, unknown>;
    expect(out.message).toBe(
      `E11000 duplicate key error collection: shop.users index: email_1 dup key: { email: ${R} }`,
    );
    expect(out.keyValue).toBe(R);
    expect(out.keyPattern).toEqual({ email: 1 });
    expect(out.code).toBe(11000);
  });

  it('Prisma known request error: meta field names stay (they hold no values)', () => {
    const err = Object.assign(
      new Error('Unique constraint failed on the fields: (`email`)'),
      {
        name: 'PrismaClientKnownRequestError',
        code: 'P2002',
        clientVersion: '6.0.0',
        meta: { modelName: 'User', target: ['email'] },
      },
    );
    expect(redact(err)).toMatchObject({
      message: 'Unique constraint failed on the fields: (`email`)',
      code: 'P2002',
      meta: { modelName: 'User', target: ['email'] },
    });
  });

  it('Prisma validation error: the secret arguments in its dump go', () => {
    const err = Object.assign(
      new Error(
        'Invalid `prisma.user.create()` invocation:\n\n{\n  data: {\n    email: "ada@example.com",\n    password: "hunter2",\n    ~~~~~~~~\n  }\n}\n\nUnknown argument `password`.',
      ),
      { name: 'PrismaClientValidationError', clientVersion: '6.0.0' },
    );
    const out = redact(err) as Record<string, unknown>;
    expect(out.message).toContain(`password: "${R}"`);
    expect(out.message).toContain('Unknown argument `password`.');
  });

  it('a plain object with a parameters field is not a driver error: it stays', () => {
    expect(redact({ parameters: ['a', 'b'] })).toEqual({
      parameters: ['a', 'b'],
    });
  });
});
