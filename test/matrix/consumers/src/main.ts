import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { RedactingLogger } from 'nestjs-safe-errors';
import { AppModule } from './app.module.js';

async function bootstrap(): Promise<void> {
  const app =
    process.env.ADAPTER === 'fastify'
      ? await NestFactory.create(AppModule, new FastifyAdapter(), { bufferLogs: true })
      : await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(RedactingLogger));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`PORT=${address.port}\n`);
}

void bootstrap();
