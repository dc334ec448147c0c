/** Secrets planted in errors: none of them may ever reach a client, nor the log unredacted. */
export const PLANTED = {
  password: 'password=Hunter2-planted',
  passwordValue: 'Hunter2-planted',
  connectionString: 'postgres://admin:S3cretDbPass@db.internal:5432/app',
  connectionPassword: 'S3cretDbPass',
  sql: "SELECT id, totl FROM orders WHERE user_id = 'u_1'",
  pair: 'api_key=AK-planted-9f8e7d',
  pairValue: 'AK-planted-9f8e7d',
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzEifQ.c2lnbmF0dXJl',
  internalUrl: 'http://10.0.0.5:8080/inventory',
} as const;
