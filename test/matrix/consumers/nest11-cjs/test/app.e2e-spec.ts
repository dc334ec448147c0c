import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { expectNoLeaks } from 'nestjs-safe-errors/testing';
import { AppModule } from '../src/app.module';

// What a Nest 11 team writes in its default e2e setup: Jest 30, ts-jest, supertest.
describe('a Nest 11 app with nestjs-safe-errors, under Jest', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a thrown Error with the opaque 500 and leaks nothing', async () => {
    const res = await request(app.getHttpServer()).get('/boom');
    expect(res.status).toBe(500);
    const id = res.headers['x-request-id'];
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error', requestId: id });
    expectNoLeaks(res);
  });

  it("answers an unknown route with Nest's own 404", async () => {
    const res = await request(app.getHttpServer()).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'Cannot GET /nope', error: 'Not Found', statusCode: 404 });
    expectNoLeaks(res);
  });

  it('expectNoLeaks fails a response that names its stack', () => {
    expect(() =>
      expectNoLeaks({
        status: 500,
        body: 'Error: db down\n    at OrdersService.find (/srv/app/dist/orders.service.js:12:9)',
      }),
    ).toThrow(/stack/);
  });
});
