import { createRequire } from 'node:module';
import type { HttpExceptionOptions } from '@nestjs/common';

/** The major version of the Nest the suite runs against: 12, or 11 in the matrix's Nest 11 cell. */
export const NEST_MAJOR = Number(
  (
    createRequire(import.meta.url)('@nestjs/core/package.json') as {
      version: string;
    }
  ).version.split('.')[0],
);

/** Nest 12's `errorCode` option, typed so that the fixture also compiles against Nest 11, which lacks it. */
export function withErrorCode(errorCode: string): HttpExceptionOptions {
  return { errorCode } as unknown as HttpExceptionOptions;
}
