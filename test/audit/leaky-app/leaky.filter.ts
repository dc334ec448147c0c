import {
  Catch,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';

/**
 * The anti-pattern from the article, in Nest: a catch-all that replies 500 with the error's text, class
 * and stack, for every error, HttpExceptions included.
 */
@Catch()
export class LeakyExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error =
      exception instanceof Error ? exception : new Error(String(exception));
    response
      .status(500)
      .json({ error: String(error), type: error.name, trace: error.stack });
  }
}
