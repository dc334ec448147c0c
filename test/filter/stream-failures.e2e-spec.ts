import {
  Controller,
  Get,
  InternalServerErrorException,
  NotFoundException,
  Param,
  Sse,
  StreamableFile,
  type INestApplication,
  type MessageEvent,
} from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  SafeErrorsModule,
  type SafeErrorsModuleOptions,
} from 'nestjs-safe-errors';
import { concat, delay, Observable, of, throwError } from 'rxjs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootApp, NestLogRecorder, PLATFORMS } from '../utils/boot.js';
import { MemoryTransport } from '../utils/memory.transport.js';

const SECRET = 'Str3am-Planted-Secret-41';
const ID = /^[0-9a-f]{16}$/;

function failureOf(kind: string): unknown {
  const text = `DB failed: postgres://admin:${SECRET}@db.internal/prod`;
  if (kind === 'error') return new Error(text);
  if (kind === 'http500') return new InternalServerErrorException(text);
  if (kind === 'expose')
    return Object.assign(new Error(text), { status: 400, expose: true });
  return new NotFoundException('no such order');
}

@Controller()
class StreamsController {
  @Sse('sse/after-first/:kind')
  afterFirst(@Param('kind') kind: string): Observable<MessageEvent> {
    return concat(
      of({ data: { n: 1 } }),
      throwError(() => failureOf(kind)).pipe(delay(30)),
    ) as Observable<MessageEvent>;
  }

  @Sse('sse/before-first')
  beforeFirst(): Observable<MessageEvent> {
    return throwError(() => failureOf('error'));
  }

  @Get('file/missing')
  missing(): StreamableFile {
    return new StreamableFile(createReadStream('/nonexistent/reports/q3.pdf'));
  }

  @Get('file/midway')
  midway(): StreamableFile {
    let sent = false;
    const stream = new Readable({
      read() {
        if (!sent) {
          sent = true;
          this.push(Buffer.alloc(64 * 1024, 'a'));
          return;
        }
        setTimeout(() => this.destroy(failureOf('error') as Error), 20);
      },
    });
    return new StreamableFile(stream);
  }
}

/** The whole body of an SSE answer, read to its end. */
async function sseBody(app: INestApplication, path: string) {
  return request(app.getHttpServer())
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += String(chunk)));
      res.on('end', () => done(null, text));
    });
}

function everything(logs: MemoryTransport, nest: NestLogRecorder): string {
  return JSON.stringify(logs.lines) + JSON.stringify(nest.lines);
}

