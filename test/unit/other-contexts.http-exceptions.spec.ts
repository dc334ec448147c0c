import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  ServiceUnavailableException,
  type ArgumentsHost,
} from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { useModuleFilter } from '../utils/filter-module.js';

function hostOf(type: string): ArgumentsHost {
  return { getType: () => type } as unknown as ArgumentsHost;
}

describe.each(['graphql', 'kafka-like-custom-context'])(
  'an HttpException in a %s context is returned unchanged, for the caller to report',
  (type) => {
    const safe = useModuleFilter();
    const logs = safe.logs;

    it.each([
      ['a 400', () => new BadRequestException('Order id must be a number')],
      ['a 403', () => new ForbiddenException('Not your order')],
      ['a string-bodied 418', () => new HttpException('I am a teapot', 418)],
      ['a 503', () => new ServiceUnavailableException('Try again in a minute')],
    ])(
      '%s: the very same exception, its status and body intact, no 500 made of it',
      (_what, make) => {
        const exception = make();
        const status = exception.getStatus();
        const body = exception.getResponse();
        const result = safe.filter().catch(exception, hostOf(type));
        expect(result).toBe(exception);
        expect((result as HttpException).getStatus()).toBe(status);
        expect((result as HttpException).getResponse()).toEqual(body);
        expect(result).not.toHaveProperty('requestId');
        expect(result).not.toHaveProperty('extensions');
      },
    );

    it('a plain Error next to them still becomes the opaque error, logged once', async () => {
      const result = safe
        .filter()
        .catch(
          new Error('resolver failed: password=hunter2'),
          hostOf(type),
        ) as Error & { requestId: string; extensions: unknown };
      expect(result).toBeInstanceOf(Error);
      expect(result).not.toBeInstanceOf(HttpException);
      expect(result.message).toBe('Internal server error');
      expect(result.stack).toBe('Error: Internal server error');
      expect(result.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: result.requestId,
      });
      await vi.waitFor(() =>
        expect(logs.withRequestId(result.requestId)).toHaveLength(1),
      );
      expect(logs.withRequestId(result.requestId)[0]).toMatchObject({
        level: 'error',
        message: `Unhandled Error in a ${type} handler`,
        transport: type,
        statusCode: 500,
      });
    });
  },
);
