import { describe, expect, it } from 'vitest';
import { prettyFormat } from '../../lib/logging/log-format.js';

const record = (extra: Record<string, unknown>) => ({
  level: 'error',
  message: 'Unhandled Error on GET /orders/:id',
  timestamp: '2026-12-03T09:00:00.000Z',
  context: 'SafeErrorsFilter',
  requestId: '3f2a9c0d1e2b3a4f',
  ...extra,
});

describe('the pretty format', () => {
  it('puts level, context and request ID first, other fields as JSON, and the stack below', () => {
    const line = prettyFormat(false)(
      record({
        statusCode: 500,
        error: {
          name: 'Error',
          message: 'disk full',
          stack:
            'Error: disk full\n    at a (/app/a.js:1:1)\n    at b (/app/b.js:2:2)',
          code: 'ENOSPC',
        },
      }),
    );
    expect(line.split('\n')).toEqual([
      '2026-12-03T09:00:00.000Z ERROR   [SafeErrorsFilter] 3f2a9c0d1e2b3a4f Unhandled Error on GET /orders/:id {"statusCode":500,"error":{"code":"ENOSPC"}}',
      '    Error: disk full',
      '        at a (/app/a.js:1:1)',
      '        at b (/app/b.js:2:2)',
    ]);
  });

  it("keeps a message's own line breaks and escapes in the stack's header escaped", () => {
    const line = prettyFormat(false)(
      record({
        error: {
          name: 'Error',
          message: 'x\n2026-12-03 INFO forged\u001b[2J',
          stack:
            'Error: x\n2026-12-03 INFO forged\u001b[2J\n    at a (/app/a.js:1:1)',
        },
      }),
    );
    expect(line.split('\n')).toEqual([
      '2026-12-03T09:00:00.000Z ERROR   [SafeErrorsFilter] 3f2a9c0d1e2b3a4f Unhandled Error on GET /orders/:id',
      '    Error: x\\n2026-12-03 INFO forged\\u001b[2J',
      '        at a (/app/a.js:1:1)',
    ]);
  });

  it("keeps an error's name or message in the fields when the stack's header does not say them", () => {
    const line = prettyFormat(false)(
      record({
        error: {
          name: 'QueryFailedError',
          message: 'deadlock',
          stack: 'Error\n    at q (/app/q.js:3:3)',
        },
      }),
    );
    expect(line.split('\n')[0]).toContain(
      '{"error":{"message":"deadlock","name":"QueryFailedError"}}',
    );
  });

  it("shows Nest's stack field (logger.error(message, stack)) the same way", () => {
    const line = prettyFormat(false)(
      record({ stack: 'Error: boom\n    at c (/app/c.js:4:4)' }),
    );
    expect(line.split('\n')).toEqual([
      '2026-12-03T09:00:00.000Z ERROR   [SafeErrorsFilter] 3f2a9c0d1e2b3a4f Unhandled Error on GET /orders/:id',
      '    Error: boom',
      '        at c (/app/c.js:4:4)',
    ]);
  });

  it('colours only the level, the context and the ID', () => {
    const line = prettyFormat(true)(record({}));
    expect(line).toBe(
      '2026-12-03T09:00:00.000Z \u001b[31mERROR  \u001b[0m \u001b[33m[SafeErrorsFilter]\u001b[0m \u001b[90m3f2a9c0d1e2b3a4f\u001b[0m Unhandled Error on GET /orders/:id',
    );
  });
});
