import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  InternalServerErrorException,
  IntrinsicException,
  NotFoundException,
  Param,
  Post,
  Redirect,
  Res,
  ServiceUnavailableException,
  UnauthorizedException,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
  type PipeTransform,
} from '@nestjs/common';
import { IsInt, IsString, Min } from 'class-validator';
import { getRequestId } from 'nestjs-safe-errors';
import { throwError, type Observable } from 'rxjs';
import { hostileProxy, withThrowingGetters } from '../utils/hostile-values.js';
import { PLANTED } from './planted-secrets.js';
import { withErrorCode } from '../utils/nest-version.js';

export class CreateThingDto {
  @IsString()
  name: string;

  @IsInt()
  @Min(1)
  quantity: number;
}

/** A user's own HttpException subclass with a structured body. */
export class PaymentRequiredException extends HttpException {
  constructor() {
    super(
      { statusCode: 402, code: 'CARD_DECLINED', message: 'Card declined' },
      402,
    );
  }
}

class ThrowingGuard implements CanActivate {
  canActivate(): boolean {
    throw new Error(`guard failed reading ${PLANTED.connectionString}`);
  }
}

class UserGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ user?: unknown }>().user = {
      id: 'u_7',
    };
    return true;
  }
}

class ThrowingInterceptor implements NestInterceptor {
  intercept(
    _context: ExecutionContext,
    _next: CallHandler,
  ): Observable<unknown> {
    throw new Error('interceptor failed');
  }
}

class ThrowingPipe implements PipeTransform {
  transform(): never {
    throw new RangeError('pipe failed');
  }
}

function circularError(): Error {
  const err = new Error(`circular ${PLANTED.password}`) as Error & {
    self?: unknown;
    cause?: unknown;
  };
  const other = new Error('other', { cause: err });
  err.self = err;
  err.cause = other;
  return err;
}

/** Every way a handler can fail, one route each. */
@Controller()
export class FailuresController {
  @Get('ok')
  ok(): { ok: boolean } {
    return { ok: true };
  }

