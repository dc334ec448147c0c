import { BadRequestException, HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { isHttpException, read } from '../common/exception-inspection.js';

interface HttpErrorLike extends Error {
  expose: boolean;
  status: number;
  statusCode: number;
}

/** @internal An error of the http-errors package (body-parser's 413 and 415, Express's own), as Nest 12 tells one. */
function isHttpError(error: unknown): error is HttpErrorLike {
  return (
    read(() => {
      const e = error as Partial<HttpErrorLike>;
      return (
        error instanceof Error &&
        typeof e.expose === 'boolean' &&
        typeof e.statusCode === 'number' &&
        e.status === e.statusCode
      );
    }) === true
  );
}

function isBadSyntax(error: unknown): error is SyntaxError | URIError {
  return (
    read(
      () =>
        (error instanceof SyntaxError || error instanceof URIError) &&
        (error as { status?: unknown }).status === 400 &&
        typeof error.message === 'string',
    ) === true
  );
}

/**
 * @internal What Nest 12's Express adapter makes of an error raised by Express middleware before a route:
 * body-parser's bad JSON and Express's bad percent-encoding (400) become a `BadRequestException`, any
 * other 4xx http-errors instance an `HttpException` with its status (its message only when it may be
 * shown); anything else stays as it is. Nest 11 leaves such an error raw, so a catch-all filter would
 * answer an oversized body with a 500.
 */
export function asHttpException(error: unknown): unknown {
  if (isBadSyntax(error)) {
    // The cause set afterwards: given as an option, Nest 11 drops "error": "Bad Request" from the body.
    const mapped = new BadRequestException(error.message);
    mapped.cause = error;
    return mapped;
  }
  if (!isHttpError(error) || error.statusCode >= 500) return error;
  // A status without a phrase gets Nest 12's fallback for an error that must not be shown.
  const message = read(() =>
    error.expose === false
      ? (STATUS_CODES[error.statusCode] ?? 'Internal server error')
      : error.message,
  );
  return new HttpException(message ?? 'Error', error.statusCode, {
    cause: error,
  });
}

/**
 * @internal Whether the Express adapter itself maps these errors as {@link asHttpException} does (Nest 12
 * does, Nest 11 does not): then the middleware below is left out, and no request pays for its layer.
 * Asked of the adapter with one error of each kind; an adapter that answers otherwise, or throws, gets it.
 */
export function adapterMapsFrameworkErrors(adapter: unknown): boolean {
  const probes = [
    Object.assign(new Error('request entity too large'), {
      expose: true,
      status: 413,
      statusCode: 413,
    }),
    Object.assign(new SyntaxError('Unexpected end of JSON input'), {
      status: 400,
    }),
  ];
  return probes.every((probe) => {
    const mapped = read(() =>
      (adapter as { mapException(error: unknown): unknown }).mapException(
        probe,
      ),
    );
    return (
      isHttpException(mapped) &&
      read(() => mapped.getStatus()) === (probe as { status: number }).status
    );
  });
}

/**
 * @internal An Express error middleware, placed after the body parsers and before the routes, that hands
 * the next handler the error as Nest 12 would see it. Only where the adapter does not map it itself.
 */
export function mapExpressFrameworkErrors(
  error: unknown,
  _request: unknown,
  _response: unknown,
  next: (error: unknown) => void,
): void {
  next(asHttpException(error));
}
