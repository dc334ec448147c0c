import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { expectNoLeaks } from 'nestjs-safe-errors/testing';

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('expectNoLeaks', () => {
  it('returns on a clean response', () => {
    expect(
      expectNoLeaks({
        status: 500,
        headers: { 'x-request-id': '3f9a1c0b7d2e4a65' },
        body: {
          statusCode: 500,
          message: 'Internal server error',
          requestId: '3f9a1c0b7d2e4a65',
        },
      }),
    ).toBeUndefined();
  });

  it('throws an AssertionError naming every finding, evidence masked', () => {
    const error = thrown(() =>
      expectNoLeaks({
        headers: { 'x-powered-by': 'Express' },
        body: 'QueryFailedError: connect to postgres://app:s3cr3t-pw@db.internal:5432/shop',
      }),
    );
    expect(error).toBeInstanceOf(AssertionError);
    const { message, code, actual } = error as AssertionError;
    expect(code).toBe('ERR_ASSERTION');
    expect(message).toBe(
      [
        'Expected the response to leak nothing, found 4 leaks:',
        '  - version-banner in header:x-powered-by: "Express"',
        '  - exception-type in body: "QueryFailedError: connect to postgres://app:[REDACTED]@db.internal:5432/shop"',
        '  - connection-string in body: "…or: connect to postgres://app:[REDACTED]@db.internal:5432/shop"',
        '  - internal-address in body: "…t to postgres://app:[REDACTED]@db.internal:5432/shop"',
      ].join('\n'),
    );
    expect(message).not.toContain('s3cr3t-pw');
    expect(actual).toHaveLength(4);
  });

  it('says "1 leak" for one, and honours the options', () => {
    const response = {
      headers: { 'x-powered-by': 'Express' },
      body: 'echo plant-1234',
    };
    const error = thrown(() =>
      expectNoLeaks(response, {
        ignore: ['version-banner'],
        secrets: ['plant-1234'],
      }),
    );
    expect((error as AssertionError).message).toBe(
      'Expected the response to leak nothing, found 1 leak:\n  - planted-secret in body: "echo [REDACTED]"',
    );
    expect(() =>
      expectNoLeaks(response, { ignore: ['version-banner'] }),
    ).not.toThrow();
  });
});