  @Get('redirect')
  @Redirect('/ok', 302)
  redirect(): void {}

  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return body;
  }

  /** What getRequestId() sees inside a handler that received a body. */
  @Post('request-id')
  requestId(@Body() body: unknown): {
    requestId: string | undefined;
    body: unknown;
  } {
    return { requestId: getRequestId(), body };
  }

  @Post('fail/with-body')
  failWithBody(@Body() body: unknown): never {
    throw new Error(`cannot store ${JSON.stringify(body)}`);
  }

  @Post('things')
  create(@Body() dto: CreateThingDto): CreateThingDto {
    return dto;
  }

  @Get('fail/error')
  error(): never {
    throw new Error(
      `query failed: ${PLANTED.sql} on ${PLANTED.connectionString} with ${PLANTED.pair} and ${PLANTED.password}`,
    );
  }

  @Get('fail/type-error')
  typeError(): unknown {
    const missing = undefined as unknown as { deep: { value: number } };
    return missing.deep.value;
  }

  @Get('fail/async')
  async asyncFailure(): Promise<never> {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error(`async failure ${PLANTED.password}`);
  }

  @Get('fail/rxjs')
  rxjs(): Observable<never> {
    return throwError(() => new Error('observable failed'));
  }

  @Get('fail/thrown/:kind')
  thrown(@Param('kind') kind: string): never {
    const values: Record<string, () => unknown> = {
      string: () => `a string with ${PLANTED.password}`,
      null: () => null,
      undefined: () => undefined,
      number: () => 42,
      object: () => ({ code: 'E_DB', detail: PLANTED.sql }),
      'status-object': () => ({
        statusCode: 502,
        message: `upstream ${PLANTED.internalUrl} failed`,
      }),
      'http-errors': () =>
        Object.assign(new Error(`upstream said ${PLANTED.password}`), {
          status: 404,
          statusCode: 404,
          expose: true,
        }),
      'upstream-client': () =>
        Object.assign(new Error('Request failed with status code 404'), {
          status: 404,
          response: { status: 404, data: { error: 'not found upstream' } },
          config: { headers: { Authorization: `Bearer ${PLANTED.token}` } },
        }),
      'get-status': () =>
        Object.assign(new Error('has getStatus'), { getStatus: () => 404 }),
      'throwing-getters': () =>
        withThrowingGetters(['stack', 'message', 'name'], 'x'),
      circular: () => circularError(),
      'to-json': () =>
        Object.assign(new Error('toJSON throws'), {
          toJSON() {
            throw new Error('toJSON exploded');
          },
        }),
      proxy: () => hostileProxy(),
    };
    throw values[kind]!();
  }

  /** Puts client-controlled text (the decoded path parameter) into an error message. */
  @Get('fail/echo/:text')
  echoInMessage(@Param('text') text: string): never {
    throw new Error(`cannot handle ${text}`);
  }

  @Get('fail/guard')
  @UseGuards(ThrowingGuard)
  guard(): string {
    return 'unreachable';
  }

  @Get('fail/interceptor')
  @UseInterceptors(ThrowingInterceptor)
  interceptor(): string {
    return 'unreachable';
  }

  @Get('fail/pipe/:id')
  pipe(@Param('id', ThrowingPipe) id: string): string {
    return id;
  }

  @Get('fail/as-user')
  @UseGuards(UserGuard)
  asUser(): never {
    throw new Error('failed for a signed-in user');
  }

  @Get('fail/after-headers')
  afterHeaders(@Res() res: { raw?: unknown }): Promise<never> {
    const raw = (res.raw ?? res) as {
      writeHead(status: number, headers: Record<string, string>): void;
      write(chunk: string): void;
    };
    raw.writeHead(200, { 'content-type': 'text/plain' });
    raw.write('partial body');
    return Promise.reject(new Error('stream broke midway'));
  }

  /** The whole response is out before the throw: nothing may cut it short. */
  @Get('fail/after-send')
  afterSend(@Res() res: { raw?: unknown }): Promise<never> {
    const raw = (res.raw ?? res) as {
      writeHead(status: number, headers: Record<string, string>): void;
      end(chunk: string): void;
    };
    raw.writeHead(200, { 'content-type': 'text/plain' });
    raw.end('complete body');
    return Promise.reject(new Error('audit hook failed after sending'));
  }

  @Get('fail/http-after-headers')
  httpAfterHeaders(@Res() res: { raw?: unknown }): Promise<never> {
    const raw = (res.raw ?? res) as {
      writeHead(status: number, headers: Record<string, string>): void;
      write(chunk: string): void;
    };
    raw.writeHead(200, { 'content-type': 'text/plain' });
    raw.write('partial-');
    return Promise.reject(new InternalServerErrorException('export failed'));
  }

  @Get('fail/intrinsic')
  intrinsic(): never {
    throw new IntrinsicException('thrown on purpose by the framework');
  }

  @Get('http/not-found')
  notFound(): never {
    throw new NotFoundException('Order 7 not found');
  }

  @Get('http/unauthorized')
  unauthorized(): never {
    throw new UnauthorizedException();
  }

  @Get('http/forbidden')
  forbidden(): never {
    throw new ForbiddenException('Not your order');
  }

  @Get('http/custom')
  custom(): never {
    throw new PaymentRequiredException();
  }

  @Get('http/string')
  stringBody(): never {
    throw new HttpException('I am a teapot', 418);
  }

  @Get('http/with-cause')
  withCause(): never {
    throw new BadRequestException('Bad order', {
      cause: new Error(`cause holds ${PLANTED.connectionString}`),
    });
  }

  @Get('http/unavailable')
  unavailable(): never {
    throw new ServiceUnavailableException(
      `pool exhausted at ${PLANTED.connectionString}`,
    );
  }

  @Get('http/server-error')
  serverError(): never {
    throw new InternalServerErrorException('Service unavailable, try later');
  }

  /** A string body with Nest 12's `errorCode` option: Nest adds the code to the body it builds. */
  @Get('http/error-code')
  errorCode(): never {
    throw new HttpException(
      'Quota exceeded',
      429,
      withErrorCode('QUOTA_EXCEEDED'),
    );
  }

  /** A built-in exception with an `errorCode`: its object body carries the code itself. */
  @Get('http/error-code-built-in')
  errorCodeBuiltIn(): never {
    throw new BadRequestException('Bad order', withErrorCode('ORDER_INVALID'));
  }
}