describe.each(PLATFORMS)(
  "streams fail under the filter's rules (%s)",
  (platform) => {
    describe.each<[string, SafeErrorsModuleOptions]>([
      ['defaults', {}],
      ['opaqueServerErrors', { opaqueServerErrors: true }],
    ])('with %s', (_name, options) => {
      let app: INestApplication;
      const logs = new MemoryTransport();
      const nest = new NestLogRecorder();

      beforeAll(async () => {
        app = await bootApp(
          {
            imports: [
              SafeErrorsModule.forRoot({
                ...options,
                logger: { transports: [logs] },
              }),
            ],
            controllers: [StreamsController],
          },
          { platform, logger: nest },
        );
      });
      afterAll(() => app.close());

      it.each([
        'error',
        'expose',
        ...(options.opaqueServerErrors ? ['http500'] : []),
      ])(
        'an SSE stream failing with %s after its first event ends with one opaque error event, logged once with the ID',
        async (kind) => {
          const res = await sseBody(app, `/sse/after-first/${kind}`);
          expect(res.status).toBe(200);
          const requestId = res.headers['x-request-id'] as string;
          expect(requestId).toMatch(ID);
          const status = 500;
          // Nest opens every stream with an empty line.
          expect(res.body).toBe(
            `\nid: 1\ndata: {"n":1}\n\nevent: error\nid: 2\ndata: {"statusCode":${status},"message":"Internal server error","requestId":"${requestId}"}\n\n`,
          );
          await vi.waitFor(() =>
            expect(logs.withRequestId(requestId)).toHaveLength(1),
          );
          const [line] = logs.withRequestId(requestId);
          expect(line).toMatchObject({ level: 'error', statusCode: status });
          expect(JSON.stringify(line)).toContain(
            'postgres://admin:[REDACTED]@db.internal/prod',
          );
          expect(everything(logs, nest)).not.toContain(SECRET);
        },
      );

      it("an SSE stream failing with a 4xx HttpException after its first event keeps Nest's message", async () => {
        const res = await sseBody(app, '/sse/after-first/http404');
        expect(res.body).toContain(
          'event: error\nid: 2\ndata: no such order\n\n',
        );
      });

      it('an SSE stream failing before its first event gets the ordinary opaque 500', async () => {
        const res = await request(app.getHttpServer()).get('/sse/before-first');
        expect(res.status).toBe(500);
        const requestId = res.headers['x-request-id'] as string;
        expect(res.body).toEqual({
          statusCode: 500,
          message: 'Internal server error',
          requestId,
        });
        await vi.waitFor(() =>
          expect(logs.withRequestId(requestId)).toHaveLength(1),
        );
        expect(everything(logs, nest)).not.toContain(SECRET);
      });

      it('a StreamableFile whose file is missing answers the opaque 500, and is logged once with the ID', async () => {
        const res = await request(app.getHttpServer()).get('/file/missing');
        expect(res.status).toBe(500);
        const requestId = res.headers['x-request-id'] as string;
        expect(requestId).toMatch(ID);
        expect(JSON.parse(res.text)).toEqual({
          statusCode: 500,
          message: 'Internal server error',
          requestId,
        });
        await vi.waitFor(() =>
          expect(logs.withRequestId(requestId)).toHaveLength(1),
        );
        expect(res.text).not.toContain(SECRET);
        expect(everything(logs, nest)).not.toContain('/nonexistent/' + SECRET);
      });

      it('a StreamableFile failing mid-way closes the connection, and is logged once with the ID', async () => {
        const before = logs.lines.length;
        const outcome = await request(app.getHttpServer())
          .get('/file/midway')
          .then(
            (res) => ({ res, error: undefined as unknown }),
            (error: unknown) => ({ res: undefined, error }),
          );
        // The client must not take a truncated file for a whole one: the connection is cut.
        expect(
          outcome.res?.status === 200 && outcome.error === undefined
            ? 'whole'
            : 'cut',
        ).toBe('cut');
        await vi.waitFor(() =>
          expect(
            logs
              .records()
              .slice(before)
              .filter((r) => r.level === 'error'),
          ).toHaveLength(1),
        );
        const [line] = logs
          .records()
          .slice(before)
          .filter((r) => r.level === 'error');
        expect(line!.requestId).toMatch(ID);
        expect(everything(logs, nest)).not.toContain(SECRET);
      });
    });
  },
);

describe.each(PLATFORMS)(
  'with problemDetails, a failing SSE stream ends with a problem (%s)',
  (platform) => {
    let app: INestApplication;
    const logs = new MemoryTransport();

    beforeAll(async () => {
      app = await bootApp(
        {
          imports: [
            SafeErrorsModule.forRoot({
              problemDetails: true,
              logger: { transports: [logs] },
            }),
          ],
          controllers: [StreamsController],
        },
        { platform },
      );
    });
    afterAll(() => app.close());

    it('its last event is the RFC 9457 body with the request ID', async () => {
      const res = await sseBody(app, '/sse/after-first/error');
      const requestId = res.headers['x-request-id'] as string;
      expect(res.body).toBe(
        `\nid: 1\ndata: {"n":1}\n\nevent: error\nid: 2\ndata: {"type":"about:blank","title":"Internal Server Error","status":500,"requestId":"${requestId}"}\n\n`,
      );
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });
  },
);
